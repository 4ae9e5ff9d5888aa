import { describe, expect, it } from 'vitest';
import { divergingAt, greyColour } from '../../src/figures/colour-maps.ts';
import {
  createFrameDiffer,
  createPaletteMapper,
  figurePalette,
  nearestIndex,
  TRANSPARENT_INDEX,
} from '../../src/figures/gif-palette.ts';
import { COLOURS } from '../../src/figures/theme.ts';

describe('figurePalette', () => {
  const palette = figurePalette();

  it('fits a GIF colour table with one index left for transparency', () => {
    expect(palette.length).toBeLessThanOrEqual(255);
    expect(new Set(palette.map((c) => c.join())).size).toBe(palette.length);
  });

  it('holds the ends and middle of both colour maps and the accent colours exactly', () => {
    const has = (rgb: readonly number[]) =>
      palette.some((c) => c[0] === rgb[0] && c[1] === rgb[1] && c[2] === rgb[2]);
    for (const t of [0, 0.5, 1]) expect(has(divergingAt(t))).toBe(true);
    for (const v of [0, 1]) expect(has(greyColour(v))).toBe(true);
    for (const hex of [
      COLOURS.loss,
      COLOURS.accuracy,
      COLOURS.marker,
      COLOURS.correct,
      COLOURS.wrong,
    ]) {
      expect(
        has([
          parseInt(hex.slice(1, 3), 16),
          parseInt(hex.slice(3, 5), 16),
          parseInt(hex.slice(5, 7), 16),
        ]),
      ).toBe(true);
    }
  });

  it('maps a palette colour to itself and an off-palette colour to a near one', () => {
    for (const [i, c] of palette.entries()) expect(nearestIndex(palette, c[0], c[1], c[2])).toBe(i);
    const mapped = palette[nearestIndex(palette, 130, 131, 129)]!;
    expect(
      Math.max(...mapped.map((v, k) => Math.abs(v - [130, 131, 129][k]!))),
    ).toBeLessThanOrEqual(4);
  });
});

describe('createFrameDiffer', () => {
  const palette = figurePalette();
  const width = 6;
  const height = 4;
  /** An opaque RGBA frame filled with one colour, with optional single pixels changed. */
  function frame(
    fill: readonly number[],
    changes: [number, number, readonly number[]][] = [],
  ): Uint8Array {
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([fill[0]!, fill[1]!, fill[2]!, 255], 4 * i);
    for (const [x, y, c] of changes) rgba.set([c[0]!, c[1]!, c[2]!, 255], 4 * (y * width + x));
    return rgba;
  }
  const white = [255, 255, 255];
  const black = [0, 0, 0];

  it('sends the first frame whole, then only the rectangle that changed, unchanged pixels transparent', () => {
    const diff = createFrameDiffer(width, height, createPaletteMapper(palette));
    const first = diff(frame(white));
    expect(first.rect).toEqual({ x: 0, y: 0, width, height });
    expect(new Set(first.indices)).toEqual(new Set([nearestIndex(palette, 255, 255, 255)]));

    const second = diff(
      frame(white, [
        [1, 1, black],
        [4, 2, black],
      ]),
    );
    expect(second.rect).toEqual({ x: 1, y: 1, width: 4, height: 2 });
    const blackIndex = nearestIndex(palette, 0, 0, 0);
    // Row 0 of the patch: black at column 0, transparent elsewhere; row 1: black at column 3.
    expect(Array.from(second.indices)).toEqual([
      blackIndex,
      TRANSPARENT_INDEX,
      TRANSPARENT_INDEX,
      TRANSPARENT_INDEX,
      TRANSPARENT_INDEX,
      TRANSPARENT_INDEX,
      TRANSPARENT_INDEX,
      blackIndex,
    ]);
  });

  it('sends one transparent pixel when nothing changed, and ignores colour changes that keep the palette index', () => {
    const diff = createFrameDiffer(width, height, createPaletteMapper(palette));
    diff(frame(white));
    expect(diff(frame(white))).toEqual({
      rect: { x: 0, y: 0, width: 1, height: 1 },
      indices: Uint8Array.of(TRANSPARENT_INDEX),
    });
    // 254,255,255 is a different colour with the same nearest palette entry as white.
    expect(diff(frame(white, [[2, 2, [254, 255, 255]]])).rect).toEqual({
      x: 0,
      y: 0,
      width: 1,
      height: 1,
    });
  });

  it('looks only at the changing parts it is given, except in an exact frame', () => {
    const mapper = createPaletteMapper(palette);
    const changing = [{ x: 1, y: 1, width: 2, height: 2 }];
    const diff = createFrameDiffer(width, height, mapper, { changing });
    diff(frame(white));
    // One pixel inside the part and one outside change: only the inside one is painted.
    const both = frame(white, [
      [2, 2, black],
      [5, 0, black],
    ]);
    const patch = diff(both);
    expect(patch.rect).toEqual({ x: 2, y: 2, width: 1, height: 1 });
    expect(patch.indices[0]).toBe(nearestIndex(palette, 0, 0, 0));
    // An exact frame looks at every pixel, and finds the one outside.
    expect(diff(both, true).rect).toEqual({ x: 5, y: 0, width: 1, height: 1 });
  });

  it('with a tolerance, paints a pixel again only once it is further from what is on show, and every pixel in an exact frame', () => {
    const mapper = createPaletteMapper(palette);
    const diff = createFrameDiffer(width, height, mapper, { tolerance: 12 });
    // Three of the palette's 64 greys: b is 8 levels from a, c is 12 from b and 20 from a.
    const grey = (k: number) =>
      palette[
        nearestIndex(
          palette,
          ...(Array(3).fill(Math.round((k * 255) / 63)) as [number, number, number]),
        )
      ]!;
    const [a, b, c] = [grey(32), grey(34), grey(37)];
    expect(b[0] - a[0]).toBeLessThanOrEqual(12);
    expect(c[0] - a[0]).toBeGreaterThan(12);
    expect(c[0] - b[0]).toBeLessThanOrEqual(12);
    diff(frame(white, [[3, 1, a]]));
    // Within the tolerance of what is on show: left as it is.
    expect(diff(frame(white, [[3, 1, b]])).rect).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    // Beyond it (measured from the colour on show, a, not from the last frame's b): painted.
    const far = diff(frame(white, [[3, 1, c]]));
    expect(far.rect).toEqual({ x: 3, y: 1, width: 1, height: 1 });
    expect(far.indices[0]).toBe(mapper.indexOf(c[0], c[1], c[2]));
    // Back to b, within 12 of c: left; then an exact frame paints it, although b is unchanged.
    expect(diff(frame(white, [[3, 1, b]])).rect).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    const exact = diff(frame(white, [[3, 1, b]]), true);
    expect(exact.rect).toEqual({ x: 3, y: 1, width: 1, height: 1 });
    expect(exact.indices[0]).toBe(mapper.indexOf(b[0], b[1], b[2]));
  });
});
