/**
 * Every state of a run again, from its initial parameters with the engine's own steps: the run
 * record keeps snapshots only every few iterations, and the tests ask questions of all N + 1
 * states (was a hidden unit ever active?) to check the answers the build gets without them. The
 * replay is the same arithmetic as train.ts, so it passes through the same parameters bit for bit.
 */
import { inputMatrix, oneHot } from '../../src/nn/data-matrices.ts';
import { gradients } from '../../src/nn/gradients.ts';
import { forward } from '../../src/nn/network.ts';
import type { Activations, Parameters, RunRecord } from '../../src/nn/types.ts';
import { update } from '../../src/nn/update.ts';

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
