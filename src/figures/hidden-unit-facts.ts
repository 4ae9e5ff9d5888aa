/**
 * Facts about a run's hidden units that the run record does not keep state by state, and that
 * need none of its states: which units never fire, and whether the units are all copies of one
 * another. Each follows from the untrained network alone (tests/helpers/run-replay.ts replays
 * every state, and the tests check both against it).
 */
import { inputMatrix } from '../nn/data-matrices.ts';
import { forward } from '../nn/network.ts';
import type { Parameters, RunRecord } from '../nn/types.ts';

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

/** The hidden units (0-based) of the untrained network that are active on no training image. */
export function initialInactiveUnits(record: Pick<RunRecord, 'datasets' | 'initial'>): number[] {
  const { Z1 } = forward(record.initial, inputMatrix(record.datasets.train.images));
  return Z1.toRows().flatMap((row, unit) => (row.some((z) => z > 0) ? [] : [unit]));
}

/**
 * The hidden units (0-based) that are active on no training image in any state of the run. Such
 * a unit passes no gradient back, so its weights and bias never change, and so it is never
 * active later either: the units inactive in the untrained network are exactly those, found with
 * one forward pass instead of a replay of the run (a test replays the run to check it).
 */
export function neverActiveUnits(record: Pick<RunRecord, 'datasets' | 'initial'>): number[] {
  return initialInactiveUnits(record);
}
