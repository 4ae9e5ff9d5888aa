/**
 * Solid rectangles written as a block of pixels (Context2D's putImageData) rather than one filled
 * rectangle each: the same pixels wherever the rectangles lie on whole device pixels, which is
 * where heatmap cells and colour-bar columns are snapped, at a fraction of the cost when there are
 * hundreds of them in every frame of an animation. Only for opaque data colours: a block replaces
 * what is under it, and it ignores the transform and the clip.
 */
import type { Rgb } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';

/** A rectangle of device pixels: columns x0..x1 - 1, rows y0..y1 - 1, and its colour. */
export interface DeviceRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  colour: Rgb;
}

/** Fills `rects` (all inside x0..x1, y0..y1 of `bounds`) as one block written at the bounds' corner. */
export function putRects(
  ctx: Context2D,
  bounds: { x0: number; y0: number; x1: number; y1: number },
  rects: Iterable<DeviceRect>,
): void {
  const width = bounds.x1 - bounds.x0;
  const height = bounds.y1 - bounds.y0;
  if (width <= 0 || height <= 0) return;
  const block = ctx.createImageData(width, height);
  // An ImageData's bytes start a buffer of its own, so they can be seen as whole words.
  const { data } = block;
  const words = new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
  for (const rect of rects) fillRect(words, width, rect, bounds);
  ctx.putImageData(block, bounds.x0, bounds.y0);
}

/**
 * Writes each row of `rect` as one fill of 32-bit words (`words`, a block `width` wide): the
 * pixel's four bytes, read back as a word in the machine's own byte order, so the bytes land as
 * RGBA on any machine.
 */
function fillRect(
  words: Uint32Array,
  width: number,
  rect: DeviceRect,
  origin: { x0: number; y0: number },
): void {
  const [r, g, b] = rect.colour;
  const pixel = new Uint32Array(Uint8Array.of(r, g, b, 255).buffer)[0]!;
  const x0 = rect.x0 - origin.x0;
  const x1 = rect.x1 - origin.x0;
  for (let y = rect.y0 - origin.y0; y < rect.y1 - origin.y0; y++)
    words.fill(pixel, y * width + x0, y * width + x1);
}
