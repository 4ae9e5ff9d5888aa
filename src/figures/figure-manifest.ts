/** The shape of src/generated/figures.json: what `npm run figures` made, for the site to embed. */

import type { SchemeName } from './colour-scheme.ts';

/** The manifest id of figure `id` drawn in `scheme`: the light one is the figure's own id, the dark one "ID.dark". */
export function schemeFigureId(id: string, scheme: SchemeName): string {
  return scheme === 'light' ? id : `${id}.${scheme}`;
}

/**
 * The sizes a figure's file is made in: as drawn, and (a PNG's) half as many pixels across, each
 * pixel the mean of a 2 x 2 block, which the page offers to screens that need no more.
 */
export type FigureSize = 'full' | 'half';

/** The manifest id of the half-size copy of the figure whose (scheme's) id is `id`: "ID.half", "ID.dark.half". */
export function halfSizeId(id: string): string {
  return `${id}.half`;
}

/** The id of the drawing an output is a size of: "ID.dark.half" -> "ID.dark"; a full size's own id. */
export function fullSizeId(id: string): string {
  return id.endsWith('.half') ? id.slice(0, -'.half'.length) : id;
}

/** The download id of a dataset as CSV: "train-csv" for the training set, "validation-K-csv" for validation set K (from 1). */
export function datasetDownloadId(set: 'train' | number): string {
  return set === 'train' ? 'train-csv' : `validation-${set}-csv`;
}

/** Whether download id `id` (within an experiment) is one of its datasets as CSV. */
export function isDatasetDownloadId(id: string): boolean {
  return /^(train|validation-[1-9][0-9]*)-csv$/.test(id);
}

/** One figure; `src` is relative to the site root (the site joins it with the base path). */
export interface FigureEntry {
  src: string;
  /** The file's size in pixels (for SVG, its viewBox size). */
  width: number;
  height: number;
  /** The width the page shows it at, in CSS px. */
  displayWidth: number;
  alt: string;
  caption: string;
}

/** One generated file offered for download (a dataset as CSV, an experiment's numpy program or notebook). */
export interface DownloadEntry {
  src: string;
  label: string;
  bytes: number;
  /** The SHA-256 of its bytes: what the site compares files by (the explorer's images with an experiment's). */
  sha256: string;
  /** The name a browser saves it as ("tutorial-train.csv", "tutorial.py"). */
  fileName: string;
  /** What kind of file it is, in words: "CSV", "Python", "Jupyter notebook". */
  format: string;
  /** The downloads of the same experiment it reads, by id, when it reads any (a program's CSV files). */
  reads?: string[];
}

/** The manifest: figures and downloads by id. */
export interface FigureManifest {
  figures: Record<string, FigureEntry>;
  downloads: Record<string, DownloadEntry>;
}
