/**
 * Turns the figure catalogue into file contents in memory: PNGs and GIF frames drawn with
 * @napi-rs/canvas, SVGs as text. No file is written here (see write-outputs.ts), so tests and the
 * benchmark can render without touching public/.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { RunRecord } from '../../src/nn/types.ts';
import {
  figureCatalogue,
  GIF_PIXEL_RATIO,
  PNG_PIXEL_RATIO,
  type FigureDefinition,
  type GifFigure,
  type PngFigure,
  type SvgFigure,
} from '../../src/figures/figure-catalogue.ts';
import { createFrameDiffer, createPaletteMapper, figurePalette } from '../../src/figures/gif-palette.ts';
import { FONT_FAMILY } from '../../src/figures/theme.ts';
import { drawTrainingFrame } from '../../src/figures/training-frame.ts';
import { encodeGif, type GifFrame } from './encode-gif.ts';
import { registerFigureFonts, regularFontDataUrl } from './fonts.ts';

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

/** A canvas of `size` CSS px at `ratio` device pixels per CSS px, with its context scaled to draw in CSS px. */
function scaledCanvas(size: { width: number; height: number }, ratio: number) {
  const canvas = createCanvas(Math.round(size.width * ratio), Math.round(size.height * ratio));
  const ctx = canvas.getContext('2d');
  prepareContext(ctx, ratio);
  return { canvas, ctx };
}

/** Settings that make text the same on every machine: an explicit language and the scaling. */
function prepareContext(ctx: SKRSContext2D, ratio: number): void {
  ctx.lang = 'en';
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.imageSmoothingEnabled = false;
}

/** Draws a PNG figure now; its encoding runs on a libuv worker thread (the returned promise). */
function renderPng(figure: PngFigure, record: RunRecord): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { canvas, ctx } = scaledCanvas(figure.size(record), PNG_PIXEL_RATIO);
  figure.draw(ctx, record);
  return canvas.encode('png').then((bytes) => ({ bytes, width: canvas.width, height: canvas.height }));
}

/** Lets pending callbacks (finished PNG encodings) run, so their times are taken when they finish. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Draws the animation's frames on the main thread and encodes them as one GIF. */
async function renderGif(figure: GifFigure, record: RunRecord): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { canvas, ctx } = scaledCanvas(figure.size(record), GIF_PIXEL_RATIO);
  const palette = figurePalette();
  const mapper = createPaletteMapper(palette);
  const toPatch = createFrameDiffer(canvas.width, canvas.height, mapper);
  const inputs = figure.frames(record);
  const delays = figure.delays(inputs.length);
  const frames: GifFrame[] = [];
  for (const [k, input] of inputs.entries()) {
    prepareContext(ctx, GIF_PIXEL_RATIO);
    drawTrainingFrame(ctx, input, figure.displayWidth);
    frames.push({ patch: toPatch(ctx.getImageData(0, 0, canvas.width, canvas.height).data), delayMs: delays[k]! });
    await yieldToEventLoop();
  }
  return { bytes: encodeGif(canvas.width, canvas.height, palette, frames), width: canvas.width, height: canvas.height };
}

function renderSvg(figure: SvgFigure, record: RunRecord, fontCss: string): { bytes: Buffer; width: number; height: number } {
  const size = figure.size(record);
  return { bytes: Buffer.from(figure.svg(record, { fontCss }), 'utf8'), width: size.width, height: size.height };
}

/**
 * Renders every figure of the catalogue (or those whose ids are in `only`) and times each, from
 * the start of its drawing to its finished bytes. PNG encoding runs on worker threads while the
 * main thread draws the animation, so the two cores share the work.
 */
export async function renderFigures(record: RunRecord, only?: ReadonlySet<string>): Promise<RenderedFigure[]> {
  registerFigureFonts();
  // The SVGs carry the font themselves: an SVG shown with <img> cannot use the page's fonts.
  const fontCss = `@font-face{font-family:"${FONT_FAMILY}";src:url(${regularFontDataUrl()}) format("woff2");font-weight:400;font-style:normal}`;
  const figures = figureCatalogue(record).filter((figure) => only === undefined || only.has(figure.id));
  const timed = (figure: FigureDefinition, start: number, out: { bytes: Buffer; width: number; height: number }): RenderedFigure => {
    const text = figure.text(record);
    return {
      id: figure.id,
      format: figure.format,
      ...out,
      displayWidth: figure.displayWidth,
      alt: text.alt,
      caption: text.caption,
      ms: performance.now() - start,
    };
  };
  // PNGs and SVGs first (their encoding continues in the background), then the animation.
  const results = new Map<string, Promise<RenderedFigure>>();
  for (const figure of figures) {
    const start = performance.now();
    if (figure.format === 'png') results.set(figure.id, renderPng(figure, record).then((out) => timed(figure, start, out)));
    if (figure.format === 'svg') results.set(figure.id, Promise.resolve(timed(figure, start, renderSvg(figure, record, fontCss))));
  }
  for (const figure of figures) {
    if (figure.format !== 'gif') continue;
    const start = performance.now();
    const out = await renderGif(figure, record);
    results.set(figure.id, Promise.resolve(timed(figure, start, out)));
  }
  return Promise.all(figures.map((figure) => results.get(figure.id)!));
}
