// @ts-check
/**
 * The figure build as plain JavaScript, so that `npm run figures` starts in about 0.1 s instead
 * of the 0.5 s that loading tsx and transforming some sixty modules one by one takes.
 *
 * esbuild bundles scripts/figures.ts and every figure module (content/figures/*.ts) in one pass,
 * into one file with the build (a figure module and the build share one copy of each module: one
 * Matrix class, one defineFigure), and the parts loaded only when needed (the drawing, the page
 * parser) and the workers' modules (training, page parsing) in files of their own, with their common code in shared
 * chunks. Few files, since Node's module loader takes one to two milliseconds for each file
 * whatever its size: the figure modules as files of their own, with the chunks they share, took
 * 70 ms to load, and 5 ms as part of one. Each figure module still runs only when the build asks
 * for it, so one that throws is named (bundled-modules.ts). Packages stay outside, imported from
 * node_modules as usual. `import.meta.url` is replaced in each file by that file's own URL, so
 * code that finds the project from it behaves as it does unbundled.
 *
 * The files go to node_modules/.cache/nn-figures/PROJECT/HASH/ (PROJECT names the project's folder,
 * HASH the files' contents), with bundle.json beside them listing the source files they were
 * made from and their SHA-256. A build whose sources all match reuses the bundle without
 * starting esbuild, as tsx reuses its compiled files; two builds at once write the same bytes to
 * the same place. Bundles not used for an hour are removed.
 *
 * Any failure here (a syntax error in a figure module, a read-only node_modules) returns null:
 * the caller then runs the TypeScript through tsx, whose errors name the file as usual.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileState, isSettled, settledFileState } from './file-states.mjs';

/**
 * Where the workers' bundled modules are announced to the build (scripts/figures/bundled-modules.ts):
 * source path -> file URL.
 */
export const BUNDLED_MODULES = Symbol.for('nn-from-scratch.bundled-modules');

/** Modules the build starts as worker threads, relative to the project: bundled as entries of their own. */
const WORKER_FILES = [
  join('scripts', 'figures', 'train-worker.ts'),
  join('scripts', 'figures', 'page-worker.ts'),
];

const CACHE_DIR = join('node_modules', '.cache', 'nn-figures');

/**
 * The module closures the build found (module-closure.ts), kept beside the bundle as well as in
 * src/generated/: like the bundle, they follow from the code alone, and are checked against
 * its hashes before use, so a build without outputs need not ask esbuild for them again.
 */
const CLOSURES_FILE = '.module-closures.json';

/** Where the project's slot is announced to the build (bundled-modules.ts: bundledCacheDir). */
export const BUNDLE_CACHE_DIR = Symbol.for('nn-from-scratch.bundle-cache-dir');
const UNUSED_FOR_MS = 60 * 60 * 1000;

/** The bundle's entry: the figure modules' loaders announced first, then the command. */
const COMMAND_ENTRY = 'nn-figures:command';
const FIGURE_MODULES = 'nn-figures:figure-modules';

/**
 * An esbuild plugin for the two modules of the bundle that are not files: its entry, and the
 * module that announces a loader for each figure module (bundled-modules.ts reads them). A
 * `require` of a bundled ES module makes esbuild wrap it in a function that runs it on the first
 * call, inside the same file.
 * @param {string} root
 * @param {string[]} figureFiles
 */
function virtualModules(root, figureFiles) {
  const contents = {
    [COMMAND_ENTRY]: `import ${JSON.stringify(FIGURE_MODULES)};\nimport ${JSON.stringify(join(root, 'scripts', 'figures.ts'))};\n`,
    [FIGURE_MODULES]: `globalThis[Symbol.for('nn-from-scratch.figure-modules')] = new Map([\n${figureFiles
      .map((file) => `  [${JSON.stringify(file)}, () => require(${JSON.stringify(file)})],\n`)
      .join('')}]);\n`,
  };
  return {
    name: 'virtual-modules',
    /** @param {import('esbuild').PluginBuild} build */
    setup(build) {
      // As esbuild names it in the metafile, "namespace:path": the name it was imported by.
      build.onResolve({ filter: /^nn-figures:/ }, (args) => ({
        path: args.path.slice('nn-figures:'.length),
        namespace: 'nn-figures',
      }));
      build.onLoad({ filter: /.*/, namespace: 'nn-figures' }, (args) => ({
        contents: contents[/** @type {keyof typeof contents} */ (`nn-figures:${args.path}`)],
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/**
 * What a source's bytes were when esbuild compiled them: their SHA-256, and the file's state
 * before they were read (null if it was too new to vouch for them).
 * @typedef {{ sha256: string; state: string | null }} SeenSource
 */

/**
 * An esbuild plugin that gives each project TypeScript file its own `import.meta.url`, and
 * records in `seen` the bytes it handed to esbuild.
 * @param {Map<string, SeenSource>} seen
 */
function ownImportMetaUrl(seen) {
  return {
    name: 'own-import-meta-url',
    /** @param {import('esbuild').PluginBuild} build */
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        // The state first: a write after it shows as another state, even if it lands before the read.
        const state = settledFileState(args.path);
        const bytes = readFileSync(args.path);
        seen.set(args.path, { sha256: sha256(bytes), state });
        const url = JSON.stringify(pathToFileURL(args.path).href);
        const source = bytes.toString('utf8');
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/**
 * The bytes of a source esbuild read itself (a package's JavaScript, a .mjs file), if they are
 * surely the ones it read: hashed first, then the file's state, which must be settled since before
 * the build `started` (ms since the epoch); else null (it changed around the build).
 * @param {string} path
 * @param {number} started
 * @returns {SeenSource | null}
 */
export function readBefore(path, started) {
  const hash = sha256(readFileSync(path));
  const stats = statSync(path);
  return isSettled(stats.ctimeMs, started) ? { sha256: hash, state: fileState(path) } : null;
}

/** The figure modules of the project (content/figures/*.ts), absolute paths. */
function figureModuleFiles(/** @type {string} */ root) {
  const dir = join(root, 'content', 'figures');
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Removes the folders in `parent` (bundles, or a project's slot) that no build has used for an hour. */
function pruneOld(/** @type {string} */ parent, /** @type {string} */ keep) {
  for (const name of readdirSync(parent)) {
    const dir = join(parent, name);
    if (dir === keep || name === 'bundle.json' || name === CLOSURES_FILE) continue;
    try {
      if (Date.now() - statSync(dir).mtimeMs > UNUSED_FOR_MS)
        rmSync(dir, { recursive: true, force: true });
    } catch {
      // another build removed it first
    }
  }
}

/** @param {string | Buffer} data */
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * @typedef {{ inputs: Record<string, string>; states: Record<string, string>; figureFiles: string[]; entry: string; workers: Record<string, string> }} BundleRecord
 * Paths in `inputs`, `states` (each file's state when it was hashed, if settled) and `figureFiles` are absolute (the figure modules are in the entry's file); `entry` and `workers` values are file URLs.
 */

/** The recorded bundle in `slot` if every source it was made from is unchanged, else null. */
function reusable(/** @type {string} */ slot, /** @type {string[]} */ figureFiles) {
  try {
    /** @type {BundleRecord} */
    const record = JSON.parse(readFileSync(join(slot, 'bundle.json'), 'utf8'));
    if (JSON.stringify(record.figureFiles) !== JSON.stringify(figureFiles)) return null;
    const { states } = record;
    for (const [path, hash] of Object.entries(record.inputs)) {
      // A file still in the state it had when bundled has the same bytes (file-states.mjs).
      if (states[path] !== fileState(path) && sha256(readFileSync(path)) !== hash) return null;
    }
    return record;
  } catch {
    return null;
  }
}

/**
 * Writes esbuild's output files into a folder of `slot` named by their hash (renamed into place
 * whole, so no build sees half a bundle); returns the folder.
 * @param {string} root
 * @param {string} slot
 * @param {import('esbuild').OutputFile[]} outputFiles
 */
function writeBundle(root, slot, outputFiles) {
  const hash = createHash('sha256');
  for (const file of outputFiles) hash.update(file.path).update(file.contents);
  const dir = join(slot, hash.digest('hex').slice(0, 16));
  const outDir = resolve(root, 'out');
  const temp = `${dir}.tmp-${process.pid}`;
  for (const file of outputFiles) {
    const target = join(temp, relative(outDir, file.path));
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, file.contents);
  }
  try {
    renameSync(temp, dir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // there already (another build's copy)
  }
  return dir;
}

/**
 * What bundle.json records of a bundle written to `dir`: its sources' hashes and file states, its
 * entry's and workers' URLs; and whether every source is surely the one bundled (`sure`: none
 * changed while esbuild read it).
 * @param {string} root
 * @param {string} dir
 * @param {import('esbuild').Metafile} metafile
 * @param {{ seen: Map<string, SeenSource>; started: number; figureFiles: string[] }} read
 */
function bundleRecord(root, dir, metafile, { seen, started, figureFiles }) {
  const workerFiles = WORKER_FILES.map((file) => join(root, file));
  /** @type {BundleRecord} */
  const record = { inputs: {}, states: {}, figureFiles, entry: '', workers: {} };
  // The bundle's source files, and this file: a change to how it bundles makes a new bundle.
  const sources = [
    ...Object.keys(metafile.inputs).filter((input) => !input.startsWith('nn-figures:')),
    fileURLToPath(import.meta.url),
  ];
  let sure = true;
  for (const input of sources) {
    const path = resolve(root, input);
    const source = seen.get(path) ?? readBefore(path, started);
    if (source === null) sure = false;
    else {
      record.inputs[path] = source.sha256;
      if (source.state !== null) record.states[path] = source.state;
    }
  }
  for (const [output, info] of Object.entries(metafile.outputs)) {
    if (info.entryPoint === undefined) continue;
    const url = pathToFileURL(join(dir, relative('out', output))).href;
    // (Modules the build imports lazily, as render.ts, are entries of their own too.)
    if (info.entryPoint === COMMAND_ENTRY) record.entry = url;
    else if (workerFiles.includes(resolve(root, info.entryPoint)))
      record.workers[resolve(root, info.entryPoint)] = url;
  }
  return { record, sure };
}

/** Bundles the command with esbuild into a folder of `slot`, and records it there. */
async function bundleInto(
  /** @type {string} */ root,
  /** @type {string} */ slot,
  /** @type {string[]} */ figureFiles,
) {
  const { build } = await import('esbuild');
  const workerFiles = WORKER_FILES.map((file) => join(root, file));
  /** @type {Map<string, SeenSource>} */
  const seen = new Map();
  const started = Date.now();
  const result = await build({
    entryPoints: [COMMAND_ENTRY, ...workerFiles],
    absWorkingDir: root,
    outbase: root,
    outdir: 'out',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages in too (one file to load instead of a hundred), but not the native ones, nor
    // gif-encoder-2 (a CommonJS module that requires Node's own modules), nor jsonc-parser
    // (whose UMD build requires its parts at run time).
    external: ['@napi-rs/canvas', 'esbuild', 'gif-encoder-2', 'jsonc-parser', 'tsx'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [virtualModules(root, figureFiles), ownImportMetaUrl(seen)],
  });
  const dir = writeBundle(root, slot, result.outputFiles);
  const { record, sure } = bundleRecord(root, dir, result.metafile, { seen, started, figureFiles });
  const recordFile = join(slot, 'bundle.json');
  // A source changed while it was bundled: this bundle serves this build, but is not recorded.
  if (sure) {
    writeFileSync(`${recordFile}.tmp-${process.pid}`, JSON.stringify(record));
    renameSync(`${recordFile}.tmp-${process.pid}`, recordFile);
  } else rmSync(recordFile, { force: true });
  pruneOld(slot, dir);
  pruneOld(join(slot, '..'), slot); // the slots of projects gone (temporary copies) or not built lately
  return record;
}

/**
 * The build of the project at `root`, bundled: the URL of its entry (the figure modules and
 * scripts/figures.ts), the figure modules it holds, each worker's bundled URL, and the project's
 * folder in the cache (for the closures, CLOSURES_FILE), or null if anything went wrong.
 * @param {string} root
 * @returns {Promise<{ entry: string; figureModules: string[]; workers: Map<string, string>; cacheDir: string } | null>}
 */
export async function bundleFigureCommand(root) {
  try {
    const slot = join(root, CACHE_DIR, sha256(resolve(root)).slice(0, 16));
    const figureFiles = figureModuleFiles(root);
    const record = reusable(slot, figureFiles) ?? (await bundleInto(root, slot, figureFiles));
    const dir = join(fileURLToPath(record.entry), '..');
    // In use: not to be pruned.
    for (const used of [dir, slot]) utimesSync(used, new Date(), new Date());
    return {
      entry: record.entry,
      figureModules: record.figureFiles,
      workers: new Map(Object.entries(record.workers)),
      cacheDir: slot,
    };
  } catch {
    return null;
  }
}
