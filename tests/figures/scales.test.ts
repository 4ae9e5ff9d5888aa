import { describe, expect, it } from 'vitest';
import { snappedEdges } from '../../src/figures/pixel-snap.ts';
import {
  formatNumber,
  formatTick,
  linearScale,
  niceCeil,
  niceStep,
  niceTicks,
} from '../../src/figures/scales.ts';

describe('niceStep / niceTicks / niceCeil', () => {
  it.each([
    [200, 4, 50], // 50 per tick for an axis of 200 iterations
    [20, 4, 5],
    [1, 5, 0.2],
    [1.7, 10, 0.2], // 0.17 is nearer 0.2 than 0.1
    [0.03, 3, 0.01],
  ])('niceStep(%d, %d) = %d', (span, count, step) => {
    expect(niceStep(span, count)).toBe(step);
  });

  it('lists multiples of the step inside the range, without float noise', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 200, 4)).toEqual([0, 50, 100, 150, 200]);
  });

  it.each([
    [16.0966, 4, 20], // the default run's initial loss: axis up to 20
    [1.234, 10, 1.3],
    [0.84, 10, 0.9],
    [2, 10, 2],
  ])('niceCeil(%d, %d) = %d', (value, count, ceil) => {
    expect(niceCeil(value, count)).toBe(ceil);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, reversed ranges too', () => {
    const y = linearScale(0, 20, 300, 100);
    expect(y(0)).toBe(300);
    expect(y(20)).toBe(100);
    expect(y(5)).toBe(250);
  });
});

describe('formatNumber', () => {
  it('uses a true minus sign and never prints -0', () => {
    expect(formatNumber(-0.52, 2)).toBe('\u22120.52');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(0.125, 1)).toBe('0.1');
    expect(formatTick(0.6000000000000001, 0.2)).toBe('0.6');
    expect(formatTick(150, 50)).toBe('150');
  });
});

describe('snappedEdges', () => {
  it('puts cell edges on whole device pixels, shared between neighbours', () => {
    // Cells of 16 CSS px from x = 10 at 1.5x: 15, 39, 63, 87.
    expect(snappedEdges(10, 16, 3, 1.5, 0)).toEqual([15, 39, 63, 87]);
    // A fractional cell size still tiles without gaps or overlaps.
    const edges = snappedEdges(3.3, 7.1, 10, 1.5, 0.5);
    for (let k = 1; k < edges.length; k++) {
      expect(Number.isInteger(edges[k])).toBe(true);
      expect(edges[k]! - edges[k - 1]!).toBeGreaterThanOrEqual(10);
      expect(edges[k]! - edges[k - 1]!).toBeLessThanOrEqual(11);
    }
  });
});
