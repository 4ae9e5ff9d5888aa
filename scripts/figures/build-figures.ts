/**
 * The figure pipeline as one function, without the cache: from a run record to every figure, the
 * dataset downloads, results.json and figures.json in the given directories. `npm run
 * bench:figures` and the pipeline tests call it; `npm run figures` goes through run-build.ts,
 * which draws only what is stale.
 */

import { runResults } from '../../src/figures/run-results.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import { datasetDownloads } from './dataset-downloads.ts';
import { type RenderedFigure, renderFigures } from './render.ts';
import {
  type FigureManifest,
  type OutputDirs,
  type WrittenFile,
  writeOutputs,
} from './write-outputs.ts';

export { datasetDownloads } from './dataset-downloads.ts';

/** What a build made. */
export interface BuildSummary {
  figures: RenderedFigure[];
  files: WrittenFile[];
  removed: string[];
  manifest: FigureManifest;
  /** Milliseconds spent writing files. */
  writeMs: number;
}

/** Draws every figure of `record` and writes all outputs into `dirs`. */
export async function buildFigures(record: RunRecord, dirs: OutputDirs): Promise<BuildSummary> {
  const figures = await renderFigures(record);
  const start = performance.now();
  const written = writeOutputs(dirs, figures, datasetDownloads(record), runResults(record));
  return { figures, ...written, writeMs: performance.now() - start };
}
