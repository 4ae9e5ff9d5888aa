/**
 * The tutorial's images, generated from the data seed: 3x3 images of one vertical (class 0)
 * or horizontal (class 1) line on a black background. Pixel i sits at row floor(i / 3),
 * column i mod 3.
 *
 * All randomness comes from one generator, createRng(dataSeed), drawn in this order, so
 * that numpy can redo it:
 *
 *   rng = numpy.random.default_rng(dataSeed)
 *   for label in (0, 1):                      # vertical, then horizontal
 *       for position in (0, 1, 2):            # the column (or row) that is lit
 *           clean line                        # no draws
 *           3 times: rng.uniform(0.7, 1.0, size=3)   # the line's pixels, lowest index first
 *   validation-1                              # no draws
 *   noise = rng.normal(0.0, 0.2, size=(24, 9))      # image by image, pixel by pixel
 *   validation_2 = numpy.clip(train + noise, 0.0, 1.0)
 */
import { createRng } from './rng.ts';
import type { Dataset } from './types.ts';

/** The training set and the validation sets a run uses. */
export interface Datasets {
  train: Dataset;
  validation: Dataset[];
}

/** The numbers the datasets are made with (the numpy program of each experiment states them too: src/python/). */
export const DATA_RECIPE = {
  /** Brightness range of the training set's varied lines. */
  variedLow: 0.7,
  variedHigh: 1,
  /** Lines per position that have varied brightness (each position also has one clean line). */
  variedPerLine: 3,
  /** The value of the dimmed pixel in validation set 1. */
  dimmed: 0.4,
  /** Standard deviation of the Gaussian noise of validation set 2. */
  noiseSd: 0.2,
} as const;
const {
  variedLow: VARIED_LOW,
  variedHigh: VARIED_HIGH,
  variedPerLine: VARIED_PER_LINE,
  dimmed: DIMMED,
  noiseSd: NOISE_SD,
} = DATA_RECIPE;

/** The 3 pixel indices of a line: class 0 lights column `position`, class 1 lights row `position`. */
function linePixels(label: number, position: number): number[] {
  return label === 0
    ? [position, position + 3, position + 6]
    : [3 * position, 3 * position + 1, 3 * position + 2];
}

/** A 9-pixel image that is 0 except on the line, whose pixels take `values` in increasing pixel order. */
function lineImage(label: number, position: number, values: readonly number[]): number[] {
  const image = new Array<number>(9).fill(0);
  linePixels(label, position).forEach((pixel, k) => {
    image[pixel] = values[k]!;
  });
  return image;
}

/**
 * The training set (24 images), validation set 1 (18 images: each line with one pixel dimmed
 * to 0.4) and validation set 2 (the training images plus noise of sd 0.2, clipped to [0, 1]),
 * all determined by dataSeed.
 */
export function generateDatasets(dataSeed: number): Datasets {
  const rng = createRng(dataSeed);
  const lines = [0, 1].flatMap((label) => [0, 1, 2].map((position) => ({ label, position })));

  const train: Dataset = { name: 'train', images: [], labels: [] };
  for (const { label, position } of lines) {
    train.images.push(lineImage(label, position, [1, 1, 1]));
    train.labels.push(label);
    for (let v = 0; v < VARIED_PER_LINE; v++) {
      const values = [0, 1, 2].map(() => rng.uniform(VARIED_LOW, VARIED_HIGH));
      train.images.push(lineImage(label, position, values));
      train.labels.push(label);
    }
  }

  const dimmed: Dataset = { name: 'validation-1', images: [], labels: [] };
  for (const { label, position } of lines) {
    for (let k = 0; k < 3; k++) {
      dimmed.images.push(
        lineImage(
          label,
          position,
          [0, 1, 2].map((i) => (i === k ? DIMMED : 1)),
        ),
      );
      dimmed.labels.push(label);
    }
  }

  const noisy: Dataset = {
    name: 'validation-2',
    images: train.images.map((image) =>
      image.map((pixel) => Math.min(Math.max(pixel + rng.normal(0, NOISE_SD), 0), 1)),
    ),
    labels: [...train.labels],
  };

  return { train, validation: [dimmed, noisy] };
}
