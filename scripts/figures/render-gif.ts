/** Draws an animation's frames with @napi-rs/canvas and encodes them as one GIF. */

import type { Rgb } from '../../src/figures/colour-maps.ts';
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
import type { LzwCompressor } from './lzw-pool.ts';

/** Called after each frame is drawn: frames done so far, and the total. */
type FrameProgress = (done: number, total: number) => void;

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

/** How to draw an animation: its scheme, who compresses its frames, and who hears of each frame drawn. */
export interface GifOptions {
  scheme: SchemeName;
  /** The worker that compresses the frames; its owner closes it (one can serve several animations). */
  compressor: LzwCompressor;
  onFrame?: FrameProgress;
}

/** An animation being made: its frames all drawn, then its bytes. */
export interface GifDrawing {
  framesDrawn: Promise<void>;
  encoded: Promise<{ bytes: Buffer; width: number; height: number }>;
}

/**
 * Draws the frames on the main thread, one canvas reused, and turns each into a patch of the
 * fixed palette; a worker thread compresses the patches meanwhile, and goes on after the last
 * frame is drawn, while this thread draws other figures. The frames are opaque, so the canvas's
 * stored pixels (premultiplied) are the RGBA values, read without a conversion. Reading a frame
 * back costs more than drawing it: when the figure says which parts change, only those are
 * drawn and read after the first frame, into a copy of the frame kept between frames.
 */
export function renderGif(figure: GifFigure, input: FigureInput, options: GifOptions): GifDrawing {
  const drawing = drawFrames(figure, input, options);
  const encoded = drawing.then(async ({ frames, width, height, palette }) => ({
    bytes: encodeGif(width, height, palette, await Promise.all(frames)),
    width,
    height,
  }));
  return { framesDrawn: drawing.then(() => undefined), encoded };
}

/** Draws every frame and hands its patch to the compressor; the frames' compressed bytes are still to come. */
async function drawFrames(
  figure: GifFigure,
  input: FigureInput,
  options: GifOptions,
): Promise<{ frames: Promise<GifFrame>[]; width: number; height: number; palette: Rgb[] }> {
  const { scheme, compressor, onFrame } = options;
  const { canvas, ctx } = scaledCanvas(figure.size(input), GIF_PIXEL_RATIO);
  const palette = figurePalette(scheme);
  const painted = schemeContext(ctx, scheme);
  const mapper = createPaletteMapper(palette);
  const animation = figure.frames(input);
  const changing =
    figure.changing === undefined
      ? null
      : deviceRects(figure.changing(input), GIF_PIXEL_RATIO, canvas.width, canvas.height);
  const toPatch = createFrameDiffer(canvas.width, canvas.height, mapper, {
    tolerance: FRAME_TOLERANCE,
    ...(changing === null ? {} : { changing }),
  });
  const pixels = new Uint8Array(4 * canvas.width * canvas.height);
  const frames: Promise<GifFrame>[] = [];
  for (const [k, frame] of animation.entries()) {
    prepareContext(ctx, GIF_PIXEL_RATIO);
    // The last frame, held longest and shown paused as the still, is exact, and read whole.
    const exact = k === animation.length - 1;
    const whole = changing === null || k === 0 || exact;
    if (whole || frame.drawChanges === undefined) frame.draw(painted);
    else frame.drawChanges(painted);
    if (whole) pixels.set(canvas.data());
    else readRects(ctx, changing, pixels, canvas.width);
    const patch = toPatch(pixels, exact);
    const compressed = compressor
      .compress(patch)
      .then((bytes) => ({ rect: patch.rect, compressed: bytes, delayMs: frame.delayMs }));
    // Until they are awaited, a failure must not count as unhandled.
    compressed.catch(() => undefined);
    frames.push(compressed);
    onFrame?.(k + 1, animation.length);
    await yieldToEventLoop();
  }
  return { frames, width: canvas.width, height: canvas.height, palette };
}
