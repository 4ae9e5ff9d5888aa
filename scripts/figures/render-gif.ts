/** Draws the training animation's frames with @napi-rs/canvas and encodes them as one GIF. */
import { GIF_PIXEL_RATIO, type GifFigure } from '../../src/figures/figure-catalogue.ts';
import {
  createFrameDiffer,
  createPaletteMapper,
  figurePalette,
} from '../../src/figures/gif-palette.ts';
import { drawTrainingFrame } from '../../src/figures/training-frame.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import { prepareContext, scaledCanvas } from './canvas-setup.ts';
import { encodeGif, type GifFrame } from './encode-gif.ts';

/** Called after each frame is drawn: frames done so far, and the total. */
export type FrameProgress = (done: number, total: number) => void;

/** Lets pending callbacks (finished PNG encodings) run, so their times are taken when they finish. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Draws the frames on the main thread, one canvas reused, and encodes them with the fixed palette. */
export async function renderGif(
  figure: GifFigure,
  record: RunRecord,
  onFrame?: FrameProgress,
): Promise<{ bytes: Buffer; width: number; height: number }> {
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
    frames.push({
      patch: toPatch(ctx.getImageData(0, 0, canvas.width, canvas.height).data),
      delayMs: delays[k]!,
    });
    onFrame?.(k + 1, inputs.length);
    await yieldToEventLoop();
  }
  return {
    bytes: encodeGif(canvas.width, canvas.height, palette, frames),
    width: canvas.width,
    height: canvas.height,
  };
}
