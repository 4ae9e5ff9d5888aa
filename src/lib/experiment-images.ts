/**
 * Which experiments train or validate on images of their own (CSV files) instead of the ones
 * their data seed generates, and where an explorer in the page reads them: the experiment's
 * dataset downloads, which the build writes for every experiment.
 */
import type { ImageFiles } from '../explorer/explorer-images.ts';
import { datasetDownloadId } from '../figures/figure-manifest.ts';
import { generateDatasets } from '../nn/datasets.ts';
import { validateSettings } from '../nn/settings.ts';
import { withBase } from './base-url.ts';
import { downloadById, experimentNames, experimentResults, trainsOn } from './generated-data.ts';

/** The part of an experiment's results these need. */
interface ResultsWithSets {
  settings: unknown;
  validation: { name: string; title: string }[];
}

/** Experiment `name`'s images as files (null when its data seed generates them all). */
export function ownImageFiles(name: string): ImageFiles | null {
  const results = experimentResults(name) as ResultsWithSets;
  const settings = validateSettings(results.settings, `the results of experiment "${name}"`);
  if (trainsOn(name, generateDatasets(settings.dataSeed))) return null;
  const url = (set: 'train' | number) => withBase(downloadById(datasetDownloadId(set), name).src);
  return {
    dataSeed: settings.dataSeed,
    train: url('train'),
    validation: results.validation.map((set, k) => ({
      name: set.name,
      title: set.title,
      url: url(k + 1),
    })),
  };
}

/** Every experiment with images of its own, by name: the ones an explorer link may ask for. */
export function everyOwnImageFiles(): Record<string, ImageFiles> {
  const files: Record<string, ImageFiles> = {};
  for (const name of experimentNames()) {
    const own = ownImageFiles(name);
    if (own !== null) files[name] = own;
  }
  return files;
}
