/**
 * Solid rectangles written as a block of pixels (Context2D's putImageData) rather than one filled
 * rectangle each: the same pixels wherever the rectangles lie on whole device pixels, which is
 * where heatmap cells and colour-bar columns are snapped, at a fraction of the cost when there are
 * hundreds of them in every frame of an animation. Only for opaque data colours: a block replaces
 * what is under it, and it ignores the transform and the clip.
 */
import type { Rgb } from './colour-maps.ts';
import type { Context2D, PixelBlock } from './context-2d.ts';

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
  for (const rect of rects) fillRect(block, rect, bounds);
  ctx.putImageData(block, bounds.x0, bounds.y0);
}

function fillRect(block: PixelBlock, rect: DeviceRect, origin: { x0: number; y0: number }): void {
  const [r, g, b] = rect.colour;
  const { data, width } = block;
  for (let y = rect.y0 - origin.y0; y < rect.y1 - origin.y0; y++) {
    const row = 4 * y * width;
    for (let x = rect.x0 - origin.x0; x < rect.x1 - origin.x0; x++) {
      const i = row + 4 * x;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = 255;
    }
  }
}
