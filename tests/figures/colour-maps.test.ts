import { describe, expect, it } from 'vitest';
import {
  divergingAt,
  divergingColour,
  fromHex,
  greyColour,
  luminance,
  toHex,
} from '../../src/figures/colour-maps.ts';

// The stops are ColorBrewer's PuOr (11 classes): #2d004b (purple end) ... #f7f7f7 ... #7f3b08 (orange end).
describe('divergingColour', () => {
  const max = 2;
  it.each([
    // value, expected colour, why
    [0, '#f7f7f7', 'zero is the neutral middle stop'],
    [2, '#7f3b08', '+max is the warm (orange) end'],
    [-2, '#2d004b', '-max is the cool (purple) end'],
    [5, '#7f3b08', 'beyond +max clamps to the warm end'],
    [-1e9, '#2d004b', 'beyond -max clamps to the cool end'],
    // +max/2 sits at t = 0.75, halfway between stops 7 (#fdb863) and 8 (#e08214):
    // ((253+224)/2, (184+130)/2, (99+20)/2) = (238.5, 157, 59.5), rounded half up.
    [1, '#ef9d3c', 'halfway up the warm side mixes its neighbouring stops'],
  ])('%d -> %s (%s)', (value, hex) => {
    expect(toHex(divergingColour(value, max))).toBe(hex);
  });

  it('is warm (red > blue) for positive values and cool (blue > red) for negative ones', () => {
    for (const v of [0.1, 0.5, 1.5]) {
      const [r, , b] = divergingColour(v, max);
      expect(r).toBeGreaterThan(b);
      const [r2, , b2] = divergingColour(-v, max);
      expect(b2).toBeGreaterThan(r2);
    }
  });

  it('is symmetric in lightness: +v and -v are about equally far from neutral', () => {
    for (const v of [0.4, 1, 1.6]) {
      const warm = luminance(divergingColour(v, max));
      const cool = luminance(divergingColour(-v, max));
      expect(Math.abs(warm - cool)).toBeLessThan(0.15);
    }
  });

  it('gives the neutral colour when the scale is degenerate (max 0) or the value NaN', () => {
    expect(toHex(divergingColour(3, 0))).toBe('#f7f7f7');
    expect(toHex(divergingAt(Number.NaN))).toBe('#f7f7f7');
  });
});

describe('greyColour', () => {
  it.each([
    [0, [0, 0, 0]],
    [1, [255, 255, 255]],
    [0.5, [128, 128, 128]], // 127.5 rounds half up
    [-0.3, [0, 0, 0]], // clamped
    [1.7, [255, 255, 255]], // clamped
  ])('%d -> %j', (value, rgb) => {
    expect(greyColour(value)).toEqual(rgb);
  });
});

describe('hex and luminance helpers', () => {
  it('round-trips #rrggbb', () => {
    expect(toHex(fromHex('#B4E380'))).toBe('#b4e380');
    expect(() => fromHex('b4e380')).toThrow();
  });
  it('gives WCAG luminance 0 for black and 1 for white', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 12);
  });
});
