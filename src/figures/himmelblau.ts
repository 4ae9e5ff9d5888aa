/**
 * Himmelblau's function f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2, its gradient, and plain
 * gradient descent on it: the tutorial's picture of what "follow the negative gradient" means.
 * It has four minima, all with f = 0: (3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186)
 * and (3.584428, -1.848126).
 */

/** A point in the plane. */
export interface Point {
  x: number;
  y: number;
}

/** The value of Himmelblau's function at (x, y). */
export function himmelblau(x: number, y: number): number {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  return a * a + b * b;
}

/** The gradient (df/dx, df/dy) of Himmelblau's function at (x, y). */
export function himmelblauGradient(x: number, y: number): Point {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  return { x: 4 * x * a + 2 * b, y: 2 * a + 4 * y * b };
}

/** Settings of one descent: step size and when to stop. */
export interface DescentOptions {
  learningRate: number;
  /** The most steps to take. */
  maxSteps: number;
  /** Stop once the gradient's length falls below this. */
  tolerance: number;
}

/** Step size 0.005: small enough that paths from [-4.5, 4.5]^2 bend smoothly, large enough to arrive in ~150 steps. */
const DEFAULT_DESCENT: DescentOptions = {
  learningRate: 0.005,
  maxSteps: 5000,
  tolerance: 1e-6,
};

/** The points visited by gradient descent from `start`: start first, then one point per step. */
export function gradientDescentPath(
  start: Point,
  options: DescentOptions = DEFAULT_DESCENT,
): Point[] {
  const path: Point[] = [start];
  let { x, y } = start;
  for (let step = 0; step < options.maxSteps; step++) {
    const g = himmelblauGradient(x, y);
    if (Math.hypot(g.x, g.y) < options.tolerance) break;
    x -= options.learningRate * g.x;
    y -= options.learningRate * g.y;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Error(
        `gradientDescentPath: diverged from (${start.x}, ${start.y}); use a smaller learning rate`,
      );
    }
    path.push({ x, y });
  }
  return path;
}

/**
 * Starting points of the figure's descent paths: at least one into each of the four basins, and
 * two pairs that start far apart yet end in the same minimum.
 */
export const DESCENT_STARTS: readonly Point[] = [
  { x: 0, y: 0 },
  { x: 4.5, y: 4.5 },
  { x: -1, y: 4.5 },
  { x: -1.5, y: -4.5 },
  { x: 1.5, y: -4.5 },
  { x: 4.5, y: 0 },
];
