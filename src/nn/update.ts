/** The gradient-descent step that turns gradients into new parameters. */
import type { Gradients } from './gradients.ts';
import type { Parameters } from './types.ts';

// #region update
/** One step of gradient descent: every parameter p becomes p - learningRate * dp (same shapes). */
export function update(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  const step = (p: number, dp: number) => p - learningRate * dp;
  return {
    W1: params.W1.zip(grads.dW1, step),
    b1: params.b1.zip(grads.db1, step),
    W2: params.W2.zip(grads.dW2, step),
    b2: params.b2.zip(grads.db2, step),
  };
}
// #endregion update
