/**
 * A worker thread of the training pool (training-pool.ts): it trains the share of experiments it
 * is sent, as the main thread would (trainExperiment), and sends their runs back. Message in: an
 * array of { settings, datasets }; out: one { run } per job, in the same order (its matrices
 * arrive as plain { rows, cols, data } objects), or { error } with the message of what went wrong.
 */
import { parentPort } from 'node:worker_threads';
import type { Datasets } from '../../src/nn/datasets.ts';
import type { Settings } from '../../src/nn/types.ts';
import { trainExperiment } from './experiment-run.ts';

parentPort?.once('message', (share: { settings: Settings; datasets: Datasets }[]) => {
  try {
    // Each run goes as soon as it is trained, so the thread never holds more than one.
    for (const { settings, datasets } of share)
      parentPort?.postMessage({ run: trainExperiment(settings, datasets) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
