/**
 * What `npm run dev` watches: every file the last complete figure build read (its stamp,
 * src/generated/.figure-stamp.json: the command's code and the figures' modules as esbuild
 * follows them, the experiments, data files, pages and fonts), so nothing is listed by hand,
 * plus the code and content folders, so a new module, experiment or page, or a build that never
 * completed, is noticed too.
 */
import { dirname, extname, resolve, sep } from 'node:path';
import { readStamp } from '../figures/build-cache.ts';

/** Folders watched even without a stamp: the engine, the drawing code, the build scripts, the figures. */
const CODE_FOLDERS = [
  'src/nn',
  'src/figures',
  'scripts',
  'scripts/figures',
  'scripts/lib',
  'content/figures',
];
/** Where the experiments and the pages are. */
const EXPERIMENTS_FOLDER = 'content/experiments';
const PAGES_FOLDER = 'content';

/** The files to react to and the folders to watch for them. */
export interface WatchList {
  files: ReadonlySet<string>;
  folders: string[];
}

/** The watch list of the project at `projectRoot`, from the stamp in `generatedDir` if there is one. */
export function watchList(projectRoot: string, generatedDir: string): WatchList {
  const files = new Set(Object.keys(readStamp(generatedDir)?.inputs ?? {}));
  const folders = new Set([
    ...[...CODE_FOLDERS, EXPERIMENTS_FOLDER, PAGES_FOLDER].map((folder) =>
      resolve(projectRoot, folder),
    ),
    ...[...files].map((file) => dirname(file)),
  ]);
  return { files, folders: [...folders].sort() };
}

/**
 * Whether a change to `path` may change what the figure build makes or checks: a file the last
 * build read, a code file in a code folder (a new module or figure), an experiment, or a page
 * (whose references to figures and experiments the build checks).
 */
export function mattersForFigures(path: string, list: WatchList, projectRoot: string): boolean {
  if (list.files.has(path)) return true;
  const codeFolders = CODE_FOLDERS.map((folder) => resolve(projectRoot, folder));
  if (['.ts', '.mjs'].includes(extname(path)) && codeFolders.includes(dirname(path))) return true;
  if (extname(path) === '.json' && dirname(path) === resolve(projectRoot, EXPERIMENTS_FOLDER))
    return true;
  const pages = resolve(projectRoot, PAGES_FOLDER);
  return ['.md', '.mdx'].includes(extname(path)) && (dirname(path) + sep).startsWith(pages + sep);
}
