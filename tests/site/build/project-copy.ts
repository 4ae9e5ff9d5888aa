/**
 * A throwaway copy of the project in a temporary directory, for builds with changed inputs that
 * must not touch the real project. node_modules is shared entry by entry through symlinks; the
 * copy gets its own node_modules directory so Astro's and Vite's caches (node_modules/.astro,
 * node_modules/.vite) stay separate from the real project's and from other copies'.
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Top-level entries not copied: dependencies (linked instead), build outputs and version control. */
const SKIPPED = new Set(['node_modules', 'dist', '.astro', '.git', 'test-artifacts']);

/** Copies `projectRoot` into a new temporary directory and returns its path. */
export async function copyProject(projectRoot: string, prefix: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), prefix));
  await cp(projectRoot, copy, {
    recursive: true,
    filter: (source) => !SKIPPED.has(relative(projectRoot, source).split(/[\\/]/)[0]!),
  });
  const modules = join(projectRoot, 'node_modules');
  await mkdir(join(copy, 'node_modules'));
  for (const entry of await readdir(modules)) {
    // Hidden entries are caches and npm's bookkeeping (.astro, .vite, .vite-temp), except .bin.
    if (entry.startsWith('.') && entry !== '.bin') continue;
    await symlink(join(modules, entry), join(copy, 'node_modules', entry));
  }
  return copy;
}

/** Deletes a copy made by copyProject. */
export async function removeCopy(copy: string): Promise<void> {
  if (copy !== '') await rm(copy, { recursive: true, force: true });
}
