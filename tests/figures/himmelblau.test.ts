import { describe, expect, it } from 'vitest';
import {
  DESCENT_STARTS,
  gradientDescentPath,
  himmelblau,
  himmelblauGradient,
} from '../../src/figures/himmelblau.ts';

// Himmelblau's four minima, as published (f = 0 at each).
const MINIMA = [
  [3, 2],
  [-2.805118, 3.131312],
  [-3.77931, -3.283186],
  [3.584428, -1.848126],
] as const;

describe("Himmelblau's function", () => {
  it('is (x^2 + y - 11)^2 + (x + y^2 - 7)^2 at hand-computed points', () => {
    expect(himmelblau(0, 0)).toBe(170); // 121 + 49
    expect(himmelblau(1, 1)).toBe(106); // 81 + 25
    expect(himmelblau(3, 2)).toBe(0);
  });

  it('is (nearly) 0 at the four published minima', () => {
    for (const [x, y] of MINIMA) expect(himmelblau(x, y)).toBeLessThan(1e-9);
  });

  it('has the gradient that central finite differences give', () => {
    const h = 1e-6;
    for (const [x, y] of [
      [0.3, -1.2],
      [-2.5, 4],
      [4.1, 0.7],
    ]) {
      const g = himmelblauGradient(x!, y!);
      const gx = (himmelblau(x! + h, y!) - himmelblau(x! - h, y!)) / (2 * h);
      const gy = (himmelblau(x!, y! + h) - himmelblau(x!, y! - h)) / (2 * h);
      expect(g.x).toBeCloseTo(gx, 4);
      expect(g.y).toBeCloseTo(gy, 4);
    }
  });
});

describe('gradientDescentPath', () => {
  it('ends within 1e-5 of a known minimum from every starting point of the figure, reaching all four', () => {
    const reached = new Set<number>();
    for (const start of DESCENT_STARTS) {
      const path = gradientDescentPath(start);
      const end = path[path.length - 1]!;
      const distances = MINIMA.map(([x, y]) => Math.hypot(end.x - x, end.y - y));
      const nearest = distances.indexOf(Math.min(...distances));
      expect(distances[nearest]).toBeLessThan(1e-5);
      reached.add(nearest);
      // Descent: the function never increases along the path.
      for (let k = 1; k < path.length; k++) {
        expect(himmelblau(path[k]!.x, path[k]!.y)).toBeLessThanOrEqual(
          himmelblau(path[k - 1]!.x, path[k - 1]!.y),
        );
      }
    }
    expect([...reached].sort()).toEqual([0, 1, 2, 3]);
  });

  it('takes the step -learningRate * gradient', () => {
    const path = gradientDescentPath(
      { x: 0, y: 0 },
      { learningRate: 0.01, maxSteps: 1, tolerance: 0 },
    );
    // grad f(0, 0) = (4*0*(-11) + 2*(-7), 2*(-11) + 4*0*(-7)) = (-14, -22).
    expect(path).toEqual([
      { x: 0, y: 0 },
      { x: 0.14, y: 0.22 },
    ]);
  });

  it('stops with a clear error when the step size makes it diverge', () => {
    expect(() =>
      gradientDescentPath({ x: 4, y: 4 }, { learningRate: 1, maxSteps: 100, tolerance: 1e-6 }),
    ).toThrow(/diverged/);
  });
});
