/**
 * Turns the figure catalogue into file contents in memory: PNGs and GIF frames drawn with
 * @napi-rs/canvas, SVGs as text. No file is written here (see write-outputs.ts), so tests and the
 * benchmark can render without touching public/. Each figure sees only the inputs it declares
 * (record-view.ts); one renderer module per format (render-png.ts, render-svg.ts, render-gif.ts).
 */
import { type FigureDefinition, figureCatalogue } from '../../src/figures/figure-catalogue.ts';
import type { FigureText } from '../../src/figures/figure-text.ts';
import { registerFigureFonts } from './fonts.ts';
import { type RecordSource, recordView } from './record-view.ts';
import { renderGif } from './render-gif.ts';
import { renderPng } from './render-png.ts';
import { renderSvg } from './render-svg.ts';

/** One figure, ready to be written. */
export interface RenderedFigure {
  id: string;
  format: 'png' | 'svg' | 'gif';
  bytes: Buffer;
  /** Pixel size of the file (for SVG: its viewBox size in CSS px). */
  width: number;
  height: number;
  displayWidth: number;
  alt: string;
  caption: string;
  /** Time spent drawing and encoding it, in milliseconds. */
  ms: number;
}

/** Progress callbacks: each figure as it is finished, and the animation's frames as they are drawn. */
export interface RenderProgress {
  onFigure?: (figure: RenderedFigure) => void;
  onFrame?: (figureId: string, done: number, total: number) => void;
}

/** The catalogue's figures whose ids are in `only` (all of them without it). */
function selected(record: RecordSource, only: ReadonlySet<string> | undefined): FigureDefinition[] {
  return figureCatalogue(record).filter((figure) => only === undefined || only.has(figure.id));
}

/**
 * Renders every figure of the catalogue (or those whose ids are in `only`) and times each, from
 * the start of its drawing to its finished bytes. PNG encoding runs on worker threads while the
 * main thread draws the animation, so the two cores share the work. `record` needs its trained
 * parts only if a selected figure declares them.
 */
export async function renderFigures(
  record: RecordSource,
  only?: ReadonlySet<string>,
  progress: RenderProgress = {},
): Promise<RenderedFigure[]> {
  registerFigureFonts();
  const figures = selected(record, only);
  const timed = (
    figure: FigureDefinition,
    start: number,
    out: { bytes: Buffer; width: number; height: number },
  ): RenderedFigure => {
    const text = figure.text(recordView(record, figure.id, figure.inputs));
    const rendered: RenderedFigure = {
      id: figure.id,
      format: figure.format,
      ...out,
      displayWidth: figure.displayWidth,
      alt: text.alt,
      caption: text.caption,
      ms: performance.now() - start,
    };
    progress.onFigure?.(rendered);
    return rendered;
  };
  // PNGs and SVGs first (their encoding continues in the background), then the animation.
  const results = new Map<string, Promise<RenderedFigure>>();
  for (const figure of figures) {
    const start = performance.now();
    const view = recordView(record, figure.id, figure.inputs);
    if (figure.format === 'png') {
      const png = renderPng(figure, view).then((out) => timed(figure, start, out));
      // Rejections are collected by Promise.all below; until then they must not count as unhandled.
      png.catch(() => undefined);
      results.set(figure.id, png);
    }
    if (figure.format === 'svg')
      results.set(figure.id, Promise.resolve(timed(figure, start, renderSvg(figure, view))));
  }
  for (const figure of figures) {
    if (figure.format !== 'gif') continue;
    const start = performance.now();
    const out = await renderGif(
      figure,
      recordView(record, figure.id, figure.inputs),
      (done, total) => progress.onFrame?.(figure.id, done, total),
    );
    results.set(figure.id, Promise.resolve(timed(figure, start, out)));
  }
  return Promise.all(figures.map((figure) => results.get(figure.id)!));
}

/** The alt text and caption of the selected figures, without drawing them (for a figure whose text code changed but not its drawing). */
export function figureTexts(
  record: RecordSource,
  only?: ReadonlySet<string>,
): Map<string, FigureText> {
  return new Map(
    selected(record, only).map((figure) => [
      figure.id,
      figure.text(recordView(record, figure.id, figure.inputs)),
    ]),
  );
}
