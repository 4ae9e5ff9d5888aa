/**
 * Every state of a run again, from its initial parameters with the engine's own steps: the run
 * record keeps snapshots only every few iterations, but some questions (was a hidden unit ever
 * active?) need all N + 1 states. The replay is the same arithmetic as train.ts, so it passes
 * through the same parameters bit for bit (a test checks that it ends at the record's final ones).
 */
import { inputMatrix, oneHot } from '../nn/data-matrices.ts';
import { gradients } from '../nn/gradients.ts';
import { forward } from '../nn/network.ts';
import type { Activations, Parameters, RunRecord } from '../nn/types.ts';
import { update } from '../nn/update.ts';

/** One state of the run: the network before update number `iteration`, and its forward pass on the training set. */
export interface RunState {
  iteration: number;
  params: Parameters;
  activations: Activations;
}

/** Calls `visit` with states 0..N of `record`'s run, in order; returns the parameters after the last update. */
export function replayRun(
  record: Pick<RunRecord, 'settings' | 'datasets' | 'initial'>,
  visit: (state: RunState) => void,
): Parameters {
  const { learningRate, iterations } = record.settings;
  const X = inputMatrix(record.datasets.train.images);
  const Y = oneHot(record.datasets.train.labels);
  let params = record.initial;
  for (let iteration = 0; iteration <= iterations; iteration++) {
    const activations = forward(params, X);
    visit({ iteration, params, activations });
    if (iteration < iterations)
      params = update(params, gradients(params, X, Y, activations), learningRate);
  }
  return params;
}

/** Which hidden units have been active (ReLU input above 0) on some training image, state by state. */
export function unitActivity(hiddenUnits: number) {
  const active = new Array<boolean>(hiddenUnits).fill(false);
  return {
    /** Takes in one state of the run. */
    visit({ activations: { Z1 } }: RunState): void {
      for (let unit = 0; unit < Z1.rows; unit++) {
        for (let j = 0; j < Z1.cols && !active[unit]; j++)
          if (Z1.get(unit, j) > 0) active[unit] = true;
      }
    },
    /** The units (0-based) active in none of the states taken in so far. */
    neverActive: (): number[] => active.flatMap((isActive, unit) => (isActive ? [] : [unit])),
  };
}

/**
 * True when every hidden unit of `params` is a copy of unit 0: the same nine input weights, the
 * same bias and the same two output weights. Identical units get identical gradients, so once
 * the units are copies they stay copies (the symmetry that random initial weights break).
 */
export function identicalUnits({ W1, b1, W2 }: Parameters): boolean {
  for (let unit = 1; unit < W1.rows; unit++) {
    if (b1.get(unit, 0) !== b1.get(0, 0)) return false;
    for (let i = 0; i < W1.cols; i++) if (W1.get(unit, i) !== W1.get(0, i)) return false;
    for (let k = 0; k < W2.rows; k++) if (W2.get(k, unit) !== W2.get(k, 0)) return false;
  }
  return true;
}

/**
 * The answers of neverActiveUnits so far, by the run's initial parameters. A replay of 100,000
 * states takes seconds, and a figure asks for the same run's answer when it draws and when it
 * writes its alt text, in each colour scheme. The answer depends only on the run (its initial
 * parameters, training set, learning rate and length, all checked), so it is remembered; the
 * entry goes when the run's parameters do.
 */
const NEVER_ACTIVE = new WeakMap<
  Parameters,
  {
    train: RunRecord['datasets']['train'];
    learningRate: number;
    iterations: number;
    units: number[];
  }
>();

/** The hidden units (0-based) of the untrained network that are active on no training image. */
export function initialInactiveUnits(record: Pick<RunRecord, 'datasets' | 'initial'>): number[] {
  const { Z1 } = forward(record.initial, inputMatrix(record.datasets.train.images));
  return Z1.toRows().flatMap((row, unit) => (row.some((z) => z > 0) ? [] : [unit]));
}

/**
 * The hidden units (0-based) that are active on no training image in any state of the run. Such
 * a unit passes no gradient back, so its weights and bias never change.
 */
export function neverActiveUnits(
  record: Pick<RunRecord, 'settings' | 'datasets' | 'initial'>,
): number[] {
  const { learningRate, iterations } = record.settings;
  const train = record.datasets.train;
  const known = NEVER_ACTIVE.get(record.initial);
  if (
    known?.train === train &&
    known.learningRate === learningRate &&
    known.iterations === iterations
  )
    return [...known.units];
  const activity = unitActivity(record.settings.hiddenUnits);
  replayRun(record, activity.visit);
  const units = activity.neverActive();
  NEVER_ACTIVE.set(record.initial, { train, learningRate, iterations, units });
  return [...units];
}
