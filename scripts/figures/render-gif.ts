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
  type PixelRect,
} from '../../src/figures/gif-palette.ts';
import type { Rect } from '../../src/figures/pixel-snap.ts';
import { prepareContext, scaledCanvas } from './canvas-setup.ts';
import { encodeGif, type GifFrame } from './encode-gif.ts';
import { startLzwCompressor } from './lzw-pool.ts';

/** Called after each frame is drawn: frames done so far, and the total. */
export type FrameProgress = (done: number, total: number) => void;

/** Lets pending callbacks (finished PNG encodings) run, so their times are taken when they finish. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The whole device pixels, inside a canvas `width` x `height`, that cover `rects` (CSS px at `ratio`). */
export function deviceRects(
  rects: readonly Rect[],
  ratio: number,
  width: number,
  height: number,
): PixelRect[] {
  return rects
    .map((r) => {
      const x0 = Math.max(0, Math.floor(r.x * ratio));
      const y0 = Math.max(0, Math.floor(r.y * ratio));
      const x1 = Math.min(width, Math.ceil((r.x + r.width) * ratio));
      const y1 = Math.min(height, Math.ceil((r.y + r.height) * ratio));
      return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    })
    .filter((r) => r.width > 0 && r.height > 0);
}

/** Copies the pixels of `rects` from the canvas into `pixels` (RGBA of the whole canvas, `width` wide). */
function readRects(
  ctx: ReturnType<typeof scaledCanvas>['ctx'],
  rects: readonly PixelRect[],
  pixels: Uint8Array,
  width: number,
): void {
  for (const r of rects) {
    const { data } = ctx.getImageData(r.x, r.y, r.width, r.height);
    const rowBytes = 4 * r.width;
    for (let row = 0; row < r.height; row++) {
      const from = row * rowBytes;
      pixels.set(data.subarray(from, from + rowBytes), 4 * ((r.y + row) * width + r.x));
    }
  }
}

/**
 * Draws the frames on the main thread, one canvas reused, and turns each into a patch of the
 * fixed palette; a worker thread compresses the patches meanwhile. The frames are opaque, so the
 * canvas's stored pixels (premultiplied) are the RGBA values, read without a conversion. Reading
 * a frame back costs more than drawing it: when the figure says which parts change, only those
 * are read after the first frame, into a copy of the frame kept between frames.
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
  const changing =
    figure.changing === undefined
      ? null
      : deviceRects(figure.changing(input), GIF_PIXEL_RATIO, canvas.width, canvas.height);
  const pixels = new Uint8Array(4 * canvas.width * canvas.height);
  const compressor = startLzwCompressor();
  try {
    const frames: Promise<GifFrame>[] = [];
    for (const [k, frame] of animation.entries()) {
      prepareContext(ctx, GIF_PIXEL_RATIO);
      frame.draw(painted);
      // The last frame, held longest and shown paused as the still, is exact, and read whole.
      const exact = k === animation.length - 1;
      if (changing === null || k === 0 || exact) pixels.set(canvas.data());
      else readRects(ctx, changing, pixels, canvas.width);
      const patch = toPatch(pixels, exact);
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
