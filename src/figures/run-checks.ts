/**
 * Numbers that let a reader check the tutorial's arithmetic, computed from a run's initial
 * network: one training example followed forward and back by hand, and backpropagation's
 * gradients against central differences of the loss.
 */
import { CLASSES, inputMatrix, oneHot } from '../nn/data-matrices.ts';
import { gradients } from '../nn/gradients.ts';
import { crossEntropy } from '../nn/loss.ts';
import { Matrix } from '../nn/matrix.ts';
import { forward } from '../nn/network.ts';
import type { Dataset, Parameters } from '../nn/types.ts';
import { className } from './theme.ts';

/** One training example through the forward pass and the first step of the backward pass. */
export interface ExampleTrace {
  /** Its index in the training set (0-based). */
  example: number;
  label: number;
  className: string;
  x: number[];
  Z1: number[];
  A1: number[];
  Z2: number[];
  A2: number[];
  /** Its own term of the loss, -log of the probability of its class. */
  loss: number;
  /** A2 - y: the gradient of its loss with respect to Z2. */
  dZ2: number[];
  /** Its contribution to dW2 (2 x H): dZ2 times A1 transposed. */
  dW2: number[][];
  /** Its contribution to db2: dZ2 itself. */
  db2: number[];
}

/** Traces training example `example` of `train` through `params`. */
export function traceExample(params: Parameters, train: Dataset, example: number): ExampleTrace {
  const image = train.images[example]!;
  const label = train.labels[example]!;
  const x = inputMatrix([image]);
  const y = oneHot([label]);
  const { Z1, A1, Z2, A2 } = forward(params, x);
  const dZ2 = A2.sub(y);
  return {
    example,
    label,
    className: className(label),
    x: [...image],
    Z1: Z1.column(0),
    A1: A1.column(0),
    Z2: Z2.column(0),
    A2: A2.column(0),
    loss: crossEntropy(A2, y),
    dZ2: dZ2.column(0),
    dW2: dZ2.matmul(A1.transpose()).toRows(),
    db2: dZ2.column(0),
  };
}

/** One entry of a parameter: its gradient by backpropagation and by central differences. */
interface GradientCheckEntry {
  parameter: keyof Parameters;
  row: number;
  col: number;
  backprop: number;
  numeric: number;
  /** |backprop - numeric| / max(|backprop|, |numeric|). */
  relativeError: number;
}

/** The check over a few entries of every parameter. */
export interface GradientCheck {
  epsilon: number;
  entries: GradientCheckEntry[];
  maxRelativeError: number;
}

/** The step of the central differences: small against the weights, large against rounding. */
const EPSILON = 1e-5;
/** Entries checked per parameter: those with the largest gradients (a zero gradient checks nothing). */
const ENTRIES_PER_PARAMETER = 2;

/** The summed loss of `params` on `train`. */
function lossOf(params: Parameters, train: Dataset): number {
  return crossEntropy(forward(params, inputMatrix(train.images)).A2, oneHot(train.labels));
}

/** `params` with one entry of one parameter moved by `delta`. */
function nudged(
  params: Parameters,
  name: keyof Parameters,
  index: number,
  delta: number,
): Parameters {
  const data = Float64Array.from(params[name].data);
  data[index] = data[index]! + delta;
  return { ...params, [name]: new Matrix(params[name].rows, params[name].cols, data) };
}

/** Backpropagation against (L(θ + ε) - L(θ - ε)) / 2ε for the largest-gradient entries of W1, b1, W2 and b2. */
export function checkGradients(params: Parameters, train: Dataset): GradientCheck {
  const X = inputMatrix(train.images);
  const grads = gradients(params, X, oneHot(train.labels), forward(params, X));
  const byName = { W1: grads.dW1, b1: grads.db1, W2: grads.dW2, b2: grads.db2 };
  const entries: GradientCheckEntry[] = [];
  for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
    const gradient = byName[name];
    const order = [...gradient.data.keys()].sort(
      (a, b) => Math.abs(gradient.data[b]!) - Math.abs(gradient.data[a]!) || a - b,
    );
    for (const index of order.slice(0, ENTRIES_PER_PARAMETER)) {
      const backprop = gradient.data[index]!;
      const numeric =
        (lossOf(nudged(params, name, index, EPSILON), train) -
          lossOf(nudged(params, name, index, -EPSILON), train)) /
        (2 * EPSILON);
      const scale = Math.max(Math.abs(backprop), Math.abs(numeric));
      entries.push({
        parameter: name,
        row: Math.floor(index / gradient.cols),
        col: index % gradient.cols,
        backprop,
        numeric,
        relativeError: scale === 0 ? 0 : Math.abs(backprop - numeric) / scale,
      });
    }
  }
  return {
    epsilon: EPSILON,
    entries,
    maxRelativeError: Math.max(...entries.map((e) => e.relativeError)),
  };
}

/** An image the network never saw, and what the trained network makes of it. */
export interface Probe {
  name: string;
  title: string;
  pixels: number[];
  /** [p(vertical), p(horizontal)]. */
  probabilities: number[];
  predicted: string;
}

/** The probe images: none of them is a line of three pixels, the only thing the network was shown. */
export const PROBE_IMAGES: readonly { name: string; title: string; pixels: number[] }[] = [
  { name: 'blank', title: 'a blank image', pixels: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { name: 'white', title: 'an all-white image', pixels: [1, 1, 1, 1, 1, 1, 1, 1, 1] },
  { name: 'plus', title: 'a plus sign', pixels: [0, 1, 0, 1, 1, 1, 0, 1, 0] },
  { name: 'diagonal', title: 'a diagonal', pixels: [1, 0, 0, 0, 1, 0, 0, 0, 1] },
  { name: 'short-line', title: 'a two-pixel line', pixels: [0, 1, 0, 0, 1, 0, 0, 0, 0] },
];

/** What `params` says about each probe image. */
export function probe(params: Parameters): Probe[] {
  const { A2 } = forward(params, inputMatrix(PROBE_IMAGES.map((p) => p.pixels)));
  return PROBE_IMAGES.map((image, j) => {
    const probabilities = A2.column(j);
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    return { ...image, pixels: [...image.pixels], probabilities, predicted: className(predicted) };
  });
}

/** How many examples `params` assigns to each class (argmax), by class. */
export function predictionCounts(params: Parameters, train: Dataset): number[] {
  const predicted = forward(params, inputMatrix(train.images)).A2.argmaxColumns();
  return Array.from({ length: CLASSES }, (_, k) => predicted.filter((p) => p === k).length);
}
