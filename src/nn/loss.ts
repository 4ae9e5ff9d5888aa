/**
 * How the network's output A2 is scored against the one-hot targets Y: the cross-entropy
 * loss, its gradient (paired with softmax), and accuracy.
 */
import { log } from './elementary.ts';
import type { Matrix } from './matrix.ts';

// #region loss
/**
 * Cross-entropy summed over the examples: L = -sum over k, j of Y[k][j] * log(A2[k][j]),
 * for probabilities A2 and one-hot targets Y (both 2 x n).
 */
export function crossEntropy(A2: Matrix, Y: Matrix): number {
  let loss = 0;
  for (let i = 0; i < A2.data.length; i++) {
    const y = Y.data[i]!;
    // Only the true class counts: a zero target adds nothing, even where A2 is 0 and
    // 0 * log(0) would make NaN. A true class whose probability underflowed to 0 gives
    // Infinity, which the training loop reports as divergence.
    if (y !== 0) loss -= y * log(A2.data[i]!);
  }
  return loss;
}

/**
 * Gradient of the loss with respect to the logits Z2, through softmax and cross-entropy
 * together: dZ2 = A2 - Y (2 x n). The appendix of the tutorial derives it.
 */
export function softmaxCrossEntropyGradient(A2: Matrix, Y: Matrix): Matrix {
  return A2.sub(Y);
}
// #endregion loss

/** How many of the predicted classes equal their labels. */
export function countCorrect(predictions: readonly number[], labels: readonly number[]): number {
  return predictions.filter((p, j) => p === labels[j]).length;
}

/** The fraction of examples whose most probable class (the argmax of each column of A2) is their label. */
export function accuracy(A2: Matrix, labels: readonly number[]): number {
  return countCorrect(A2.argmaxColumns(), labels) / labels.length;
}
