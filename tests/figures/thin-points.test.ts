/** Thinning a long curve to its plot's pixel columns: short curves untouched, long ones down to the first, lowest, highest and last point of each column. */
import { describe, expect, it } from 'vitest';
import { thinToPixels } from '../../src/figures/thin-points.ts';

/** A noisy falling curve of n points over x = 0..n-1. */
function curve(n: number) {
  return Array.from({ length: n }, (_, x) => ({ x, y: 100 / (1 + x) + ((x * 7919) % 13) / 10 }));
}

describe('thinToPixels', () => {
  it('keeps a curve with at most four points per column as it is', () => {
    const points = curve(201);
    expect(thinToPixels(points, (x) => x, 300)).toBe(points);
  });

  it('keeps, in each column, its first, lowest, highest and last points, in order', () => {
    const points = curve(100_001);
    const columns = 250;
    const toPixel = (x: number) => (x / 100_000) * columns;
    const thinned = thinToPixels(points, toPixel, columns);
    expect(thinned.length).toBeLessThanOrEqual(4 * (columns + 1));
    expect(thinned[0]).toBe(points[0]);
    expect(thinned.at(-1)).toBe(points.at(-1));
    // Brute force, column by column.
    for (let column = 0; column <= columns; column++) {
      const inColumn = points.filter((p) => Math.floor(toPixel(p.x)) === column);
      const keptHere = thinned.filter((p) => Math.floor(toPixel(p.x)) === column);
      if (inColumn.length === 0) continue;
      const ys = inColumn.map((p) => p.y);
      expect(keptHere[0]).toBe(inColumn[0]);
      expect(keptHere.at(-1)).toBe(inColumn.at(-1));
      expect(Math.min(...keptHere.map((p) => p.y))).toBe(Math.min(...ys));
      expect(Math.max(...keptHere.map((p) => p.y))).toBe(Math.max(...ys));
    }
    const xs = thinned.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});
