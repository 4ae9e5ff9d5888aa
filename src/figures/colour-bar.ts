/** A horizontal colour bar: the colour map's range as a strip with labelled ticks below it. */

import { dataColour, type Rgb } from './colour-maps.ts';
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

/** Draws the bar as one-device-pixel slices (a smooth ramp with crisp ends) and its tick labels. */
export function drawColourBar(ctx: Context2D, spec: ColourBarSpec): void {
  const { rect } = spec;
  inDevicePixels(ctx, ({ sx, sy, ox, oy }) => {
    const x0 = Math.round(sx * rect.x + ox);
    const x1 = Math.round(sx * (rect.x + rect.width) + ox);
    const y0 = Math.round(sy * rect.y + oy);
    const y1 = Math.round(sy * (rect.y + rect.height) + oy);
    for (let px = x0; px < x1; px++) {
      ctx.fillStyle = dataColour(spec.colourAt((px - x0 + 0.5) / (x1 - x0)));
      ctx.fillRect(px, y0, 1, y1 - y0);
    }
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
