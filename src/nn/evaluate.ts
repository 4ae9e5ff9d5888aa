/** How a trained network does on a set of images it was not trained on. */
import { inputMatrix } from './data-matrices.ts';
import { countCorrect } from './loss.ts';
import { forward } from './network.ts';
import type { Dataset, Parameters, ValidationResult } from './types.ts';

/** Predictions, class probabilities ([p0, p1] per image), correct count and accuracy of the network `params` on `dataset`. */
export function evaluate(params: Parameters, dataset: Dataset): ValidationResult {
  const { A2 } = forward(params, inputMatrix(dataset.images));
  const predictions = A2.argmaxColumns();
  const correct = countCorrect(predictions, dataset.labels);
  return {
    name: dataset.name,
    accuracy: correct / dataset.labels.length,
    correct,
    predictions,
    probabilities: Array.from({ length: A2.cols }, (_, j) => A2.column(j)),
  };
}
