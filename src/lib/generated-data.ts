/// <reference types="astro/client" />
/**
 * The build's generated data (src/generated/figures.json and src/generated/results/NAME.json,
 * written by `npm run figures`), imported through Vite so the dev server reloads when they change.
 */

import { createHash } from 'node:crypto';
import {
  type DownloadEntry,
  datasetDownloadId,
  type FigureEntry,
  halfSizeId,
  isDatasetDownloadId,
  schemeFigureId,
} from '../figures/figure-manifest.ts';
import { toCsv } from '../nn/csv.ts';
import type { Datasets } from '../nn/datasets.ts';
import { TUTORIAL_EXPERIMENT } from '../nn/experiment.ts';

export type { DownloadEntry, FigureEntry };

const manifests = import.meta.glob<unknown>('/src/generated/figures.json', {
  import: 'default',
  eager: true,
});
const results = import.meta.glob<unknown>('/src/generated/results/*.json', {
  import: 'default',
  eager: true,
});

const RUN_FIGURES = 'run `npm run figures` (`npm run build` runs it first)';

/** The parsed src/generated/figures.json; throws with what to run if it is missing. */
function manifest(): Record<string, Record<string, unknown> | undefined> {
  const value = manifests['/src/generated/figures.json'];
  if (value === undefined) throw new Error(`src/generated/figures.json is missing: ${RUN_FIGURES}`);
  return value as Record<string, Record<string, unknown> | undefined>;
}

/** The results of experiment `name` (the tutorial's when none is named); throws naming the experiment if there are none. */
export function experimentResults(name: string = TUTORIAL_EXPERIMENT): unknown {
  const value = results[`/src/generated/results/${name}.json`];
  if (value === undefined) {
    const known = Object.keys(results).map((key) => key.replace(/^.*\/|\.json$/g, ''));
    throw new Error(
      `there are no results of experiment "${name}" (content/experiments/${name}.json); ` +
        (known.length === 0 ? RUN_FIGURES : `the experiments are ${known.join(', ')}`),
    );
  }
  return value;
}

/** The names of the experiments the build has results of, in alphabetical order. */
export function experimentNames(): string[] {
  return Object.keys(results)
    .map((key) => key.replace(/^.*\/|\.json$/g, ''))
    .sort();
}

/** The figure with id `id` from figures.json; throws naming the id if there is none. */
export function figureById(id: string): FigureEntry {
  return entryById<FigureEntry>('figures', id, `<Figure id="${id}">`);
}

/** Figure `id` as drawn in the dark scheme, or null if it has no dark drawing (it is shown in light in both). */
export function darkFigureById(id: string): FigureEntry | null {
  const figures = (manifest().figures ?? {}) as Record<string, FigureEntry | undefined>;
  return figures[schemeFigureId(id, 'dark')] ?? null;
}

/** The half-size copy of the figure whose (scheme's) id is `id` ("ID", "ID.dark"), or null if it has none. */
export function halfSizeFigure(id: string): FigureEntry | null {
  const figures = (manifest().figures ?? {}) as Record<string, FigureEntry | undefined>;
  return figures[halfSizeId(id)] ?? null;
}

/** The social card of the page whose content entry is `pageId` ("index", "guide"), else the tutorial's, else null. */
export function socialCard(pageId: string): FigureEntry | null {
  const figures = (manifest().figures ?? {}) as Record<string, FigureEntry | undefined>;
  return figures[`card-${pageId}`] ?? figures['card-index'] ?? null;
}

/**
 * Whether experiment `name` trains and validates on exactly `datasets`: each of its dataset
 * downloads (the CSV files of what it was trained and validated on) has the SHA-256 of that
 * set's CSV text, and it has no other.
 */
export function trainsOn(name: string, datasets: Datasets): boolean {
  const downloads = (manifest().downloads ?? {}) as Record<string, DownloadEntry | undefined>;
  const sets = [
    { id: datasetDownloadId('train'), set: datasets.train },
    ...datasets.validation.map((set, k) => ({ id: datasetDownloadId(k + 1), set })),
  ];
  const prefix = `${name}/`;
  const stored = Object.keys(downloads).filter(
    (id) => id.startsWith(prefix) && isDatasetDownloadId(id.slice(prefix.length)),
  );
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  return (
    stored.length === sets.length &&
    sets.every(({ id, set }) => downloads[`${prefix}${id}`]?.sha256 === sha256(toCsv(set)))
  );
}

/** The download `id` of experiment `experiment` from figures.json; throws naming both if there is none. */
export function downloadById(id: string, experiment: string = TUTORIAL_EXPERIMENT): DownloadEntry {
  return entryById<DownloadEntry>(
    'downloads',
    `${experiment}/${id}`,
    `<Download id="${id}" experiment="${experiment}">`,
  );
}

function entryById<T>(group: 'figures' | 'downloads', id: string, element: string): T {
  const entries = manifest()[group] ?? {};
  const entry = entries[id];
  if (entry === undefined) {
    throw new Error(
      `${element}: src/generated/figures.json has no ${group} entry "${id}" (it has: ${Object.keys(entries).join(', ')})`,
    );
  }
  return entry as T;
}
