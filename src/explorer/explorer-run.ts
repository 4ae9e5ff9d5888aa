/**
 * One training run for the explorer: the project's engine with a snapshot at every iteration,
 * so the slider can show any state 0..N, and the colour scale the animation would use.
 * Pure: settings in, a run (or the reason there is none) out.
 */

import { parameterScaleMax } from '../figures/training-frame-figure.ts';
import { type Datasets, generateDatasets } from '../nn/datasets.ts';
import { DivergenceError } from '../nn/errors.ts';
import { frameSpacing, keepsFrame } from '../nn/frame-schedule.ts';
import { validateSettings } from '../nn/settings.ts';
import { train } from '../nn/train.ts';
import type { RunRecord, Settings } from '../nn/types.ts';
import type { ExplorerValues } from './explorer-fields.ts';

/** A finished run and what drawing it needs. */
export interface ExplorerRun {
  /** The explorer's six settings this run used. */
  values: ExplorerValues;
  /** The experiment whose own images (CSV files) it trained on; null: its data seed's. */
  imagesOf: string | null;
  /** frames[k] is the snapshot of iteration k (trained with frameEvery = 1). */
  record: RunRecord;
  /** The colour scale's max |W|, |b|: computed over the animation's frame iterations, as the animation does. */
  scaleMax: number;
  /** Set when the loss ended higher than it started: the run exists but went the wrong way. */
  lossRose: boolean;
}

/** The outcome of training: a run, or the iteration at which the loss stopped being a number. */
export type RunOutcome =
  | { ok: true; run: ExplorerRun }
  | { ok: false; blowUp: { iteration: number; learningRate: number } };

/** An experiment's own images (read from its CSV files), by the experiment's name. */
export interface OwnImages {
  experiment: string;
  datasets: Datasets;
}

/**
 * Trains with the tutorial's settings except the explorer's six `values`, on `images` (an
 * experiment's own) or else the images generated from their data seed, keeping a snapshot at
 * every iteration. `tutorial.frameEvery` only picks the iterations the colour scale is taken
 * over, so the tutorial's run is coloured exactly as in the animation.
 */
export function runExplorer(
  tutorial: Settings,
  values: Readonly<ExplorerValues>,
  images: OwnImages | null = null,
): RunOutcome {
  const settings = validateSettings({ ...tutorial, ...values, frameEvery: 1 }, 'the explorer');
  const datasets = images?.datasets ?? generateDatasets(settings.dataSeed);
  let record: RunRecord;
  try {
    // Every iteration, however long the run: the explorer plays them all.
    record = train(settings, datasets, Number.POSITIVE_INFINITY);
  } catch (error) {
    if (error instanceof DivergenceError)
      return {
        ok: false,
        blowUp: { iteration: error.iteration, learningRate: error.learningRate },
      };
    throw error;
  }
  const last = settings.iterations;
  // The frames the build's animation of this run would keep (frame-schedule.ts).
  const spacing = frameSpacing(last, tutorial.frameEvery);
  const animationFrames = record.frames.filter((frame) =>
    keepsFrame(frame.iteration, last, spacing, record.firstPerfectIteration),
  );
  const first = record.history[0]!.loss;
  const final = record.history[last]!.loss;
  return {
    ok: true,
    run: {
      values: { ...values },
      imagesOf: images?.experiment ?? null,
      record,
      scaleMax: parameterScaleMax(animationFrames),
      lossRose: final > first,
    },
  };
}
