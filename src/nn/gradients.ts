/**
 * The backward pass: the gradient of the summed cross-entropy with respect to every
 * parameter, by the chain rule from the output back to the input.
 */
import { reluDerivative } from './activations.ts';
import { softmaxCrossEntropyGradient } from './loss.ts';
import type { Matrix } from './matrix.ts';
import type { Activations, Parameters } from './types.ts';

// #region gradients
/** The gradient of the loss for each parameter; each has its parameter's shape. */
export interface Gradients {
  dW1: Matrix;
  db1: Matrix;
  dW2: Matrix;
  db2: Matrix;
}

/**
 * Gradients of the loss for inputs X (9 x n) and one-hot targets Y (2 x n), using the
 * activations of the forward pass that produced the loss.
 */
export function gradients(
  params: Parameters,
  X: Matrix,
  Y: Matrix,
  activations: Activations,
): Gradients {
  const { Z1, A1, A2 } = activations;
  const dZ2 = softmaxCrossEntropyGradient(A2, Y); // 2 x n
  const dW2 = dZ2.matmul(A1.transpose()); // 2 x H
  const db2 = dZ2.sumRows(); // 2 x 1
  // Back through W2, then through ReLU: only units with Z1 > 0 pass the gradient on.
  const dZ1 = params.W2.transpose().matmul(dZ2).mul(reluDerivative(Z1)); // H x n
  const dW1 = dZ1.matmul(X.transpose()); // H x 9
  const db1 = dZ1.sumRows(); // H x 1
  return { dW1, db1, dW2, db2 };
}
// #endregion gradients
