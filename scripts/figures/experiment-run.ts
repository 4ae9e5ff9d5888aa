/**
 * Training one experiment as the build does: a run that reaches the end, or, when the loss
 * overflows, a diverged run with the states before it. Whether that outcome is the one the
 * experiment's file expects is checked here, for trained and stored runs alike: a divergence
 * nobody asked for, or an "expect": "divergence" that did not happen, stops the build naming
 * the file.
 */

import type { Datasets } from '../../src/nn/datasets.ts';
import { DivergenceError, SettingsError } from '../../src/nn/errors.ts';
import type { Experiment } from '../../src/nn/experiment.ts';
import { initParameters } from '../../src/nn/network.ts';
import { createRng } from '../../src/nn/rng.ts';
import { train } from '../../src/nn/train.ts';
import type { DivergedRun, RunRecord } from '../../src/nn/types.ts';
import { experimentFile } from '../lib/experiment-file.ts';

/** What training an experiment gives: a whole run, or one that diverged. */
export type ExperimentRun = RunRecord | DivergedRun;

/** Whether `run` diverged. */
export function isDiverged(run: ExperimentRun): run is DivergedRun {
  return 'divergence' in run;
}

/** Trains with `settings` on `datasets`; a divergence becomes a DivergedRun instead of an error. */
export function trainExperiment(
  settings: Experiment['settings'],
  datasets: Datasets,
): ExperimentRun {
  try {
    return train(settings, datasets);
  } catch (error) {
    if (!(error instanceof DivergenceError)) throw error;
    const history = [...error.history];
    const perfect = history.find((entry) => entry.accuracy === 1);
    return {
      settings: { ...settings },
      datasets,
      // The same first weights as train() drew: same seed, same order of draws.
      initial: initParameters(settings.hiddenUnits, createRng(settings.seed), settings.init),
      history,
      firstPerfectIteration: perfect === undefined ? null : perfect.iteration,
      divergence: { iteration: error.iteration, loss: String(error.loss) },
    };
  }
}

/** Throws unless `run`'s outcome is the one experiment `name` expects. */
export function checkOutcome(name: string, experiment: Experiment, run: ExperimentRun): void {
  const file = experimentFile(name);
  if (isDiverged(run) && !experiment.expectDivergence) {
    const { iteration, loss } = run.divergence;
    const error = new DivergenceError(
      iteration,
      run.settings.learningRate,
      Number(loss),
      run.history,
    );
    error.message = `${file}: ${error.message} (or, if that is the point, add "expect": "divergence" to the file)`;
    throw error;
  }
  if (!isDiverged(run) && experiment.expectDivergence) {
    throw new SettingsError(
      file,
      'expect',
      `says the run diverges, but its loss stayed finite for all ${run.settings.iterations} iterations ` +
        `(final loss ${run.history.at(-1)!.loss}); remove "expect" or raise the learning rate`,
    );
  }
}
