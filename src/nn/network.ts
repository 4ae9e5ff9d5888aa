/**
 * The 9-H-2 network: its initialisation and its forward pass. The other steps of the
 * tutorial's loop (loss, gradients, update) live in files of their own.
 */
import { relu, softmax } from './activations.ts';
import { CLASSES, PIXELS } from './data-matrices.ts';
import { Matrix } from './matrix.ts';
import type { Rng } from './rng.ts';
import type { Activations, Parameters } from './types.ts';

// #region init
/**
 * Xavier initialisation of a 9-H-2 network: W1 (H x 9) and then W2 (2 x H), each filled
 * row by row with normal draws divided by sqrt(fan-in); the biases b1 (H x 1) and b2 (2 x 1) are 0.
 */
export function initParameters(hiddenUnits: number, rng: Rng): Parameters {
  // The order of the draws matters: W1 first, then W2, as numpy fills
  // rng.normal(size=(H, 9)) / sqrt(9) and then rng.normal(size=(2, H)) / sqrt(H).
  const W1 = xavierMatrix(hiddenUnits, PIXELS, rng);
  const W2 = xavierMatrix(CLASSES, hiddenUnits, rng);
  return { W1, b1: Matrix.zeros(hiddenUnits, 1), W2, b2: Matrix.zeros(CLASSES, 1) };
}

/** A rows x fanIn matrix of standard normal draws divided by sqrt(fanIn), filled row-major. */
function xavierMatrix(rows: number, fanIn: number, rng: Rng): Matrix {
  const W = new Matrix(rows, fanIn);
  const scale = Math.sqrt(fanIn);
  for (let i = 0; i < W.data.length; i++) W.data[i] = rng.normal() / scale;
  return W;
}
// #endregion init

// #region forward
/** The forward pass for inputs X (9 x n): Z1, A1 (H x n), then Z2 and the probabilities A2 (2 x n). */
export function forward(params: Parameters, X: Matrix): Activations {
  const { W1, b1, W2, b2 } = params;
  const Z1 = W1.matmul(X).addColumn(b1); // b1 is added to every column, as numpy broadcasts it
  const A1 = relu(Z1);
  const Z2 = W2.matmul(A1).addColumn(b2);
  const A2 = softmax(Z2);
  return { Z1, A1, Z2, A2 };
}
// #endregion forward
