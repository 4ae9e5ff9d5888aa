/**
 * What `npm run dev` watches: every file the last complete figure build read (its stamp in
 * src/generated/.figure-cache.json: the command's code followed through its imports, the
 * settings, data and font files), so nothing is listed by hand, plus the code folders, so a new
 * module or a build that never completed is noticed too.
 */
import { dirname, extname, resolve } from 'node:path';
import { readCache } from '../figures/build-cache.ts';

/** Folders watched even without a stamp: the engine, the drawing code, the build scripts, the settings. */
const CODE_FOLDERS = [
  'src/nn',
  'src/figures',
  'scripts',
  'scripts/figures',
  'scripts/lib',
  'content',
];

/** The files to react to and the folders to watch for them. */
export interface WatchList {
  files: ReadonlySet<string>;
  folders: string[];
}

/** The watch list of the project at `projectRoot`, from the stamp in `generatedDir` if there is one. */
export function watchList(projectRoot: string, generatedDir: string): WatchList {
  const files = new Set(Object.keys(readCache(generatedDir)?.stamp?.inputs ?? {}));
  const folders = new Set([
    ...CODE_FOLDERS.map((folder) => resolve(projectRoot, folder)),
    ...[...files].map((file) => dirname(file)),
  ]);
  return { files, folders: [...folders].sort() };
}

/** Whether a change to `path` may change a figure: a file the last build read, or a code file in a code folder (a new module). */
export function mattersForFigures(path: string, list: WatchList, projectRoot: string): boolean {
  if (list.files.has(path)) return true;
  const codeFolders = CODE_FOLDERS.filter((folder) => folder !== 'content').map((folder) =>
    resolve(projectRoot, folder),
  );
  return ['.ts', '.mjs'].includes(extname(path)) && codeFolders.includes(dirname(path));
}
