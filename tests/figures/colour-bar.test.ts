/**
 * The colour bar's ramp, written as one block of pixels: each device-pixel column holds the
 * colour map's value at the column's centre, exactly where a filled rectangle per column (the
 * reference below, worked out independently) would put it, and nothing outside the bar changes.
 */
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { drawColourBar } from '../../src/figures/colour-bar.ts';
import { divergingAt, greyColour, type Rgb } from '../../src/figures/colour-maps.ts';
import { schemeContext } from '../../src/figures/colour-scheme.ts';
import type { Context2D } from '../../src/figures/context-2d.ts';

const WIDTH = 300;
const HEIGHT = 80;

/** A canvas at `scale` with an offset, as the figures draw: white, then the bar, ticks unlabelled. */
function drawn(scale: number, colourAt: (t: number) => Rgb, dark = false) {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const raw = canvas.getContext('2d');
  raw.fillStyle = '#ffffff';
  raw.fillRect(0, 0, WIDTH, HEIGHT);
  raw.setTransform(scale, 0, 0, scale, 3, 2);
  const ctx = dark
    ? schemeContext(raw as unknown as Context2D, 'dark')
    : (raw as unknown as Context2D);
  drawColourBar(ctx, { rect: { x: 10.3, y: 5.2, width: 120.4, height: 14 }, colourAt, ticks: [] });
  return { pixels: raw.getImageData(0, 0, WIDTH, HEIGHT).data, scale };
}

/** The bar's device pixels and each column's colour, worked out from the rectangle and the map. */
function expectedRamp(scale: number, colourAt: (t: number) => Rgb) {
  const x0 = Math.round(scale * 10.3 + 3);
  const x1 = Math.round(scale * (10.3 + 120.4) + 3);
  const y0 = Math.round(scale * 5.2 + 2);
  const y1 = Math.round(scale * (5.2 + 14) + 2);
  const columns = Array.from({ length: x1 - x0 }, (_, k) => colourAt((k + 0.5) / (x1 - x0)));
  return { x0, x1, y0, y1, columns };
}

describe('drawColourBar', () => {
  for (const [name, colourAt] of [
    ['diverging', divergingAt],
    ['grey', (t: number) => greyColour(t)],
  ] as const) {
    for (const scale of [1, 1.5, 2]) {
      it(`fills each column of the ${name} ramp with its colour, and only the bar, at ${scale}x`, () => {
        const { pixels } = drawn(scale, colourAt);
        const { x0, x1, y0, y1, columns } = expectedRamp(scale, colourAt);
        const wrong: string[] = [];
        // The bar's inside (its frame, a stroke, covers the edge pixels: they are left out).
        for (let y = y0 + 2; y < y1 - 2; y++)
          for (let x = x0 + 2; x < x1 - 2; x++) {
            const i = 4 * (y * WIDTH + x);
            const got = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
            const want = [...columns[x - x0]!, 255];
            if (got.join() !== want.join()) wrong.push(`(${x}, ${y}): ${got} != ${want}`);
          }
        expect(wrong.slice(0, 5)).toEqual([]);
        // Well away from the bar and its frame, the paper is untouched.
        for (const [x, y] of [
          [x0 - 4, y0 + 4],
          [x1 + 4, y0 + 4],
          [x0 + 10, y0 - 4],
          [x0 + 10, y1 + 12],
        ] as const) {
          const i = 4 * (y * WIDTH + x);
          expect([pixels[i], pixels[i + 1], pixels[i + 2]], `(${x}, ${y})`).toEqual([
            255, 255, 255,
          ]);
        }
      });
    }
  }

  it('draws the same ramp in the dark scheme: data colours are not the theme’s to change', () => {
    const light = drawn(1.5, divergingAt);
    const dark = drawn(1.5, divergingAt, true);
    const { x0, x1, y0, y1 } = expectedRamp(1.5, divergingAt);
    for (let y = y0 + 2; y < y1 - 2; y++) {
      const from = 4 * (y * WIDTH + x0 + 2);
      const to = 4 * (y * WIDTH + x1 - 2);
      expect(dark.pixels.slice(from, to)).toEqual(light.pixels.slice(from, to));
    }
  });
});
