/** The figures of image sets: the training set, and a validation set with the trained network's predictions. */

import { TRAINED_RUN_SETTINGS } from '../nn/settings.ts';
import type { Dataset, ValidationResult } from '../nn/types.ts';
import type { Context2D } from './context-2d.ts';
import { defineFigure, type FigureText } from './figure-definition.ts';
import {
  drawImageGrid,
  type GridImage,
  type ImageGridLayout,
  imageGridLayout,
} from './image-grid.ts';
import { count, plain } from './prose.ts';
import { validationTitle } from './run-results.ts';
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
    lines: [`#${i} ${className(dataset.labels[i]!)}`],
  }));
  drawImageGrid(ctx, items, trainingSetLayout(dataset, width));
}

/** A validation set's grid: every image with its true class, the prediction and its probability. */
function validationLayout(dataset: Dataset, width = CONTENT_WIDTH): ImageGridLayout {
  return imageGridLayout(dataset.images.length, COLUMNS, 3, width);
}

/** Draws a validation set with the trained network's predictions; wrong ones are framed and crossed. */
function drawValidationSet(
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
        `#${i} ${className(truth)}`,
        `predicted ${className(predicted)}`,
        `probability ${formatNumber(probability, 2)}`,
      ],
      wrong: predicted !== truth,
    };
  });
  drawImageGrid(ctx, items, validationLayout(dataset, width));
}

/** The alt text and caption of a validation set's figure: how many are right, which are wrong, the least confident. */
function validationText(dataset: Dataset, result: ValidationResult): FigureText {
  const n = dataset.labels.length;
  const wrong = result.predictions
    .map((p, i) => (p === dataset.labels[i] ? -1 : i))
    .filter((k) => k >= 0);
  const title = validationTitle(dataset.name);
  const outcome =
    wrong.length === 0
      ? `All ${n} are predicted correctly (accuracy ${plain(result.accuracy, 2)}).`
      : `${n - wrong.length} of ${n} are predicted correctly (accuracy ${plain(result.accuracy, 2)}); the wrong ones, framed in red with a cross, are ${wrong.map((k) => `#${k}`).join(', ')}.`;
  const minProbability = Math.min(
    ...result.predictions.map((p, i) => result.probabilities[i]![p]!),
  );
  return {
    alt: `${title}: ${count(n, 'image')}, each with its number, true class, predicted class and the probability of the prediction. ${outcome} The least confident prediction has probability ${plain(minProbability, 2)}.`,
    caption:
      wrong.length === 0
        ? `${title}: the trained network classifies all ${n} images correctly.`
        : `${title}: ${n - wrong.length} of ${n} correct; wrong predictions are framed in red.`,
  };
}

/** The figure of an experiment's validation set `set` (0 for the first) with the trained network's predictions. */
export function validationFigure(set: number) {
  return defineFigure({
    format: 'png',
    experiments: ['tutorial'],
    reads: {
      settings: TRAINED_RUN_SETTINGS,
      record: ['datasets', 'validation'],
    },
    displayWidth: CONTENT_WIDTH,
    size: ({ run }) => validationLayout(run.datasets.validation[set]!, CONTENT_WIDTH),
    draw: (ctx, { run }) =>
      drawValidationSet(ctx, run.datasets.validation[set]!, run.validation[set]!, CONTENT_WIDTH),
    text: ({ run }) => validationText(run.datasets.validation[set]!, run.validation[set]!),
  });
}
