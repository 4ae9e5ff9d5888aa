/**
 * A throwaway copy of the project in a temporary directory, for builds with changed inputs that
 * must not touch the real project. node_modules is rebuilt in the copy from hard links to the
 * real files (copies where the temporary directory is on another file system): packages then
 * live inside the copy, as Vite and Astro expect of the .astro components Starlight ships (through
 * symlinks they would resolve to the real project and fail to compile). Its caches
 * (node_modules/.astro, node_modules/.vite) are left out, so they stay separate from the real
 * project's and from other copies'.
 */
import {
  copyFile,
  cp,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  symlink,
} from 'node:fs/promises';
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
    await linkTree(join(modules, entry), join(copy, 'node_modules', entry));
  }
  return copy;
}

/** Recreates the file or directory `source` at `target`: directories made, files hard-linked, symlinks kept as they are. */
async function linkTree(source: string, target: string): Promise<void> {
  const entries = await readdir(source, { withFileTypes: true }).catch(() => undefined);
  if (entries === undefined) return linkFile(source, target);
  await mkdir(target);
  await Promise.all(
    entries.map(async (entry) => {
      const [from, to] = [join(source, entry.name), join(target, entry.name)];
      if (entry.isSymbolicLink()) await symlink(await readlink(from), to);
      else if (entry.isDirectory()) await linkTree(from, to);
      else await linkFile(from, to);
    }),
  );
}

async function linkFile(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(source, target);
  }
}

/** Deletes a copy made by copyProject. */
export async function removeCopy(copy: string): Promise<void> {
  if (copy !== '') await rm(copy, { recursive: true, force: true });
}
