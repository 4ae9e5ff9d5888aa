/**
 * Alt text and captions of the figures, written from the run record so they state the numbers
 * the pictures show. Alt text says what a figure shows; the caption says what to take from it.
 */
import { CLASSES, PIXELS } from '../nn/data-matrices.ts';
import type { Dataset, RunRecord, ValidationResult } from '../nn/types.ts';
import { DESCENT_STARTS, gradientDescentPath } from './himmelblau.ts';
import { HIMMELBLAU_MINIMA, nearestMinimum } from './himmelblau-figure.ts';
import { parametersMaxAbs } from './initial-parameters-figure.ts';
import { validationTitle } from './run-results.ts';
import { formatNumber } from './scales.ts';
import { className } from './theme.ts';

/** A figure's alt text and caption. */
export interface FigureText {
  alt: string;
  caption: string;
}

/** "1 image" / "3 images". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A number for prose: a plain hyphen-minus (screen readers read U+2212 poorly) and fixed decimals. */
function plain(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

function classCounts(dataset: Dataset): string {
  const zeros = dataset.labels.filter((l) => l === 0).length;
  return `${count(zeros, `${className(0)} line`)} (class 0) and ${count(dataset.labels.length - zeros, `${className(1)} line`)} (class 1)`;
}

/** Training set: the images in a grid with their classes. */
export function trainingSetText(record: RunRecord): FigureText {
  const train = record.datasets.train;
  const lit = train.images.flat().filter((p) => p > 0);
  const dimmest = lit.length > 0 ? Math.min(...lit) : 0;
  return {
    alt:
      `The ${count(train.images.length, 'training image')}, 3 by 3 pixels each, in rows of six, each labelled with its number and class: ` +
      `${classCounts(train)}. Background pixels are black; line pixels are white or light grey (the dimmest is ${plain(dimmest, 2)}).`,
    caption: `The training set: ${classCounts(train)}, drawn with black for 0 and white for 1.`,
  };
}

/** The architecture diagram. */
export function networkText(record: RunRecord): FigureText {
  const h = record.settings.hiddenUnits;
  return {
    alt:
      `Diagram of the network: three columns of circles, 9 input nodes (one per pixel), ${h} hidden nodes and 2 output nodes, ` +
      `each node joined to every node of the next column (${PIXELS * h} + ${CLASSES * h} = ${(PIXELS + CLASSES) * h} connections). ` +
      `The columns are labelled x[0] (9 input pixels), A[1] (${count(h, 'hidden unit')}, ReLU) and A[2] (2 outputs, softmax).`,
    caption: `The 9-${h}-2 network: every input pixel feeds every hidden unit, and every hidden unit feeds both outputs.`,
  };
}

/** The trained network diagram. */
export function networkTrainedText(record: RunRecord): FigureText {
  const { W1, W2 } = record.final;
  const weights = [...W1.data, ...W2.data];
  const positive = weights.filter((w) => w > 0).length;
  let best = { value: 0, text: '' };
  for (let j = 0; j < W1.rows; j++) {
    for (let i = 0; i < 9; i++) {
      const v = W1.get(j, i);
      if (Math.abs(v) > Math.abs(best.value))
        best = { value: v, text: `from pixel ${i + 1} to hidden unit ${j + 1}` };
    }
  }
  for (let k = 0; k < 2; k++) {
    for (let j = 0; j < W2.cols; j++) {
      const v = W2.get(k, j);
      if (Math.abs(v) > Math.abs(best.value))
        best = { value: v, text: `from hidden unit ${j + 1} to the ${className(k)} output` };
    }
  }
  return {
    alt:
      `The trained network drawn like the diagram above: each connection orange for a positive weight and purple for a negative one, ` +
      `thicker and more opaque the larger the weight; hidden and output nodes are filled with the colour of their bias. ` +
      `${positive} of the ${weights.length} weights are positive; the largest in size is ${plain(best.value, 2)}, ${best.text}.`,
    caption: `The network after ${record.settings.iterations} iterations: warm connections excite, cool ones inhibit, and the thick ones matter most.`,
  };
}

/** Whether accuracy stays at 1 from its first perfect iteration to the end. */
function staysPerfect(record: RunRecord): boolean {
  const first = record.firstPerfectIteration;
  return first !== null && record.history.slice(first).every((h) => h.accuracy === 1);
}

function accuracySentence(record: RunRecord): string {
  const first = record.firstPerfectIteration;
  const start = record.history[0]!.accuracy;
  if (first === null)
    return `the accuracy goes from ${plain(start, 2)} to ${plain(record.history.at(-1)!.accuracy, 2)} without reaching 1`;
  return `the accuracy rises from ${plain(start, 2)} to 1 at iteration ${first}${staysPerfect(record) ? ' and stays there' : ''}`;
}

/** The training animation. */
export function trainingAnimationText(record: RunRecord): FigureText {
  const { settings, history, frames } = record;
  const h = settings.hiddenUnits;
  const n = record.datasets.train.labels.length;
  return {
    alt:
      `Animation of ${frames.length} frames, iterations 0 to ${settings.iterations} every ${settings.frameEvery}, looping. ` +
      `Each frame shows heatmaps of W[1] (${h} by 9), b[1], A[1] (${h} by ${n}), W[2] (2 by ${h}), b[2] and A[2] (2 by ${n}) ` +
      `with a green disc (correct) or red cross (wrong) on each example's true class, and the loss and accuracy curves so far. ` +
      `The loss falls from ${plain(history[0]!.loss, 2)} to ${plain(history.at(-1)!.loss, 3)}; ${accuracySentence(record)}.`,
    caption:
      `Training, one frame every ${settings.frameEvery} iterations. Warm colours are positive parameters, cool colours negative; ` +
      `activations run from black (0) to white (1). Green discs on A[2] mark correct predictions, red crosses wrong ones.`,
  };
}

/** X, y and Y. */
export function dataMatricesText(record: RunRecord): FigureText {
  const train = record.datasets.train;
  const n = train.labels.length;
  return {
    alt:
      `Three grids. The input matrix X, 9 rows by ${n} columns of grey cells: column j holds the 9 pixels of image j. ` +
      `The label vector y, ${n} digits: ${train.labels.join(' ')}. ` +
      `The one-hot matrix Y, 2 by ${n}: a white 1 in the row of each example's class and a black 0 in the other row.`,
    caption: `The training set as matrices: X (9 \u00d7 ${n}), the labels y and the one-hot targets Y (2 \u00d7 ${n}).`,
  };
}

/** The initial parameters. */
export function initialParametersText(record: RunRecord): FigureText {
  const { W1, W2 } = record.initial;
  const h = record.settings.hiddenUnits;
  const weights = [...W1.data, ...W2.data];
  const low = Math.min(...weights);
  const high = Math.max(...weights);
  return {
    alt:
      `Heatmaps of the parameters before training, with their values printed in the cells: W[1] (${h} by 9) and W[2] (2 by ${h}) ` +
      `with weights from ${plain(low, 2)} to ${plain(high, 2)}, and the biases b[1] and b[2], all zero. ` +
      `One colour bar from ${plain(-parametersMaxAbs(record.initial), 1)} (purple) through 0 (white) to ${plain(parametersMaxAbs(record.initial), 1)} (orange).`,
    caption: `The initial parameters (seed ${record.settings.seed}): weights drawn from a normal distribution scaled by 1/sqrt(fan-in), biases zero.`,
  };
}

/** The loss and accuracy curves. */
export function lossAccuracyText(record: RunRecord): FigureText {
  const { history, settings } = record;
  const first = record.firstPerfectIteration;
  return {
    alt:
      `Two line charts over iterations 0 to ${settings.iterations}. Left: the loss falls from ${plain(history[0]!.loss, 2)} to ${plain(history.at(-1)!.loss, 3)}. ` +
      `Right: ${accuracySentence(record)}.` +
      (first === null ? '' : ` A dashed vertical line marks iteration ${first} on both charts.`),
    caption:
      first === null
        ? `Loss and accuracy during training: the accuracy never reaches 1 in ${settings.iterations} iterations.`
        : `Loss and accuracy during training. The dashed line marks iteration ${first}, the first at which every training image is classified correctly.`,
  };
}

/** One validation set with predictions. */
export function validationText(dataset: Dataset, result: ValidationResult): FigureText {
  const n = dataset.labels.length;
  const wrong = result.predictions
    .map((p, i) => (p === dataset.labels[i] ? 0 : i + 1))
    .filter((k) => k > 0);
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

/** Gradient descent on Himmelblau's function. */
export function himmelblauText(): FigureText {
  const ends = DESCENT_STARTS.map((start) => {
    const path = gradientDescentPath(start);
    const m = HIMMELBLAU_MINIMA[nearestMinimum(path.at(-1)!)]!;
    return `from (${start.x}, ${start.y}) to (${formatNumber(m.x, 2).replace('\u2212', '-')}, ${formatNumber(m.y, 2).replace('\u2212', '-')}) in ${path.length - 1} steps`;
  });
  return {
    alt:
      `A contour map of Himmelblau's function f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2 for x and y from -5 to 5, ` +
      `lighter where f is lower, with its four minima marked by stars at (3, 2), (-2.81, 3.13), (-3.78, -3.28) and (3.58, -1.85). ` +
      `${DESCENT_STARTS.length} gradient-descent paths, coloured by the minimum they reach, run ${ends.join('; ')}.`,
    caption: `Gradient descent on Himmelblau's function: each path steps against the gradient and ends in the minimum of the basin it starts in.`,
  };
}
