/**
 * Starting one of the build's worker threads (train-worker.ts, page-worker.ts): its module as the
 * bundle has it when the build runs bundled (scripts/figures/command-bundle.mjs), else the
 * TypeScript file through tsx (worker-start.mjs registers it).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundledUrl } from './bundled-modules.ts';

/** A new worker thread running the module at `source` (a file URL of one of the build's TypeScript files). */
export function startBuildWorker(source: URL): Worker {
  const file = fileURLToPath(source);
  const bundled = bundledUrl(file);
  return new Worker(new URL('./worker-start.mjs', import.meta.url), {
    workerData: { module: bundled ?? pathToFileURL(file).href, typescript: bundled === null },
  });
}
