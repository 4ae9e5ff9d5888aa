/**
 * The numbers the pages quote about a run, taken from its run record (the shape of
 * src/generated/results/NAME.json). They do not grow with the number of iterations: the history of
 * every state goes to the run's CSV download instead (scripts/figures/history-download.ts).
 */
import { CLASSES, inputMatrix, PIXELS } from '../nn/data-matrices.ts';
import { forward } from '../nn/network.ts';
import type { DivergedRun, RunRecord, Settings } from '../nn/types.ts';
import { identicalUnits, neverActiveUnits } from './hidden-unit-facts.ts';
import {
  checkGradients,
  type ExampleTrace,
  type GradientCheck,
  type Probe,
  predictionCounts,
  probe,
  traceExample,
} from './run-checks.ts';
import { className } from './theme.ts';

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
  /** The summed loss of a network that answers 50:50 for every training image: n ln 2. */
  evenOddsLoss: number;
  initialLoss: number;
  finalLoss: number;
  /** Whether the run ends with a larger loss than it started with (gradient descent went the wrong way). */
  lossRose: boolean;
  initialAccuracy: number;
  finalAccuracy: number;
  firstPerfectIteration: number | null;
  /** The iteration from which accuracy is 1 at every state up to N (null if the final accuracy is below 1). */
  perfectFromIteration: number | null;
  /** How many hidden units of the final network are active (ReLU input above 0) on at least one training image. */
  finalActiveHiddenUnits: number;
  validation: ValidationSummary[];
  /** Null: the run reached its last iteration (see DivergedResults for one that did not). */
  divergence: null;
  /** N + 1 forward passes (states 0..N) and N updates. */
  forwardPasses: number;
  updates: number;
  /** Hidden units (0-based) active on no training image in any state, as text ("unit 3", "units 1 and 4"), or null if there are none. */
  neverActiveUnits: string | null;
  neverActiveCount: number;
  /** Whether all hidden units are copies of one another in every state of the run (true after all-zero initial weights). */
  identicalHiddenUnits: boolean;
  /** How many of the parameters end the run with a value other than their initial one. */
  changedParameters: number;
  /** How many hidden units the untrained network has that are active on no training image (dead from the start, for now). */
  initiallyInactiveCount: number;
  /** How many hidden units of the trained network are active on no training image (dead at the end, whenever they died). */
  finalInactiveCount: number;
  /** How many training images the untrained network assigns to each class, and the class it leans to (null if neither). */
  initialPredictions: { vertical: number; horizontal: number; leaning: string | null };
  /** The mean loss and mean probability of the true class at the states the tutorial discusses. */
  checkpoints: { initial: Checkpoint; firstPerfect: Checkpoint | null; final: Checkpoint };
  /** Training example 0 followed through the initial network. */
  trace: ExampleTrace;
  /** Backpropagation against central differences, at the initial network. */
  gradientCheck: GradientCheck;
  /** The trained network on images it never saw. */
  probes: Probe[];
}

/** One state of the run in the per-example terms a reader can picture. */
interface Checkpoint {
  iteration: number;
  /** The summed loss divided by the number of examples. */
  meanLoss: number;
  /** The mean over the examples of the probability the network gives their true class. */
  meanTrueProbability: number;
  accuracy: number;
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
  return record.settings.hiddenUnits - inactiveUnits(record, record.final);
}

/** How many hidden units of `params` are active (ReLU input above 0) on no training image. */
function inactiveUnits(record: RunRecord, params: RunRecord['initial']): number {
  const { A1 } = forward(params, inputMatrix(record.datasets.train.images));
  return A1.toRows().filter((row) => row.every((a) => a === 0)).length;
}

/** How many entries of W1, b1, W2 and b2 differ between `before` and `after`. */
function changedParameters(before: RunRecord['initial'], after: RunRecord['initial']): number {
  let changed = 0;
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
    const a = before[key].data;
    const b = after[key].data;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
  }
  return changed;
}

/** "unit 3", "units 1 and 4", "units 0, 2 and 5"; null for none. */
function unitsText(units: readonly number[]): string | null {
  if (units.length === 0) return null;
  if (units.length === 1) return `unit ${units[0]}`;
  return `units ${units.slice(0, -1).join(', ')} and ${units.at(-1)}`;
}

/**
 * The never-active units, whether the units are all copies, and the checkpoints at iteration 0,
 * the first perfect iteration and N, without replaying the run. A unit inactive on every image
 * at the start gets no gradient and never changes, so the never-active units are those inactive
 * at the start; units that start as copies get the same gradients and stay copies, so they are
 * copies in every state when they are in the first; and the run keeps a snapshot at each
 * checkpoint (frame-schedule.ts). A test checks all three against a replay of every state.
 */
function stateFacts(
  record: RunRecord,
): Pick<
  RunResults,
  'neverActiveUnits' | 'neverActiveCount' | 'identicalHiddenUnits' | 'checkpoints'
> {
  const labels = record.datasets.train.labels;
  const checkpoint = (iteration: number): Checkpoint => {
    const snapshot = record.frames.find((frame) => frame.iteration === iteration)!;
    const entry = record.history[iteration]!;
    const trueProbability = labels.reduce((sum, label, j) => sum + snapshot.A2.get(label, j), 0);
    return {
      iteration,
      meanLoss: entry.loss / labels.length,
      meanTrueProbability: trueProbability / labels.length,
      accuracy: entry.accuracy,
    };
  };
  const first = record.firstPerfectIteration;
  const units = neverActiveUnits(record);
  return {
    neverActiveUnits: unitsText(units),
    neverActiveCount: units.length,
    identicalHiddenUnits: identicalUnits(record.initial),
    checkpoints: {
      initial: checkpoint(0),
      firstPerfect: first === null ? null : checkpoint(first),
      final: checkpoint(record.settings.iterations),
    },
  };
}

/** The untrained network's predictions on the training set, by class name, and the class it favours. */
function initialPredictions(record: RunRecord): RunResults['initialPredictions'] {
  const [vertical = 0, horizontal = 0] = predictionCounts(record.initial, record.datasets.train);
  const leaning = vertical === horizontal ? null : className(vertical > horizontal ? 0 : 1);
  return { vertical, horizontal, leaning };
}

/** The settings in their fixed key order. */
function runResultsSettings(settings: Settings): Settings {
  return {
    seed: settings.seed,
    dataSeed: settings.dataSeed,
    learningRate: settings.learningRate,
    hiddenUnits: settings.hiddenUnits,
    init: settings.init,
    iterations: settings.iterations,
    frameEvery: settings.frameEvery,
  };
}

/** The results of `record`, with settings in their fixed key order. */
export function runResults(record: RunRecord): RunResults {
  const facts = stateFacts(record);
  const { settings, history } = record;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  return {
    settings: runResultsSettings(settings),
    architecture: { inputs: PIXELS, hidden: settings.hiddenUnits, outputs: CLASSES },
    parameterCount: parameterCount(settings.hiddenUnits),
    trainingExamples: record.datasets.train.labels.length,
    evenOddsLoss: record.datasets.train.labels.length * Math.LN2,
    initialLoss: first.loss,
    finalLoss: last.loss,
    lossRose: last.loss > first.loss,
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
    divergence: null,
    forwardPasses: history.length,
    updates: history.length - 1,
    neverActiveUnits: facts.neverActiveUnits,
    neverActiveCount: facts.neverActiveCount,
    identicalHiddenUnits: facts.identicalHiddenUnits,
    changedParameters: changedParameters(record.initial, record.final),
    initiallyInactiveCount: inactiveUnits(record, record.initial),
    finalInactiveCount: inactiveUnits(record, record.final),
    initialPredictions: initialPredictions(record),
    checkpoints: facts.checkpoints,
    trace: traceExample(record.initial, record.datasets.train, 0),
    gradientCheck: checkGradients(record.initial, record.datasets.train),
    probes: probe(record.final),
  };
}

/** The results of a run whose loss overflowed (an experiment that expects it): what it did until then. */
export interface DivergedResults {
  settings: Settings;
  architecture: RunResults['architecture'];
  parameterCount: number;
  trainingExamples: number;
  initialLoss: number;
  /** The last finite loss, and the iteration it belongs to. */
  lastFiniteLoss: number;
  firstPerfectIteration: number | null;
  /** The iteration whose loss is not a finite number, and that loss as text ("Infinity", "NaN"). */
  divergence: { iteration: number; loss: string };
}

/** The results of `run`, which diverged. */
export function divergedResults(run: DivergedRun): DivergedResults {
  const { settings, history } = run;
  return {
    settings: runResultsSettings(settings),
    architecture: { inputs: PIXELS, hidden: settings.hiddenUnits, outputs: CLASSES },
    parameterCount: parameterCount(settings.hiddenUnits),
    trainingExamples: run.datasets.train.labels.length,
    initialLoss: history[0]?.loss ?? Number.NaN,
    lastFiniteLoss: history.at(-1)?.loss ?? Number.NaN,
    firstPerfectIteration: run.firstPerfectIteration,
    divergence: run.divergence,
  };
}
