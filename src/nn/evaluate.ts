/** How a trained network does on a set of images it was not trained on. */
import { inputMatrix } from './data-matrices.ts';
import { accuracy } from './loss.ts';
import { forward } from './network.ts';
import type { Dataset, Parameters, ValidationResult } from './types.ts';

/** Predictions, class probabilities ([p0, p1] per image) and accuracy of the network `params` on `dataset`. */
export function evaluate(params: Parameters, dataset: Dataset): ValidationResult {
  const { A2 } = forward(params, inputMatrix(dataset.images));
  return {
    name: dataset.name,
    accuracy: accuracy(A2, dataset.labels),
    predictions: A2.argmaxColumns(),
    probabilities: Array.from({ length: A2.cols }, (_, j) => A2.column(j)),
  };
}
