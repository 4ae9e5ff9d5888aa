/**
 * Writes the build's outputs: figure and data files under content-hashed names, then the results
 * and the manifest, each to a temporary file renamed into place, and finally removes the files
 * an older build left behind. A build that fails before this point changes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResults } from '../../src/figures/run-results.ts';
import type { RenderedFigure } from './render.ts';

/** Where outputs go: `publicDir` is the site's public/ (files under generated/), `generatedDir` is src/generated/. */
export interface OutputDirs {
  publicDir: string;
  generatedDir: string;
}

/** A file offered for download (a dataset as CSV). */
export interface DownloadFile {
  id: string;
  /** The file's base name before the hash, e.g. "train". */
  name: string;
  label: string;
  text: string;
}

/** One figure's manifest entry (src/generated/figures.json). */
export interface FigureEntry {
  src: string;
  width: number;
  height: number;
  displayWidth: number;
  alt: string;
  caption: string;
}

/** The manifest: figures and downloads by id. */
export interface FigureManifest {
  figures: Record<string, FigureEntry>;
  downloads: Record<string, { src: string; label: string; bytes: number }>;
}

/** What was written: each file's path relative to publicDir and its size. */
export interface WrittenFile {
  id: string;
  path: string;
  bytes: number;
}

/** The first 8 hex digits of the SHA-256 of `bytes`: changes whenever the content does. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}

/** Writes `bytes` to `path` through a temporary file in the same directory and a rename, so readers never see half a file. */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Files named like the build's outputs: id, 8 hex digits of hash, extension. */
const OUTPUT_NAME = /^[a-z0-9-]+\.[0-9a-f]{8}\.(png|svg|gif|csv)$/;

/** Deletes output-like files in `dir` that are not in `keep` (older versions of figures, figures no longer made). */
function removeStale(dir: string, keep: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (OUTPUT_NAME.test(name) && !keep.has(name)) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Writes figures, downloads, results.json and figures.json; returns the figure and data files written and the stale files removed. */
export function writeOutputs(
  dirs: OutputDirs,
  figures: readonly RenderedFigure[],
  downloads: readonly DownloadFile[],
  results: RunResults,
): { files: WrittenFile[]; removed: string[]; manifest: FigureManifest } {
  const figureDir = join(dirs.publicDir, 'generated', 'figures');
  const dataDir = join(dirs.publicDir, 'generated', 'data');
  for (const dir of [figureDir, dataDir, dirs.generatedDir]) mkdirSync(dir, { recursive: true });

  const manifest: FigureManifest = { figures: {}, downloads: {} };
  const files: WrittenFile[] = [];
  const keepFigures = new Set<string>();
  for (const figure of figures) {
    const name = `${figure.id}.${contentHash(figure.bytes)}.${figure.format}`;
    writeFileAtomic(join(figureDir, name), figure.bytes);
    keepFigures.add(name);
    files.push({ id: figure.id, path: `generated/figures/${name}`, bytes: figure.bytes.length });
    manifest.figures[figure.id] = {
      src: `generated/figures/${name}`,
      width: figure.width,
      height: figure.height,
      displayWidth: figure.displayWidth,
      alt: figure.alt,
      caption: figure.caption,
    };
  }
  const keepData = new Set<string>();
  for (const download of downloads) {
    const bytes = Buffer.from(download.text, 'utf8');
    const name = `${download.name}.${contentHash(bytes)}.csv`;
    writeFileAtomic(join(dataDir, name), bytes);
    keepData.add(name);
    files.push({ id: download.id, path: `generated/data/${name}`, bytes: bytes.length });
    manifest.downloads[download.id] = { src: `generated/data/${name}`, label: download.label, bytes: bytes.length };
  }
  // The manifest goes last: it names files that must already be in place.
  writeFileAtomic(join(dirs.generatedDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileAtomic(join(dirs.generatedDir, 'figures.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const removed = [...removeStale(figureDir, keepFigures), ...removeStale(dataDir, keepData)];
  return { files, removed, manifest };
}
