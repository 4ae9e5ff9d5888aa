/**
 * The two activation functions of the network. ReLU sits beside its derivative, which the
 * backward pass needs; softmax's derivative is folded into the loss (see loss.ts), because
 * softmax followed by cross-entropy has the simple gradient A2 - Y.
 */
import { exp } from './elementary.ts';
import { Matrix } from './matrix.ts';

// #region relu
/** ReLU, entry by entry: max(0, z). Used on Z1 (H x n) to give A1. */
export function relu(Z: Matrix): Matrix {
  return Z.map((z) => Math.max(0, z));
}

/** ReLU's derivative, entry by entry: 1 where z > 0, else 0 (we take 0 at the kink z = 0). */
export function reluDerivative(Z: Matrix): Matrix {
  // The backward pass multiplies by this: a unit that was off passes no gradient back.
  return Z.map((z) => (z > 0 ? 1 : 0));
}
// #endregion relu

// #region softmax
/**
 * Softmax of each column: exp(z_k) / sum_m exp(z_m), so every column of the result
 * (2 x n for Z2) holds probabilities that add up to 1.
 */
export function softmax(Z: Matrix): Matrix {
  const S = new Matrix(Z.rows, Z.cols);
  for (let c = 0; c < Z.cols; c++) {
    // Subtracting the column's largest entry leaves the result unchanged but keeps exp()
    // from overflowing: every exponent is <= 0, so every term lies in (0, 1].
    let max = -Infinity;
    for (let r = 0; r < Z.rows; r++) max = Math.max(max, Z.get(r, c));
    let sum = 0;
    for (let r = 0; r < Z.rows; r++) {
      const e = exp(Z.get(r, c) - max);
      S.data[r * Z.cols + c] = e;
      sum += e;
    }
    for (let r = 0; r < Z.rows; r++) S.data[r * Z.cols + c]! /= sum;
  }
  return S;
}
// #endregion softmax
