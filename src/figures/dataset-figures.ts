/** The figures of image sets: the training set, and a validation set with the trained network's predictions. */
import type { Dataset, ValidationResult } from '../nn/types.ts';
import type { Context2D } from './context-2d.ts';
import {
  drawImageGrid,
  type GridImage,
  type ImageGridLayout,
  imageGridLayout,
} from './image-grid.ts';
import { formatNumber } from './scales.ts';
import { CONTENT_WIDTH, className } from './theme.ts';

/** Images per row: 6 puts the 12 images of each class of the training set on two rows. */
const COLUMNS = 6;

/** The training set's grid: every image with its number and class. */
export function trainingSetLayout(dataset: Dataset, width = CONTENT_WIDTH): ImageGridLayout {
  return imageGridLayout(dataset.images.length, COLUMNS, 1, width);
}

/** Draws the training set: each image labelled "#k class". */
export function drawTrainingSet(ctx: Context2D, dataset: Dataset, width = CONTENT_WIDTH): void {
  const items: GridImage[] = dataset.images.map((pixels, i) => ({
    pixels,
    lines: [`#${i + 1} ${className(dataset.labels[i]!)}`],
  }));
  drawImageGrid(ctx, items, trainingSetLayout(dataset, width));
}

/** A validation set's grid: every image with its true class, the prediction and its probability. */
export function validationLayout(dataset: Dataset, width = CONTENT_WIDTH): ImageGridLayout {
  return imageGridLayout(dataset.images.length, COLUMNS, 3, width);
}

/** Draws a validation set with the trained network's predictions; wrong ones are framed and crossed. */
export function drawValidationSet(
  ctx: Context2D,
  dataset: Dataset,
  result: ValidationResult,
  width = CONTENT_WIDTH,
): void {
  const items: GridImage[] = dataset.images.map((pixels, i) => {
    const truth = dataset.labels[i]!;
    const predicted = result.predictions[i]!;
    const probability = result.probabilities[i]?.[predicted] ?? NaN;
    return {
      pixels,
      lines: [
        `#${i + 1} ${className(truth)}`,
        `predicted ${className(predicted)}`,
        `probability ${formatNumber(probability, 2)}`,
      ],
      wrong: predicted !== truth,
    };
  });
  drawImageGrid(ctx, items, validationLayout(dataset, width));
}
