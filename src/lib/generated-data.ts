/// <reference types="astro/client" />
/**
 * The build's generated data (src/generated/figures.json and results.json, written by
 * `npm run figures`), imported through Vite so the dev server reloads when they change.
 */

import type { DownloadEntry, FigureEntry } from '../figures/figure-manifest.ts';

export type { DownloadEntry, FigureEntry };

const files = import.meta.glob<unknown>('/src/generated/*.json', {
  import: 'default',
  eager: true,
});

/** The parsed contents of src/generated/NAME; throws with what to run if the file is missing. */
export function generatedJson(name: 'figures.json' | 'results.json'): unknown {
  const value = files[`/src/generated/${name}`];
  if (value === undefined) {
    throw new Error(
      `src/generated/${name} is missing: run \`npm run figures\` (\`npm run build\` runs it first)`,
    );
  }
  return value;
}

/** The figure with id `id` from figures.json; throws naming the id if there is none. */
export function figureById(id: string): FigureEntry {
  return entryById<FigureEntry>('figures', id, 'Figure');
}

/** The download with id `id` from figures.json; throws naming the id if there is none. */
export function downloadById(id: string): DownloadEntry {
  return entryById<DownloadEntry>('downloads', id, 'Download');
}

function entryById<T>(group: 'figures' | 'downloads', id: string, component: string): T {
  const manifest = generatedJson('figures.json') as Record<string, Record<string, T> | undefined>;
  const entry = manifest[group]?.[id];
  if (entry === undefined) {
    const known = Object.keys(manifest[group] ?? {}).join(', ');
    throw new Error(
      `<${component} id="${id}">: src/generated/figures.json has no ${group} entry "${id}" (it has: ${known})`,
    );
  }
  return entry;
}
