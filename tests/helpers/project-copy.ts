/**
 * Temporary copies of the project for tests that change its sources or run its commands:
 * src, scripts, content and the config files copied, node_modules linked (not copied).
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

/** The project these tests belong to. */

/** A new temporary copy of the project, without its generated outputs. */
export function copyProject(prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['src', 'scripts', 'content', 'package.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(copy, entry), {
      recursive: true,
      filter: (source) => !relative(PROJECT_ROOT, source).startsWith(join('src', 'generated')),
    });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Calls `visit` with every file under `root` (its path relative to root, and its full path); nothing if root does not exist. */
function forEachFile(root: string, visit: (relativePath: string, path: string) => void): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else visit(relative(root, path), path);
    }
  };
  if (existsSync(root)) walk(root);
}

/** SHA-256 of every file under `root` (by path relative to it), or an empty map if `root` does not exist. */
export function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  forEachFile(root, (file, path) =>
    hashes.set(file, createHash('sha256').update(readFileSync(path)).digest('hex')),
  );
  return hashes;
}

/** Modification times of every file under `root`, by relative path. */
export function mtimeTree(root: string): Map<string, number> {
  const times = new Map<string, number>();
  forEachFile(root, (file, path) => times.set(file, statSync(path).mtimeMs));
  return times;
}
