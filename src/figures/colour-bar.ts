/** A horizontal colour bar: the colour map's range as a strip with labelled ticks below it. */

import type { Rgb } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { putRects } from './pixel-block.ts';
import { inDevicePixels, type Rect, strokeCrispFrame } from './pixel-snap.ts';
import { drawText } from './text.ts';
import { COLOURS, TEXT } from './theme.ts';

/** A colour bar: `colourAt(t)` for t in [0, 1] from left to right, and ticks at positions t with labels. */
export interface ColourBarSpec {
  rect: Rect;
  colourAt: (t: number) => Rgb;
  ticks: readonly { t: number; label: string }[];
}

/** Draws the bar as one-device-pixel columns (a smooth ramp with crisp ends, pixel-block.ts) and its tick labels. */
export function drawColourBar(ctx: Context2D, spec: ColourBarSpec): void {
  const { rect } = spec;
  inDevicePixels(ctx, ({ sx, sy, ox, oy }) => {
    const bounds = {
      x0: Math.round(sx * rect.x + ox),
      y0: Math.round(sy * rect.y + oy),
      x1: Math.round(sx * (rect.x + rect.width) + ox),
      y1: Math.round(sy * (rect.y + rect.height) + oy),
    };
    const { x0, y0, x1, y1 } = bounds;
    const columns = Array.from({ length: Math.max(0, x1 - x0) }, (_, k) => ({
      x0: x0 + k,
      y0,
      x1: x0 + k + 1,
      y1,
      colour: spec.colourAt((k + 0.5) / (x1 - x0)),
    }));
    putRects(ctx, bounds, columns);
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
