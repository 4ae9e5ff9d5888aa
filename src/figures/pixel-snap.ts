/**
 * Snapping to device pixels. Figures are laid out in CSS pixels and drawn through a scaling
 * transform (1.5x or 2x for sharpness); cell edges that fall between device pixels would be
 * blended with their neighbours, so heatmap cells and thin rules are snapped to whole device
 * pixels before they are filled.
 */
import type { Context2D } from './context-2d.ts';

/** A rectangle in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Device-pixel edges of `count` equal cells that start at `start` with size `size` (CSS px),
 * under the map device = scale * css + offset: count + 1 integers, so neighbouring cells share
 * an edge and never overlap or leave a gap.
 */
export function snappedEdges(
  start: number,
  size: number,
  count: number,
  scale: number,
  offset: number,
): number[] {
  return Array.from({ length: count + 1 }, (_, k) =>
    Math.round(scale * (start + k * size) + offset),
  );
}

/** Runs `draw` with the identity transform, handing it the map from CSS to device pixels. */
export function inDevicePixels(
  ctx: Context2D,
  draw: (toDevice: { sx: number; sy: number; ox: number; oy: number }) => void,
): void {
  const t = ctx.getTransform();
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  draw({ sx: t.a, sy: t.d, ox: t.e, oy: t.f });
  ctx.restore();
}

/** The device-pixel edges of `rect` (CSS px), each rounded to a whole device pixel. */
function snappedRect(
  rect: Rect,
  { sx, sy, ox, oy }: { sx: number; sy: number; ox: number; oy: number },
): { x0: number; x1: number; y0: number; y1: number } {
  return {
    x0: Math.round(sx * rect.x + ox),
    x1: Math.round(sx * (rect.x + rect.width) + ox),
    y0: Math.round(sy * rect.y + oy),
    y1: Math.round(sy * (rect.y + rect.height) + oy),
  };
}

/** Fills a rectangle whose edges are snapped to device pixels (no blurred edge). */
export function fillCrispRect(ctx: Context2D, rect: Rect, colour: string): void {
  inDevicePixels(ctx, (toDevice) => {
    const { x0, x1, y0, y1 } = snappedRect(rect, toDevice);
    ctx.fillStyle = colour;
    ctx.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
  });
}

/** Outlines a rectangle with a 1-device-pixel line just outside its snapped edges. */
export function strokeCrispFrame(ctx: Context2D, rect: Rect, colour: string): void {
  inDevicePixels(ctx, (toDevice) => {
    const { x0, x1, y0, y1 } = snappedRect(rect, toDevice);
    ctx.fillStyle = colour;
    ctx.fillRect(x0 - 1, y0 - 1, x1 - x0 + 2, 1);
    ctx.fillRect(x0 - 1, y1, x1 - x0 + 2, 1);
    ctx.fillRect(x0 - 1, y0, 1, y1 - y0);
    ctx.fillRect(x1, y0, 1, y1 - y0);
  });
}
