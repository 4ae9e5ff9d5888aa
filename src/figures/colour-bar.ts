/** A horizontal colour bar: the colour map's range as a strip with labelled ticks below it. */

import type { Rgb } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { inDevicePixels, type Rect, strokeCrispFrame } from './pixel-snap.ts';
import { drawText } from './text.ts';
import { COLOURS, TEXT } from './theme.ts';

/** A colour bar: `colourAt(t)` for t in [0, 1] from left to right, and ticks at positions t with labels. */
export interface ColourBarSpec {
  rect: Rect;
  colourAt: (t: number) => Rgb;
  ticks: readonly { t: number; label: string }[];
}

/**
 * Draws the bar as one-device-pixel columns (a smooth ramp with crisp ends) and its tick labels.
 * The columns are written as one block of pixels: the same pixels as a filled rectangle per
 * column, at a fraction of the cost (an animation draws its bars in every frame).
 */
export function drawColourBar(ctx: Context2D, spec: ColourBarSpec): void {
  const { rect } = spec;
  inDevicePixels(ctx, ({ sx, sy, ox, oy }) => {
    const x0 = Math.round(sx * rect.x + ox);
    const y0 = Math.round(sy * rect.y + oy);
    const width = Math.round(sx * (rect.x + rect.width) + ox) - x0;
    const height = Math.round(sy * (rect.y + rect.height) + oy) - y0;
    if (width <= 0 || height <= 0) return;
    const block = ctx.createImageData(width, height);
    for (let px = 0; px < width; px++) {
      const [r, g, b] = spec.colourAt((px + 0.5) / width);
      for (let i = 4 * px; i < block.data.length; i += 4 * width) {
        block.data[i] = r;
        block.data[i + 1] = g;
        block.data[i + 2] = b;
        block.data[i + 3] = 255;
      }
    }
    ctx.putImageData(block, x0, y0);
  });
  strokeCrispFrame(ctx, rect, COLOURS.axis);
  for (const tick of spec.ticks) {
    const x = rect.x + tick.t * rect.width;
    ctx.fillStyle = COLOURS.axis;
    ctx.fillRect(x - 0.5, rect.y + rect.height, 1, 3);
    drawText(ctx, tick.label, x, rect.y + rect.height + 4, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    });
  }
}
