/**
 * A worker thread of the training pool (training-pool.ts): it trains the share of experiments it
 * is sent, as the main thread would (trainExperiment), and sends their runs back. Message in: an
 * array of { settings, datasets }; out: { runs } in the same order (their matrices arrive as
 * plain { rows, cols, data } objects), or { error } with the message of what went wrong.
 */
import { parentPort } from 'node:worker_threads';
import type { Datasets } from '../../src/nn/datasets.ts';
import type { Settings } from '../../src/nn/types.ts';
import { trainExperiment } from './experiment-run.ts';

parentPort?.once('message', (share: { settings: Settings; datasets: Datasets }[]) => {
  try {
    const runs = share.map(({ settings, datasets }) => trainExperiment(settings, datasets));
    parentPort?.postMessage({ runs });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
