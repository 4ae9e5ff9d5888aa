/**
 * Which outputs a build must make: each output's fingerprints against what the cache remembers,
 * and its file on disk against the hash it was written with. Reads files, writes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../lib/sha256.ts';
import type { CachedOutput, FigureCache } from './build-cache.ts';
import { describeChange, keyOf, type OutputInputs } from './output-keys.ts';
import type { VouchedFile } from './vouched-files.ts';
import type { FigureManifest, OutputDirs } from './write-outputs.ts';

/** fresh: made before from the same inputs, file intact. stale: made from other inputs. missing: never made, or its file is gone or altered. */
type OutputStatus = 'fresh' | 'stale' | 'missing';

/** One output with its key and what the build must do about it. */
export interface PlannedOutput extends OutputInputs {
  key: string;
  status: OutputStatus;
  /** Why it is not fresh, in a few words ("settings changed: tutorial/learningRate"); empty when fresh. */
  reason: string;
  /** What the cache remembers, when the file it names is intact. */
  previous: CachedOutput | null;
}

/** The SHA-256 of the file at `path`, or null if it cannot be read. */
function fileSha256(path: string): string | null {
  try {
    return sha256Hex(readFileSync(path));
  } catch {
    return null;
  }
}

/** The manifest in `generatedDir`, or null if there is none or it is not JSON of the right shape. */
export function readManifest(generatedDir: string): FigureManifest | null {
  try {
    const manifest = JSON.parse(
      readFileSync(join(generatedDir, 'figures.json'), 'utf8'),
    ) as FigureManifest;
    return typeof manifest.figures === 'object' && typeof manifest.downloads === 'object'
      ? manifest
      : null;
  } catch {
    return null;
  }
}

/** Where an output's file is, given its cached `file`: results under src/generated/, the rest under public/. */
export function outputPath(dirs: OutputDirs, kind: OutputInputs['kind'], file: string): string {
  return kind === 'results' ? join(dirs.generatedDir, file) : join(dirs.publicDir, file);
}

/** Why the previous version of an output cannot be reused as it is, or null if it can. */
function unusable(
  output: OutputInputs,
  cached: CachedOutput | undefined,
  { manifest, dirs, vouched }: PreviousBuild,
): string | null {
  if (cached === undefined) return 'not built yet';
  if (output.kind !== 'results') {
    const entry =
      output.kind === 'figure' ? manifest?.figures[output.id] : manifest?.downloads[output.id];
    if (entry === undefined) return 'not in figures.json';
    if (entry.src !== cached.file) return 'figures.json names another file';
  }
  const path = outputPath(dirs, output.kind, cached.file);
  const sha = vouched.get(path)?.sha256 ?? fileSha256(path);
  if (sha === null) return `file missing: ${cached.file}`;
  if (sha !== cached.sha256) return `file changed on disk: ${cached.file}`;
  return null;
}

/** What the last build left: its cache and manifest, in these folders. */
export interface PreviousBuild {
  cache: FigureCache | null;
  manifest: FigureManifest | null;
  dirs: OutputDirs;
  /** Its outputs still in the state it recorded, whose hashes need not be read again. */
  vouched: ReadonlyMap<string, VouchedFile>;
}

/** The plan for every output: compares keys with the cache and checks each remembered file. `force` makes everything stale. */
export function planOutputs(
  outputs: readonly OutputInputs[],
  previous: PreviousBuild,
  force: boolean,
): PlannedOutput[] {
  return outputs.map((output) => {
    const key = keyOf(output.inputs);
    const cached = previous.cache?.outputs[output.id];
    const problem = unusable(output, cached, previous);
    const plan = (status: OutputStatus, reason: string, previous: CachedOutput | null) => ({
      ...output,
      key,
      status,
      reason,
      previous,
    });
    if (problem !== null) return plan('missing', problem, null);
    if (force) return plan('stale', 'forced (--force)', cached!);
    if (cached!.key === '')
      return plan('stale', 'a source changed while it was being made', cached!);
    if (cached!.key !== key)
      return plan('stale', describeChange(cached!.inputs, output.inputs), cached!);
    return plan('fresh', '', cached!);
  });
}
