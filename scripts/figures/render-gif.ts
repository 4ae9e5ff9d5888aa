/** Draws an animation's frames with @napi-rs/canvas and encodes them as one GIF. */

import { type SchemeName, schemeContext } from '../../src/figures/colour-scheme.ts';
import {
  type FigureInput,
  GIF_PIXEL_RATIO,
  type GifFigure,
} from '../../src/figures/figure-definition.ts';
import {
  createFrameDiffer,
  createPaletteMapper,
  FRAME_TOLERANCE,
  figurePalette,
} from '../../src/figures/gif-palette.ts';
import { prepareContext, scaledCanvas } from './canvas-setup.ts';
import { encodeGif, type GifFrame } from './encode-gif.ts';
import { startLzwCompressor } from './lzw-pool.ts';

/** Called after each frame is drawn: frames done so far, and the total. */
export type FrameProgress = (done: number, total: number) => void;

/** Lets pending callbacks (finished PNG encodings) run, so their times are taken when they finish. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Draws the frames on the main thread, one canvas reused, and turns each into a patch of the
 * fixed palette; a worker thread compresses the patches meanwhile. The frames are opaque, so the
 * canvas's stored pixels (premultiplied) are the RGBA values, read without a conversion.
 */
export async function renderGif(
  figure: GifFigure,
  input: FigureInput,
  options: { scheme: SchemeName; onFrame?: FrameProgress },
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { scheme, onFrame } = options;
  const { canvas, ctx } = scaledCanvas(figure.size(input), GIF_PIXEL_RATIO);
  const palette = figurePalette(scheme);
  const painted = schemeContext(ctx, scheme);
  const mapper = createPaletteMapper(palette);
  const toPatch = createFrameDiffer(canvas.width, canvas.height, mapper, FRAME_TOLERANCE);
  const animation = figure.frames(input);
  const compressor = startLzwCompressor();
  try {
    const frames: Promise<GifFrame>[] = [];
    for (const [k, frame] of animation.entries()) {
      prepareContext(ctx, GIF_PIXEL_RATIO);
      frame.draw(painted);
      // The last frame, held longest and shown paused as the still, is exact.
      const patch = toPatch(canvas.data(), k === animation.length - 1);
      const compressed = compressor
        .compress(patch)
        .then((bytes) => ({ rect: patch.rect, compressed: bytes, delayMs: frame.delayMs }));
      // Until they are awaited below, a failure must not count as unhandled.
      compressed.catch(() => undefined);
      frames.push(compressed);
      onFrame?.(k + 1, animation.length);
      await yieldToEventLoop();
    }
    return {
      bytes: encodeGif(canvas.width, canvas.height, palette, await Promise.all(frames)),
      width: canvas.width,
      height: canvas.height,
    };
  } finally {
    await compressor.close();
  }
}
