// @ts-check
/**
 * The figure build as plain JavaScript, so that `npm run figures` starts in about 0.1 s instead
 * of the 0.5 s that loading tsx and transforming some sixty modules one by one takes.
 *
 * esbuild bundles scripts/figures.ts and every figure module (content/figures/*.ts) in one pass,
 * with shared code split into common chunks, so a figure module and the build share one copy of
 * each module (one Matrix class, one defineFigure). Packages stay outside, imported from
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

/**
 * Where bundled modules are announced to the build (scripts/figures/bundled-modules.ts): source
 * path -> file URL, for the figure modules and the worker threads' modules.
 */
export const BUNDLED_MODULES = Symbol.for('nn-from-scratch.bundled-modules');

/** Modules the build starts as worker threads, relative to the project: bundled as entries of their own. */
const WORKER_FILES = [join('scripts', 'figures', 'train-worker.ts')];

const CACHE_DIR = join('node_modules', '.cache', 'nn-figures');
const UNUSED_FOR_MS = 60 * 60 * 1000;

/** An esbuild plugin that gives each project TypeScript file its own `import.meta.url`. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

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
    if (dir === keep || name === 'bundle.json') continue;
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
 * @typedef {{ inputs: Record<string, string>; figureFiles: string[]; entry: string; figureModules: Record<string, string>; workers: Record<string, string> }} BundleRecord
 * Paths in `inputs` and `figureFiles` are absolute; `entry`, `figureModules` and `workers` values are file URLs.
 */

/** The recorded bundle in `slot` if every source it was made from is unchanged, else null. */
function reusable(/** @type {string} */ slot, /** @type {string[]} */ figureFiles) {
  try {
    /** @type {BundleRecord} */
    const record = JSON.parse(readFileSync(join(slot, 'bundle.json'), 'utf8'));
    if (JSON.stringify(record.figureFiles) !== JSON.stringify(figureFiles)) return null;
    for (const [path, hash] of Object.entries(record.inputs)) {
      if (sha256(readFileSync(path)) !== hash) return null;
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

/** Bundles the command with esbuild into a folder of `slot`, and records it there. */
async function bundleInto(
  /** @type {string} */ root,
  /** @type {string} */ slot,
  /** @type {string[]} */ figureFiles,
) {
  const { build } = await import('esbuild');
  const entry = join(root, 'scripts', 'figures.ts');
  const workerFiles = WORKER_FILES.map((file) => join(root, file));
  const result = await build({
    entryPoints: [entry, ...workerFiles, ...figureFiles],
    absWorkingDir: root,
    outbase: root,
    outdir: 'out',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages in too (one file to load instead of a hundred), but not the native ones, nor
    // gif-encoder-2: a CommonJS module that requires Node's own modules.
    external: ['@napi-rs/canvas', 'esbuild', 'gif-encoder-2', 'tsx'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  const dir = writeBundle(root, slot, result.outputFiles);
  /** @type {BundleRecord} */
  const record = { inputs: {}, figureFiles, entry: '', figureModules: {}, workers: {} };
  // The bundle's sources, and this file: a change to how it bundles makes a new bundle.
  const sources = [...Object.keys(result.metafile.inputs), fileURLToPath(import.meta.url)];
  for (const input of sources) {
    const path = resolve(root, input);
    record.inputs[path] = sha256(readFileSync(path));
  }
  for (const [output, info] of Object.entries(result.metafile.outputs)) {
    if (info.entryPoint === undefined) continue;
    const url = pathToFileURL(join(dir, relative('out', output))).href;
    const source = resolve(root, info.entryPoint);
    // (Modules the build imports lazily, as render.ts, are entries of their own too.)
    if (source === entry) record.entry = url;
    else if (figureFiles.includes(source)) record.figureModules[source] = url;
    else if (workerFiles.includes(source)) record.workers[source] = url;
  }
  const recordFile = join(slot, 'bundle.json');
  writeFileSync(`${recordFile}.tmp-${process.pid}`, JSON.stringify(record));
  renameSync(`${recordFile}.tmp-${process.pid}`, recordFile);
  pruneOld(slot, dir);
  pruneOld(join(slot, '..'), slot); // the slots of projects gone (temporary copies) or not built lately
  return record;
}

/**
 * The build of the project at `root`, bundled: the URL of its entry (scripts/figures.ts) and each
 * figure module's and worker's bundled URL, or null if anything went wrong.
 * @param {string} root
 * @returns {Promise<{ entry: string; figureModules: Map<string, string>; workers: Map<string, string> } | null>}
 */
export async function bundleFigureCommand(root) {
  try {
    const slot = join(root, CACHE_DIR, sha256(resolve(root)).slice(0, 16));
    const figureFiles = figureModuleFiles(root);
    const record = reusable(slot, figureFiles) ?? (await bundleInto(root, slot, figureFiles));
    const dir = join(fileURLToPath(record.entry), '..', '..');
    // In use: not to be pruned.
    for (const used of [dir, slot]) utimesSync(used, new Date(), new Date());
    return {
      entry: record.entry,
      figureModules: new Map(Object.entries(record.figureModules)),
      workers: new Map(Object.entries(record.workers)),
    };
  } catch {
    return null;
  }
}
