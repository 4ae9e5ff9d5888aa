/** Thinning a long curve to its plot's pixel columns: short curves untouched, long ones down to the first, lowest, highest and last point of each column. */
import { describe, expect, it } from 'vitest';
import { thinHistory, thinToPixels } from '../../src/figures/thin-points.ts';

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

describe('thinHistory', () => {
  /** A noisy history of `n` states whose loss falls and whose accuracy climbs in steps. */
  const noisy = (n: number) =>
    Array.from({ length: n }, (_, iteration) => ({
      iteration,
      loss: 10 / (1 + iteration / 100) + Math.sin(iteration * 1.7) * 0.3,
      accuracy: Math.min(1, Math.floor(iteration / 997 + Math.cos(iteration) + 1) / 24),
    }));

  it('returns a history of at most six states per bucket as it is', () => {
    const short = noisy(600);
    expect(thinHistory(short, 100)).toBe(short);
  });

  it('keeps, in each bucket, the first, the last, the extremes of both curves and the states asked for', () => {
    const history = noisy(100_000);
    const buckets = 2000;
    const frames = [0, 1234, 50_001, 77_777, 99_999];
    const kept = thinHistory(history, buckets, frames);
    expect(kept.length).toBeLessThanOrEqual(6 * buckets + frames.length);
    // The states asked for are kept, each once.
    for (const k of frames) expect(kept.filter((s) => s.iteration === k)).toHaveLength(1);
    expect(kept.length).toBeGreaterThan(2 * buckets);
    expect(kept[0]).toBe(history[0]);
    expect(kept.at(-1)).toBe(history.at(-1));
    // Kept states are states of the run, in order, each once.
    for (let k = 1; k < kept.length; k++)
      expect(kept[k]!.iteration).toBeGreaterThan(kept[k - 1]!.iteration);
    for (const state of kept) expect(history[state.iteration]).toBe(state);
    // Bucket by bucket (50 states each), the kept states reach the same extremes as all of them.
    const size = 50;
    for (let start = 0; start < history.length; start += size) {
      const all = history.slice(start, start + size);
      const some = kept.filter((s) => s.iteration >= start && s.iteration < start + size);
      for (const key of ['loss', 'accuracy'] as const) {
        const values = (states: typeof all) => states.map((s) => s[key]);
        expect(Math.min(...values(some))).toBe(Math.min(...values(all)));
        expect(Math.max(...values(some))).toBe(Math.max(...values(all)));
      }
    }
  });
});
