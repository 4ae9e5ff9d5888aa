/** The numbers the pages quote about a run, taken from its run record (the shape of src/generated/results/NAME.json). */
import { CLASSES, inputMatrix, PIXELS } from '../nn/data-matrices.ts';
import { forward } from '../nn/network.ts';
import type { RunRecord, Settings } from '../nn/types.ts';

/** One validation set's outcome. */
interface ValidationSummary {
  name: string;
  title: string;
  accuracy: number;
  correct: number;
  total: number;
}

/** The contents of an experiment's results file. */
export interface RunResults {
  settings: Settings;
  architecture: { inputs: number; hidden: number; outputs: number };
  parameterCount: number;
  trainingExamples: number;
  initialLoss: number;
  finalLoss: number;
  initialAccuracy: number;
  finalAccuracy: number;
  firstPerfectIteration: number | null;
  /** The iteration from which accuracy is 1 at every state up to N (null if the final accuracy is below 1). */
  perfectFromIteration: number | null;
  /** How many hidden units of the final network are active (ReLU input above 0) on at least one training image. */
  finalActiveHiddenUnits: number;
  validation: ValidationSummary[];
  history: { iteration: number; loss: number; accuracy: number }[];
}

/** A readable title for a validation set: "validation-2" -> "Validation set 2"; other names stay as they are. */
export function validationTitle(name: string): string {
  const match = /^validation-(\d+)$/.exec(name);
  return match ? `Validation set ${match[1]}` : name;
}

/** The number of weights and biases of a 9-H-2 network: W1 and b1 (9H + H), then W2 and b2 (2H + 2). */
export function parameterCount(hidden: number): number {
  return PIXELS * hidden + hidden + CLASSES * hidden + CLASSES;
}

/** The first iteration from which every later state has accuracy 1, or null if the last one does not. */
export function perfectFromIteration(
  history: readonly { iteration: number; accuracy: number }[],
): number | null {
  let from: number | null = null;
  for (let k = history.length - 1; k >= 0 && history[k]!.accuracy === 1; k--)
    from = history[k]!.iteration;
  return from;
}

/** The hidden units of the final network that are active on at least one training image. */
function activeHiddenUnits(record: RunRecord): number {
  const { A1 } = forward(record.final, inputMatrix(record.datasets.train.images));
  return A1.toRows().filter((row) => row.some((a) => a > 0)).length;
}

/** The results of `record`, with settings in their fixed key order. */
export function runResults(record: RunRecord): RunResults {
  const { settings, history } = record;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  return {
    settings: {
      seed: settings.seed,
      dataSeed: settings.dataSeed,
      learningRate: settings.learningRate,
      hiddenUnits: settings.hiddenUnits,
      iterations: settings.iterations,
      frameEvery: settings.frameEvery,
    },
    architecture: { inputs: PIXELS, hidden: settings.hiddenUnits, outputs: CLASSES },
    parameterCount: parameterCount(settings.hiddenUnits),
    trainingExamples: record.datasets.train.labels.length,
    initialLoss: first.loss,
    finalLoss: last.loss,
    initialAccuracy: first.accuracy,
    finalAccuracy: last.accuracy,
    firstPerfectIteration: record.firstPerfectIteration,
    perfectFromIteration: perfectFromIteration(history),
    finalActiveHiddenUnits: activeHiddenUnits(record),
    validation: record.validation.map((result, k) => {
      return {
        name: result.name,
        title: validationTitle(result.name),
        accuracy: result.accuracy,
        correct: result.correct,
        total: record.datasets.validation[k]!.labels.length,
      };
    }),
    history: history.map((h) => ({ iteration: h.iteration, loss: h.loss, accuracy: h.accuracy })),
  };
}
