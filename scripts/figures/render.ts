/**
 * Turns figure definitions into file contents in memory: PNGs and GIF frames drawn with
 * @napi-rs/canvas, SVGs as text, each in its colour scheme (src/figures/colour-scheme.ts). No file
 * is written here (see write-outputs.ts). Each figure sees only what it declares (record-view.ts);
 * one renderer module per format.
 */
import type {
  FigureDefinition,
  FigureInput,
  FigureText,
} from '../../src/figures/figure-definition.ts';
import { fullSizeId } from '../../src/figures/figure-manifest.ts';
import { FigureModuleError, type LoadedFigure } from './figure-modules.ts';
import { registerFigureFonts } from './fonts.ts';
import { type LzwCompressor, startLzwCompressor } from './lzw-pool.ts';
import { figureInput, type RecordSource } from './record-view.ts';
import { renderGif } from './render-gif.ts';
import { renderPng } from './render-png.ts';
import { renderSvg } from './render-svg.ts';

/** One figure, ready to be written. */
export interface RenderedFigure {
  id: string;
  format: FigureDefinition['format'];
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

/** Progress callbacks: each figure as it is finished, and an animation's frames as they are drawn. */
export interface RenderProgress {
  onFigure?: (figure: RenderedFigure) => void;
  onFrame?: (figureId: string, done: number, total: number) => void;
}

type Drawn = { bytes: Buffer; width: number; height: number };

/**
 * How many PNG outputs may be drawn and waiting for their encoding at once (the encoders run on
 * libuv's 4 threads): a drawing's full and half size count as two.
 */
const PNG_IN_FLIGHT = 4;

/** A finished output of `figure`, with the text of its drawing and the time since `start`. */
function renderedFigure(
  figure: LoadedFigure,
  drawn: Drawn,
  made: { text: FigureText; start: number },
): RenderedFigure {
  return {
    id: figure.id,
    format: figure.definition.format,
    ...drawn,
    displayWidth: figure.definition.displayWidth,
    alt: made.text.alt,
    caption: made.text.caption,
    ms: performance.now() - made.start,
  };
}

/**
 * Renders `figures` from the runs in `sources` (by experiment name) and times each, from the start
 * of its drawing to its finished bytes. The animations' compression and the PNGs' encoding run
 * on worker threads while the main thread draws the next figure, so the two cores share the work.
 */
export async function renderFigures(
  figures: readonly LoadedFigure[],
  sources: ReadonlyMap<string, RecordSource>,
  progress: RenderProgress = {},
): Promise<RenderedFigure[]> {
  registerFigureFonts();
  // The animations first: their frames are compressed on a worker thread while this one draws
  // the next animation and then the PNGs (whose encoding goes on in the background too). One
  // worker serves every animation, started with the first: they are drawn one after another, and
  // it compresses a frame in less time than this thread takes to draw one.
  let compressor: LzwCompressor | undefined;
  const lzw = (): LzwCompressor => (compressor ??= startLzwCompressor());
  try {
    return await drawEach(figures, { sources, progress, lzw });
  } finally {
    await compressor?.close();
  }
}

/** What every drawing of one render shares: the runs, the progress callbacks, and the animations' compressor. */
interface RenderContext {
  sources: ReadonlyMap<string, RecordSource>;
  progress: RenderProgress;
  /** The compressor of the animations' frames, started when first asked for. */
  lzw: () => LzwCompressor;
}

/** Draws each of `figures`, the animations first, a few PNGs encoding at a time; resolves when every output is made. */
async function drawEach(
  figures: readonly LoadedFigure[],
  context: RenderContext,
): Promise<RenderedFigure[]> {
  const { progress } = context;
  const results = new Map<string, Promise<RenderedFigure>>();
  const encoding = new Set<Promise<unknown>>();
  const ordered = drawingsOf(figures).sort(
    (a, b) => Number(b[0]!.definition.format === 'gif') - Number(a[0]!.definition.format === 'gif'),
  );
  for (const outputs of ordered) {
    // Each PNG holds its pixels until it is encoded: a few at a time keep the memory bounded.
    while (encoding.size >= PNG_IN_FLIGHT) await Promise.race(encoding);
    const start = performance.now();
    const drawing = drawFigure(outputs, context);
    // The sizes of one drawing share its alt text and caption, made once.
    let text: FigureText | undefined;
    const made = outputs.map((figure, k) =>
      drawing.done[k]!.then((out) => {
        text ??= figure.definition.text(drawing.input!);
        const rendered = renderedFigure(figure, out, { text, start });
        progress.onFigure?.(rendered);
        return rendered;
      }).catch((error: unknown) => {
        throw figureError(figure, error);
      }),
    );
    // An animation draws on this thread: the next figure starts once its frames are drawn.
    await drawing.drawn.catch(() => undefined);
    outputs.forEach((figure, k) => {
      // Rejections are collected by Promise.all below; until then they must not count as unhandled.
      const settled = made[k]!.catch(() => undefined);
      if (figure.definition.format === 'png') {
        encoding.add(settled);
        void settled.then(() => encoding.delete(settled));
      }
      results.set(figure.id, made[k]!);
    });
  }
  return Promise.all(figures.map((figure) => results.get(figure.id)!));
}

/**
 * The figures grouped by drawing: the outputs of one module in one scheme (a PNG's full and half
 * size come from one drawing), each group in the order of `figures`.
 */
function drawingsOf(figures: readonly LoadedFigure[]): LoadedFigure[][] {
  const groups = new Map<string, LoadedFigure[]>();
  for (const figure of figures) {
    const key = `${figure.file}\n${figure.scheme}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return [...groups.values()];
}

/**
 * One drawing being made: `drawn` once this thread is free for the next one, and `done`, for each
 * of its outputs in order, with that file's bytes; `input`, what its figure was given (none if
 * that failed).
 */
interface Drawing {
  drawn: Promise<unknown>;
  done: Promise<Drawn>[];
  input?: FigureInput;
}

/**
 * Starts drawing one figure in one scheme, for `outputs` (its sizes). A PNG is drawn when this
 * returns (its encodings go on); an animation's frames are drawn over several turns of the event
 * loop, and compressed after.
 */
function drawFigure(outputs: readonly LoadedFigure[], context: RenderContext): Drawing {
  const { sources, progress } = context;
  const { definition, scheme } = outputs[0]!;
  // Named as drawn (a read it did not declare names "seeds.dark", not "seeds.dark.half").
  const id = fullSizeId(outputs[0]!.id);
  try {
    const input = figureInput(id, definition, sources);
    if (definition.format === 'gif') {
      const onFrame = (done: number, total: number) => progress.onFrame?.(id, done, total);
      const compressor = context.lzw();
      const { framesDrawn, encoded } = renderGif(definition, input, {
        scheme,
        compressor,
        onFrame,
      });
      return { drawn: framesDrawn, done: [encoded], input };
    }
    const done =
      definition.format === 'png'
        ? renderPng(definition, input, { scheme, sizes: outputs.map((figure) => figure.size) })
        : [Promise.resolve(renderSvg(definition, input, scheme))];
    return { drawn: Promise.resolve(), done, input };
  } catch (error) {
    const failed = Promise.reject(error);
    return { drawn: failed, done: outputs.map(() => failed) };
  }
}

/** An error thrown by a figure's own code, as a FigureModuleError naming its file and id. */
function figureError(figure: LoadedFigure, error: unknown): FigureModuleError {
  if (error instanceof FigureModuleError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FigureModuleError(figure.shown, `figure "${figure.id}" failed: ${message}`);
}
