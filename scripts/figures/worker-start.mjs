// @ts-check
/**
 * The first module of every worker thread the build starts (build-worker.ts): it imports the
 * worker's own module, bundled JavaScript as it is, or TypeScript after registering tsx (when
 * the build itself runs through tsx, unbundled). Plain JavaScript, so that it needs no loader.
 *
 * workerData: { module: the URL to import, typescript: whether it needs tsx }.
 */
import { workerData } from 'node:worker_threads';

/** @type {{ module: string; typescript: boolean }} */
const { module, typescript } = workerData;
if (typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(module);
