import { describe, expect, it } from 'vitest';
import { oneHot } from '../../src/nn/data-matrices.ts';
import { gradients } from '../../src/nn/gradients.ts';
import { crossEntropy } from '../../src/nn/loss.ts';
import { Matrix } from '../../src/nn/matrix.ts';
import { forward, initParameters } from '../../src/nn/network.ts';
import { createRng } from '../../src/nn/rng.ts';
import type { Parameters } from '../../src/nn/types.ts';

/** Central difference step: small enough for an O(h^2) truncation error, large enough to keep rounding away. */
const H = 1e-5;

/** A random network and batch: Xavier weights, random (non-zero) biases, uniform pixels, random labels. */
function randomProblem(seed: number, hiddenUnits: number, examples: number) {
  const rng = createRng(seed);
  const init = initParameters(hiddenUnits, rng, 'xavier');
  const params: Parameters = {
    ...init,
    b1: init.b1.map(() => rng.normal(0, 0.5)),
    b2: init.b2.map(() => rng.normal(0, 0.5)),
  };
  const X = new Matrix(9, examples).map(() => rng.random());
  const labels = Array.from({ length: examples }, () => (rng.random() < 0.5 ? 0 : 1));
  return { params, X, Y: oneHot(labels) };
}

/** The loss of `params` on X, Y. */
function loss(params: Parameters, X: Matrix, Y: Matrix): number {
  return crossEntropy(forward(params, X).A2, Y);
}

/** dL/dp for every entry of params[name], by central finite differences. */
function numericalGradient(
  params: Parameters,
  name: keyof Parameters,
  X: Matrix,
  Y: Matrix,
): Matrix {
  const P = params[name];
  const out = new Matrix(P.rows, P.cols);
  for (let i = 0; i < P.data.length; i++) {
    const shifted = (delta: number) => ({
      ...params,
      [name]: P.map((v, r, c) => (r * P.cols + c === i ? v + delta : v)),
    });
    out.data[i] = (loss(shifted(H), X, Y) - loss(shifted(-H), X, Y)) / (2 * H);
  }
  return out;
}

/** |a - n| / (|a| + |n|) over the whole matrix, the usual relative error of a gradient check (0 when both vanish). */
function relativeError(a: Matrix, n: Matrix): number {
  let diff = 0;
  let size = 0;
  for (let i = 0; i < a.data.length; i++) {
    diff += (a.data[i]! - n.data[i]!) ** 2;
    size += a.data[i]! ** 2 + n.data[i]! ** 2;
  }
  return size === 0 ? 0 : Math.sqrt(diff) / Math.sqrt(size);
}

describe('gradients against central finite differences', () => {
  const cases = [
    { seed: 1, hiddenUnits: 1, examples: 1 }, // the smallest network
    { seed: 2, hiddenUnits: 3, examples: 4 },
    { seed: 3, hiddenUnits: 6, examples: 24 }, // the tutorial's shape
    { seed: 4, hiddenUnits: 10, examples: 7 },
    { seed: 5, hiddenUnits: 2, examples: 12 },
  ];
  for (const { seed, hiddenUnits, examples } of cases) {
    it(`agree for H = ${hiddenUnits}, n = ${examples} (seed ${seed})`, () => {
      const { params, X, Y } = randomProblem(seed, hiddenUnits, examples);
      const activations = forward(params, X);
      // A finite difference across ReLU's kink would measure the kink, not the gradient:
      // check that every Z1 entry is far from 0 compared with the step.
      const nearestKink = Math.min(...Array.from(activations.Z1.data, Math.abs));
      expect(nearestKink).toBeGreaterThan(100 * H);
      const grads = gradients(params, X, Y, activations);
      for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
        const analytic = grads[`d${name}`];
        const numerical = numericalGradient(params, name, X, Y);
        expect(analytic.rows, name).toBe(params[name].rows);
        expect(analytic.cols, name).toBe(params[name].cols);
        expect(relativeError(analytic, numerical), `d${name}`).toBeLessThan(1e-6);
        // Entry by entry too, so a single wrong entry cannot hide in the norm.
        for (let i = 0; i < analytic.data.length; i++) {
          const a = analytic.data[i]!;
          const n = numerical.data[i]!;
          expect(Math.abs(a - n), `d${name}[${i}]`).toBeLessThanOrEqual(
            1e-6 * Math.max(1, Math.abs(a) + Math.abs(n)),
          );
        }
      }
    });
  }

  it('would catch a wrong gradient (the check is not vacuous)', () => {
    const { params, X, Y } = randomProblem(3, 6, 24);
    const grads = gradients(params, X, Y, forward(params, X));
    // Dropping ReLU's derivative is a classic mistake: dW1 then disagrees with the loss.
    const wrongDZ1 = params.W2.transpose().matmul(forward(params, X).A2.sub(Y));
    const wrongDW1 = wrongDZ1.matmul(X.transpose());
    expect(relativeError(wrongDW1, numericalGradient(params, 'W1', X, Y))).toBeGreaterThan(1e-3);
    expect(relativeError(grads.dW1, numericalGradient(params, 'W1', X, Y))).toBeLessThan(1e-6);
  });
});
