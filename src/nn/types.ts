/**
 * The shapes of the data that flows from the settings to the figures and pages:
 * settings -> datasets -> training -> run record.
 */
import type { Matrix } from './matrix.ts';

/**
 * How the first weights are drawn, each weight of a layer with n inputs: "xavier" (the tutorial's)
 * a standard normal draw times 1/sqrt(n), "he" times sqrt(2/n), "large" times 10/sqrt(n), and
 * "zeros" no draw at all.
 */
export type InitScheme = 'xavier' | 'he' | 'zeros' | 'large';

/** The settings of a training run; content/experiments/tutorial.json holds the tutorial's. */
export interface Settings {
  /** Seed of the generator that initialises the network's weights. */
  seed: number;
  /** Seed of the generator that draws the datasets (separate from the network's). */
  dataSeed: number;
  learningRate: number;
  /** H, the number of ReLU units in the hidden layer. */
  hiddenUnits: number;
  /** How the first weights are drawn (the biases always start at 0). */
  init: InitScheme;
  /** N, the number of gradient-descent updates (the run has N + 1 states). */
  iterations: number;
  /** A snapshot of parameters and activations is kept every frameEvery iterations (and at N). */
  frameEvery: number;
}

/** A set of 3x3 images: images[i] holds 9 pixels in row-major order, labels[i] is 0 or 1. */
export interface Dataset {
  name: string;
  images: number[][];
  labels: number[];
}

/** The network's parameters: W1 (H x 9), b1 (H x 1), W2 (2 x H), b2 (2 x 1). */
export interface Parameters {
  W1: Matrix;
  b1: Matrix;
  W2: Matrix;
  b2: Matrix;
}

/** The loss and accuracy of the network in state `iteration` (before that update). */
export interface HistoryEntry {
  iteration: number;
  loss: number;
  accuracy: number;
}

/** The network at a frame iteration: its parameters and its activations on the training set. */
export interface Snapshot extends HistoryEntry {
  params: Parameters;
  /** Hidden activations, H x n (n = number of training examples). */
  A1: Matrix;
  /** Class probabilities, 2 x n. */
  A2: Matrix;
}

/** How the final network does on one validation set. */
export interface ValidationResult {
  name: string;
  accuracy: number;
  /** How many images are predicted correctly (accuracy times their number). */
  correct: number;
  /** The predicted class of each image. */
  predictions: number[];
  /** Class probabilities of each image, [p(class 0), p(class 1)]. */
  probabilities: number[][];
}

/** Everything one training run produced; figures and results are drawn from it alone. */
export interface RunRecord {
  settings: Settings;
  datasets: { train: Dataset; validation: Dataset[] };
  initial: Parameters;
  final: Parameters;
  /** N + 1 entries, iteration 0..N. */
  history: HistoryEntry[];
  /** Snapshots at iterations 0, frameEvery, 2 frameEvery, ..., the first iteration with accuracy 1 and N, in increasing order; a long run keeps a wider spacing (frame-schedule.ts). */
  frames: Snapshot[];
  /** The first iteration whose training accuracy is 1, or null if none is. */
  firstPerfectIteration: number | null;
  validation: ValidationResult[];
}

/** A run whose loss stopped being a finite number: what it did up to that iteration (an experiment may expect it). */
export interface DivergedRun {
  settings: Settings;
  datasets: { train: Dataset; validation: Dataset[] };
  initial: Parameters;
  /** The states before the loss stopped being finite. */
  history: HistoryEntry[];
  firstPerfectIteration: number | null;
  /** The iteration whose loss is not finite, and that loss ("Infinity", "NaN"). */
  divergence: { iteration: number; loss: string };
}

/** Every intermediate result of a forward pass over n examples. */
export interface Activations {
  /** Hidden pre-activations, H x n. */
  Z1: Matrix;
  /** Hidden activations ReLU(Z1), H x n. */
  A1: Matrix;
  /** Output logits, 2 x n. */
  Z2: Matrix;
  /** Class probabilities softmax(Z2), 2 x n. */
  A2: Matrix;
}
