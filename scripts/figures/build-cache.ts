/**
 * The figure build's memory of what it made: src/generated/.figure-cache.json holds, for every
 * output, the file it wrote, that file's SHA-256 and the key and fingerprints it was made from,
 * and src/generated/.figure-stamp.json the build stamp that lets `npm run figures` answer "nothing
 * changed" without loading the TypeScript (scripts/run-figures.mjs). The leading dots keep both
 * out of the site's `src/generated/*.json` import, so rewriting them never reloads the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fingerprints } from './output-keys.ts';

/** The cache file's name inside src/generated/. */
export const CACHE_FILE = '.figure-cache.json';

/**
 * The stamp's file beside it: apart from the cache, so the check of an
 * unchanged project reads and parses only what it needs.
 */
export const STAMP_FILE = '.figure-stamp.json';

/** The cache's format; a file with another version is ignored (everything counts as missing). */
export const CACHE_VERSION = 3;

/** One output as it was made. */
export interface CachedOutput {
  /** Its file: relative to the site root for figures and downloads ("generated/figures/x.1a2b3c4d.png"), else its name in src/generated/. */
  file: string;
  /** SHA-256 of the file's bytes: checked before the output counts as fresh. */
  sha256: string;
  /** The file's size in bytes. */
  bytes: number;
  key: string;
  inputs: Fingerprints;
}

/**
 * Everything a fully fresh build read and wrote, for scripts/run-figures.mjs: if the same command
 * in the same folder finds every one of these files with these hashes, nothing can have changed.
 */
export interface BuildStamp {
  cwd: string;
  /** The command-line arguments, without --check. */
  args: string[];
  /** SHA-256 of every file the command's result depends on: its code, the settings, data and font files, the packages' package.json. */
  inputs: Record<string, string>;
  /** SHA-256 of every output file (figures.json, the results files and the files it names). */
  outputs: Record<string, string>;
  /** The output folders: no other output-like file may be in them. */
  outputDirs: string[];
  /** The folders whose files are the project's figures, experiments and pages, with the names they held: a file added or removed there is a change. */
  listings: Record<string, string[]>;
  /** What to print when nothing changed. */
  report: string[];
}

/** The cache as the build uses it: every output by id. */
export interface FigureCache {
  version: number;
  outputs: Record<string, CachedOutput>;
}

/**
 * The cache as stored. Most fingerprints are shared by many outputs (a source file of the
 * engine by every trained figure), so each distinct one is written once, in `fingerprints`, and
 * an output lists the indices of its own: an eighth of the size of writing each in full.
 */
interface StoredCache {
  version: number;
  /** Every distinct [name, fingerprint] pair, sorted. */
  fingerprints: [string, string][];
  outputs: Record<string, Omit<CachedOutput, 'inputs'> & { inputs: number[] }>;
}

/** The cache in `generatedDir`, or null if there is none or it cannot be used (then every output counts as missing). */
export function readCache(generatedDir: string): FigureCache | null {
  try {
    const stored = JSON.parse(readFileSync(join(generatedDir, CACHE_FILE), 'utf8')) as StoredCache;
    if (stored.version !== CACHE_VERSION || !Array.isArray(stored.fingerprints)) return null;
    const outputs: Record<string, CachedOutput> = {};
    for (const [id, { inputs, ...output }] of Object.entries(stored.outputs)) {
      const pairs: [string, string][] = [];
      for (const index of inputs) {
        const pair = stored.fingerprints[index];
        if (pair === undefined) return null;
        pairs.push(pair);
      }
      outputs[id] = { ...output, inputs: Object.fromEntries(pairs) };
    }
    return { version: stored.version, outputs };
  } catch {
    return null;
  }
}

/** The cache as file text: stable order, so an unchanged cache is rewritten byte for byte the same. */
export function formatCache(cache: FigureCache): string {
  // Each distinct pair once, by name and then fingerprint (a name has one fingerprint per build).
  const byName = new Map<string, Set<string>>();
  for (const output of Object.values(cache.outputs)) {
    for (const name in output.inputs) {
      const fingerprints = byName.get(name) ?? byName.set(name, new Set()).get(name)!;
      fingerprints.add(output.inputs[name]!);
    }
  }
  const fingerprints: [string, string][] = [];
  const index = new Map<string, Map<string, number>>();
  for (const name of [...byName.keys()].sort()) {
    const numbered = new Map<string, number>();
    for (const fingerprint of [...byName.get(name)!].sort()) {
      numbered.set(fingerprint, fingerprints.push([name, fingerprint]) - 1);
    }
    index.set(name, numbered);
  }
  const outputs: StoredCache['outputs'] = {};
  for (const [id, { inputs, ...output }] of Object.entries(cache.outputs)) {
    const indices = Object.keys(inputs).map((name) => index.get(name)!.get(inputs[name]!)!);
    outputs[id] = { ...output, inputs: indices.sort((a, b) => a - b) };
  }
  const stored: StoredCache = { version: cache.version, fingerprints, outputs };
  return `${JSON.stringify(stored)}\n`;
}

/** The stamp in `generatedDir`, or null if there is none or it cannot be read. */
export function readStamp(generatedDir: string): BuildStamp | null {
  try {
    return JSON.parse(readFileSync(join(generatedDir, STAMP_FILE), 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

/** The stamp as file text (stable key order, so an unchanged one is rewritten byte for byte the same). */
export function formatStamp(stamp: BuildStamp): string {
  return `${JSON.stringify(stamp, null, 1)}\n`;
}
