import { describe, expect, it } from 'vitest';
import { softmax } from '../../src/nn/activations.ts';
import { oneHot } from '../../src/nn/data-matrices.ts';
import { accuracy, crossEntropy, softmaxCrossEntropyGradient } from '../../src/nn/loss.ts';
import { Matrix } from '../../src/nn/matrix.ts';

describe('cross-entropy', () => {
  // The tutorial's worked examples: S against Y = [1, 0], so L = -ln(S[0]).
  // Expected values are Python's math.log: -math.log(0.1), -math.log(0.5) (= ln 2), -math.log(0.9).
  // -math.log(0.1) is not Math.LN10: the two differ in the last bit.
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: Python's -math.log(0.1), exactly.
  const MINUS_LOG_TENTH = 2.3025850929940455;
  const cases = [
    { S: [0.1, 0.9], expected: MINUS_LOG_TENTH, rounded: '2.30' }, // confident and wrong
    { S: [0.5, 0.5], expected: Math.LN2, rounded: '0.69' }, // undecided
    { S: [0.9, 0.1], expected: 0.10536051565782628, rounded: '0.11' }, // confident and right
  ];
  for (const { S, expected, rounded } of cases) {
    it(`is ${rounded} for S = [${S.join(', ')}] against Y = [1, 0]`, () => {
      const loss = crossEntropy(Matrix.fromColumns([S]), Matrix.fromColumns([[1, 0]]));
      expect(loss).toBeCloseTo(expected, 15);
      expect(loss.toFixed(2)).toBe(rounded);
    });
  }

  it('sums the examples rather than averaging them', () => {
    const A2 = Matrix.fromColumns([
      [0.1, 0.9],
      [0.5, 0.5],
      [0.9, 0.1],
    ]);
    const Y = Matrix.fromColumns([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect(crossEntropy(A2, Y)).toBeCloseTo(MINUS_LOG_TENTH + Math.LN2 + 0.10536051565782628, 14);
  });

  it('stays finite for softmax outputs of logits +-1000', () => {
    // Columns: true class far ahead (twice), and two columns of equal logits.
    const Z = Matrix.fromRows([
      [1000, -1000, 1000, -1000],
      [-1000, 1000, 1000, -1000],
    ]);
    const loss = crossEntropy(softmax(Z), oneHot([0, 1, 0, 1]));
    expect(Number.isFinite(loss)).toBe(true);
    // 0 + 0 + ln 2 + ln 2
    expect(loss).toBeCloseTo(2 * Math.LN2, 14);
  });

  it('is Infinity (never NaN) when the true class gets probability 0, which training reports as divergence', () => {
    const A2 = softmax(Matrix.fromRows([[1000], [-1000]]));
    expect(crossEntropy(A2, oneHot([1]))).toBe(Infinity);
  });
});

describe('the gradient of softmax with cross-entropy', () => {
  it('is A2 - Y', () => {
    const A2 = Matrix.fromColumns([
      [0.25, 0.75],
      [0.9, 0.1],
    ]);
    expect(softmaxCrossEntropyGradient(A2, oneHot([0, 0])).toRows()).toEqual([
      [-0.75, -0.09999999999999998], // 0.25 - 1 and 0.9 - 1 in doubles
      [0.75, 0.1],
    ]);
  });
});

describe('accuracy', () => {
  it('is the fraction of columns whose largest probability is the label', () => {
    const A2 = Matrix.fromColumns([
      [0.8, 0.2],
      [0.4, 0.6],
      [0.3, 0.7],
      [0.51, 0.49],
    ]);
    expect(accuracy(A2, [0, 1, 0, 1])).toBe(0.5); // right, right, wrong, wrong
    expect(accuracy(A2, [0, 1, 1, 0])).toBe(1);
  });

  it('breaks a tie in favour of class 0, as numpy argmax does', () => {
    expect(accuracy(Matrix.fromColumns([[0.5, 0.5]]), [0])).toBe(1);
  });
});

describe('oneHot', () => {
  it('puts a 1 in row label of each column', () => {
    expect(oneHot([1, 0, 1]).toRows()).toEqual([
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });
});
