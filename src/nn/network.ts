/**
 * The 9-H-2 network: its initialisation and its forward pass. The other steps of the
 * tutorial's loop (loss, gradients, update) live in files of their own.
 */
import { relu, softmax } from './activations.ts';
import { CLASSES, PIXELS } from './data-matrices.ts';
import { Matrix } from './matrix.ts';
import type { Rng } from './rng.ts';
import type { Activations, InitScheme, Parameters } from './types.ts';

// #region init
/**
 * The first parameters of a 9-H-2 network: W1 (H x 9) and then W2 (2 x H), each filled row by
 * row by the scheme `init`; the biases b1 (H x 1) and b2 (2 x 1) start at 0.
 */
export function initParameters(hiddenUnits: number, rng: Rng, init: InitScheme): Parameters {
  // The order of the draws matters: all of W1 first, then W2, as numpy fills
  // rng.normal(size=(H, 9)) and then rng.normal(size=(2, H)).
  const W1 = initialWeights(hiddenUnits, PIXELS, rng, init);
  const W2 = initialWeights(CLASSES, hiddenUnits, rng, init);
  return { W1, b1: Matrix.zeros(hiddenUnits, 1), W2, b2: Matrix.zeros(CLASSES, 1) };
}

/** A rows x fanIn weight matrix drawn by `init`, filled row-major. */
function initialWeights(rows: number, fanIn: number, rng: Rng, init: InitScheme): Matrix {
  const W = new Matrix(rows, fanIn);
  if (init === 'zeros') return W; // np.zeros((rows, fanIn)): no draws
  for (let i = 0; i < W.data.length; i++) W.data[i] = scaleDraw(rng.normal(), fanIn, init);
  return W;
}

/**
 * One standard normal draw z scaled for a layer with fanIn inputs, written as the numpy
 * expression it matches bit for bit: z / np.sqrt(n), z * np.sqrt(2 / n), z * (10 / np.sqrt(n)).
 */
function scaleDraw(z: number, fanIn: number, init: Exclude<InitScheme, 'zeros'>): number {
  if (init === 'xavier') return z / Math.sqrt(fanIn); // variance 1/n
  if (init === 'he') return z * Math.sqrt(2 / fanIn); // variance 2/n, for ReLU
  return z * (10 / Math.sqrt(fanIn)); // ten times Xavier: too large on purpose
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
