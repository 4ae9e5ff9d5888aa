/**
 * Writes the build's outputs: figure and data files under content-hashed names, then each
 * experiment's results, the manifest and the cache, each to a temporary file renamed into place,
 * and finally removes the files an older build left behind. A build that fails before this point
 * changes nothing, and one killed at any point leaves a manifest that names files which exist.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FigureEntry, FigureManifest } from '../../src/figures/figure-manifest.ts';
import type { DivergedResults, RunResults } from '../../src/figures/run-results.ts';
import { sha256Hex } from '../lib/sha256.ts';
import type { RenderedFigure } from './render.ts';

export type { FigureManifest };

/** Where outputs go: `publicDir` is the site's public/ (files under generated/), `generatedDir` is src/generated/. */
export interface OutputDirs {
  publicDir: string;
  generatedDir: string;
}

/** A file offered for download: a dataset as CSV, an experiment's numpy program or notebook. */
export interface DownloadFile {
  id: string;
  /** The name a browser saves it as, e.g. "tutorial-train.csv"; the build's file adds a hash before the extension. */
  fileName: string;
  /** What kind of file it is, in words: "CSV", "Python", "Jupyter notebook". */
  format: string;
  label: string;
  /** Its text, made when asked for: a build lists every download but writes only the stale ones. */
  text: () => string;
  /** The downloads of the same experiment it reads (a numpy program reads an experiment's own CSV files). */
  reads?: string[];
}

/** The first 8 hex digits of the SHA-256 of `bytes`: changes whenever the content does. */
export function contentHash(bytes: Uint8Array): string {
  return sha256Hex(bytes).slice(0, 8);
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

/**
 * writeFileAtomic through Node's thread pool: many files written at once overlap their system
 * calls (opening a file costs about a millisecond on slow disks) with each other and with the
 * main thread.
 */
export async function writeFileAtomicAsync(
  path: string,
  bytes: Uint8Array | string,
): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Files named like the build's outputs: id, 8 hex digits of hash, extension. */
const OUTPUT_NAME = /^[a-z0-9][a-z0-9.-]*\.[0-9a-f]{8}\.(png|svg|gif|csv|py|ipynb)$/;

/** Temporary files of writeFileAtomic: `<name>.tmp-<pid>`. */
const TEMPORARY_NAME = /\.tmp-(\d+)$/;

/** Whether process `pid` is still running (a temporary file of a running build must not be touched). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes output-like files in `dir` that are not in `keep` (older versions of figures, figures no
 * longer made) and temporary files left by a build that was killed.
 */
function removeStale(dir: string, keep: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const temporary = TEMPORARY_NAME.exec(name);
    if (temporary !== null && !isRunning(Number(temporary[1]))) {
      rmSync(join(dir, name), { force: true });
    } else if (OUTPUT_NAME.test(name) && !keep.has(name) && temporary === null) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** The folders outputs go to. */
export function outputFolders(dirs: OutputDirs): { figureDir: string; dataDir: string } {
  return {
    figureDir: join(dirs.publicDir, 'generated', 'figures'),
    dataDir: join(dirs.publicDir, 'generated', 'data'),
  };
}

/** A new file under publicDir: its path relative to publicDir ("generated/figures/x.1a2b3c4d.png") and bytes. */
export interface NewFile {
  path: string;
  bytes: Uint8Array;
}

/** The folder of the experiments' results inside src/generated/: results/NAME.json. */
export const RESULTS_DIR = 'results';

/** A text file under src/generated/ ("results/tutorial.json") and its contents. */
export interface GeneratedText {
  file: string;
  text: string;
}

/** What one build writes; null parts stay as they are. */
export interface BuildCommit {
  files: readonly NewFile[];
  /** The experiments' results that changed. */
  results: readonly GeneratedText[];
  /** The results files the manifest's experiments have (others are removed). */
  keepResults: ReadonlySet<string>;
  /** figures.json's text, if it changed. */
  manifest: string | null;
  /** The cache's text, if it changed, and its file name in generatedDir. */
  cache: { name: string; text: string } | null;
  /** The stamp's text, if it changed (text null: the file is removed), and its file name in generatedDir. */
  stamp: { name: string; text: string | null } | null;
  /** Called between steps (tests use it to stop a build at a given point). */
  onStep?: (step: 'files' | 'results' | 'manifest' | 'cache') => void;
}

/**
 * Commits a build in the order that keeps a killed build harmless: the new figure and data files
 * (under new names, so nothing the current manifest names is touched), then the results, then
 * figures.json (the switch to the new files), then the cache and the stamp, each through a temporary file and
 * a rename; last, files the manifest no longer names are deleted. `keep` is the set of paths
 * (relative to publicDir) the manifest names. Returns the names of the files removed.
 */
export async function commitOutputs(
  dirs: OutputDirs,
  commit: BuildCommit,
  keep: ReadonlySet<string>,
): Promise<string[]> {
  const { figureDir, dataDir } = outputFolders(dirs);
  const resultsDir = join(dirs.generatedDir, RESULTS_DIR);
  for (const dir of [figureDir, dataDir, resultsDir]) mkdirSync(dir, { recursive: true });
  // Within a step the files are independent: they are written side by side.
  await Promise.all(
    commit.files.map((file) => writeFileAtomicAsync(join(dirs.publicDir, file.path), file.bytes)),
  );
  commit.onStep?.('files');
  await Promise.all(
    commit.results.map((r) => writeFileAtomicAsync(join(dirs.generatedDir, r.file), r.text)),
  );
  commit.onStep?.('results');
  if (commit.manifest !== null)
    writeFileAtomic(join(dirs.generatedDir, 'figures.json'), commit.manifest);
  commit.onStep?.('manifest');
  if (commit.cache !== null)
    writeFileAtomic(join(dirs.generatedDir, commit.cache.name), commit.cache.text);
  // The stamp last: it lists every file written before it.
  if (commit.stamp?.text === null)
    rmSync(join(dirs.generatedDir, commit.stamp.name), { force: true });
  else if (commit.stamp !== null)
    writeFileAtomic(join(dirs.generatedDir, commit.stamp.name), commit.stamp.text);
  commit.onStep?.('cache');
  removeStale(dirs.generatedDir, new Set());
  removeStale(resultsDir, new Set());
  for (const name of readdirSync(resultsDir)) {
    // Results of an experiment that no longer exists.
    if (name.endsWith('.json') && !commit.keepResults.has(`${RESULTS_DIR}/${name}`)) {
      rmSync(join(resultsDir, name), { force: true });
    }
  }
  const names = (prefix: string) =>
    new Set([...keep].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)));
  return [
    ...removeStale(figureDir, names('generated/figures/')),
    ...removeStale(dataDir, names('generated/data/')),
  ];
}

/** The manifest as file text. */
export function formatManifest(manifest: FigureManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** An experiment's results as file text. */
export function formatResults(results: RunResults | DivergedResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** The manifest entry of a rendered figure written to `path`. */
export function figureEntry(figure: RenderedFigure, path: string): FigureEntry {
  return {
    src: path,
    width: figure.width,
    height: figure.height,
    displayWidth: figure.displayWidth,
    alt: figure.alt,
    caption: figure.caption,
  };
}
