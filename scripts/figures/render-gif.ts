/** Draws an animation's frames with @napi-rs/canvas and encodes them as one GIF. */
import {
  type FigureInput,
  GIF_PIXEL_RATIO,
  type GifFigure,
} from '../../src/figures/figure-definition.ts';
import {
  createFrameDiffer,
  createPaletteMapper,
  figurePalette,
} from '../../src/figures/gif-palette.ts';
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
  input: FigureInput,
  onFrame?: FrameProgress,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { canvas, ctx } = scaledCanvas(figure.size(input), GIF_PIXEL_RATIO);
  const palette = figurePalette();
  const mapper = createPaletteMapper(palette);
  const toPatch = createFrameDiffer(canvas.width, canvas.height, mapper);
  const animation = figure.frames(input);
  const frames: GifFrame[] = [];
  for (const [k, frame] of animation.entries()) {
    prepareContext(ctx, GIF_PIXEL_RATIO);
    frame.draw(ctx);
    frames.push({
      patch: toPatch(ctx.getImageData(0, 0, canvas.width, canvas.height).data),
      delayMs: frame.delayMs,
    });
    onFrame?.(k + 1, animation.length);
    await yieldToEventLoop();
  }
  return {
    bytes: encodeGif(canvas.width, canvas.height, palette, frames),
    width: canvas.width,
    height: canvas.height,
  };
}
