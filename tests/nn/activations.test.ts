import { describe, expect, it } from 'vitest';
import { relu, reluDerivative, softmax } from '../../src/nn/activations.ts';
import { Matrix } from '../../src/nn/matrix.ts';

describe('relu and its derivative', () => {
  const Z = Matrix.fromRows([
    [-2, -0.5, 0, 0.5, 3],
    [1e-300, -1e-300, 7, -7, 0],
  ]);

  it('keeps positive entries and zeroes the rest', () => {
    expect(relu(Z).toRows()).toEqual([
      [0, 0, 0, 0.5, 3],
      [1e-300, 0, 7, 0, 0],
    ]);
  });

  it('has derivative 1 where z > 0 and 0 elsewhere (0 at the kink)', () => {
    expect(reluDerivative(Z).toRows()).toEqual([
      [0, 0, 0, 1, 1],
      [1, 0, 1, 0, 0],
    ]);
  });
});

describe('softmax', () => {
  it('matches exp(z) / sum(exp(z)) column by column', () => {
    // Column 0: z = (0, ln 3) gives (1/4, 3/4). Column 1: equal logits give (1/2, 1/2).
    // Column 2: z = (2, -1) gives (e^3 / (1 + e^3), 1 / (1 + e^3)).
    const S = softmax(
      Matrix.fromRows([
        [0, 5, 2],
        [Math.log(3), 5, -1],
      ]),
    );
    expect(S.get(0, 0)).toBeCloseTo(0.25, 15);
    expect(S.get(1, 0)).toBeCloseTo(0.75, 15);
    expect(S.get(0, 1)).toBe(0.5);
    expect(S.get(1, 1)).toBe(0.5);
    expect(S.get(0, 2)).toBeCloseTo(Math.exp(3) / (1 + Math.exp(3)), 15);
    expect(S.get(1, 2)).toBeCloseTo(1 / (1 + Math.exp(3)), 15);
  });

  it('stays finite for logits of +-1000, where exp() alone would overflow', () => {
    const S = softmax(
      Matrix.fromRows([
        [1000, -1000, 1000, -1000],
        [-1000, 1000, 1000, -1000],
      ]),
    );
    for (const value of S.data) expect(Number.isFinite(value)).toBe(true);
    expect(S.toRows()).toEqual([
      [1, 0, 0.5, 0.5],
      [0, 1, 0.5, 0.5],
    ]);
  });

  it('does not change when a constant is added to a column', () => {
    const Z = Matrix.fromRows([[0.3], [-1.2]]);
    const shifted = Z.map((z) => z + 50);
    expect(softmax(shifted).get(0, 0)).toBeCloseTo(softmax(Z).get(0, 0), 14);
  });
});
