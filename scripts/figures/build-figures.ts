/**
 * The figure pipeline as one function: from a run record to every figure, the dataset downloads,
 * results.json and figures.json in the given directories. `npm run figures`, the benchmark and the
 * tests all call it; only the directories differ.
 */
import { toCsv } from '../../src/nn/csv.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import { runResults, validationTitle } from '../../src/figures/run-results.ts';
import { renderFigures, type RenderedFigure } from './render.ts';
import { writeOutputs, type DownloadFile, type FigureManifest, type OutputDirs, type WrittenFile } from './write-outputs.ts';

/** What a build made. */
export interface BuildSummary {
  figures: RenderedFigure[];
  files: WrittenFile[];
  removed: string[];
  manifest: FigureManifest;
  /** Milliseconds spent writing files. */
  writeMs: number;
}

/** The datasets of a run as CSV downloads: train-csv, validation-1-csv, ... */
export function datasetDownloads(record: RunRecord): DownloadFile[] {
  const { train, validation } = record.datasets;
  return [
    { id: 'train-csv', name: 'train', label: `Training set (${train.labels.length} images)`, text: toCsv(train) },
    ...validation.map((dataset, k) => ({
      id: `validation-${k + 1}-csv`,
      name: `validation-${k + 1}`,
      label: `${validationTitle(dataset.name)} (${dataset.labels.length} images)`,
      text: toCsv(dataset),
    })),
  ];
}

/** Draws every figure of `record` and writes all outputs into `dirs`. */
export async function buildFigures(record: RunRecord, dirs: OutputDirs): Promise<BuildSummary> {
  const figures = await renderFigures(record);
  const start = performance.now();
  const written = writeOutputs(dirs, figures, datasetDownloads(record), runResults(record));
  return { figures, ...written, writeMs: performance.now() - start };
}
