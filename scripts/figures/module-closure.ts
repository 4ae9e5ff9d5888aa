/**
 * Which source files a module is made of, as esbuild's bundler resolves them: every file an entry
 * point reaches through its imports (type-only imports are erased, as they cannot change what
 * the code does), packages left out (their versions are keyed separately).
 *
 * A build keeps the closures it found (src/generated/.module-closures.json) with the hash of
 * every file in them; the next build with the same entries, finding every one of those files
 * unchanged, takes them as they are instead of starting esbuild: files whose text is the same
 * import the same files. (The project's imports name their files with extensions, so a file
 * added elsewhere cannot change what an unchanged import resolves to.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FileHashes } from './file-hashes.ts';
import { writeFileAtomic } from './write-outputs.ts';

/** Closures found by an earlier build: its entries, each entry's files, and every file's hash then. */
export interface ClosureMemo {
  entries: string[];
  closures: Record<string, string[]>;
  hashes: Record<string, string>;
}

const MEMO_FILE = '.module-closures.json';

/** For each entry (an absolute path), the absolute paths of the project files it is made of, itself included, sorted. */
export async function moduleClosures(
  entries: readonly string[],
  projectRoot: string,
): Promise<Map<string, string[]>> {
  const unique = [...new Set(entries)];
  if (unique.length === 0) return new Map();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: unique,
    absWorkingDir: projectRoot,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'closure',
    logLevel: 'silent',
  });
  const closures = new Map<string, string[]>();
  for (const output of Object.values(result.metafile.outputs)) {
    if (output.entryPoint === undefined) continue;
    const files = Object.keys(output.inputs)
      .map((input) => resolve(projectRoot, input))
      .filter((file) => !relative(projectRoot, file).startsWith('..'));
    closures.set(resolve(projectRoot, output.entryPoint), files.sort());
  }
  for (const entry of unique) {
    if (!closures.has(entry)) throw new Error(`esbuild reported no output for ${entry}`);
  }
  return closures;
}

/** The closures of `entries` from `memo` if it has the same entries and none of its files changed, else null. */
function memoClosures(
  entries: readonly string[],
  memo: ClosureMemo | null,
  hashes: FileHashes,
): Map<string, string[]> | null {
  if (memo === null) return null;
  const sorted = [...new Set(entries)].sort();
  if (JSON.stringify(sorted) !== JSON.stringify(memo.entries)) return null;
  try {
    for (const [file, hash] of Object.entries(memo.hashes)) {
      if (hashes.hash(file) !== hash) return null;
    }
  } catch {
    return null; // a file gone
  }
  return new Map(Object.entries(memo.closures));
}

/**
 * The closures of `entries`, from the first of `memos` that still holds, else from esbuild; and
 * the memo to keep for the next build.
 */
export async function memoisedClosures(
  entries: readonly string[],
  projectRoot: string,
  { memos, hashes }: { memos: readonly (ClosureMemo | null)[]; hashes: FileHashes },
): Promise<{ closures: Map<string, string[]>; memo: ClosureMemo }> {
  let closures: Map<string, string[]> | null = null;
  for (const memo of memos) closures ??= memoClosures(entries, memo, hashes);
  closures ??= await moduleClosures(entries, projectRoot);
  const files = [...new Set([...closures.values()].flat())].sort();
  return {
    closures,
    memo: {
      entries: [...new Set(entries)].sort(),
      closures: Object.fromEntries([...closures].sort(([a], [b]) => (a < b ? -1 : 1))),
      hashes: Object.fromEntries(files.map((file) => [file, hashes.hash(file)])),
    },
  };
}

/** The memo left by the last build in `dir` (src/generated/, or the bundle cache's project folder), or null. */
export function readClosureMemo(dir: string): ClosureMemo | null {
  try {
    return JSON.parse(readFileSync(join(dir, MEMO_FILE), 'utf8')) as ClosureMemo;
  } catch {
    return null;
  }
}

/** Keeps `memo` in `dir` for the next build, if it differs from what is there. */
export function storeClosureMemo(dir: string, memo: ClosureMemo): void {
  const text = `${JSON.stringify(memo)}\n`;
  try {
    if (readFileSync(join(dir, MEMO_FILE), 'utf8') === text) return;
  } catch {
    // none yet
  }
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, MEMO_FILE), text);
}
