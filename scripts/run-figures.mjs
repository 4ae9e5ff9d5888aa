// @ts-check
/**
 * `npm run figures` starts here, in plain JavaScript so that it needs no TypeScript loader.
 *
 * A build that leaves every output fresh records a stamp in src/generated/.figure-stamp.json:
 * the command line, the SHA-256 of every file the command read (its own code, followed through
 * its imports, the settings, data and font files, the drawing packages' package.json) and of
 * every file it wrote. If the same command, run in the same folder, finds all of them unchanged
 * and no stray output files, nothing can have changed: this prints the recorded report and stops,
 * in about the time Node takes to start. A file still in the state the build recorded (its size,
 * times and inode: figures/file-states.mjs) is not read again; only the others are hashed. Otherwise (or with --force or --help, or if anything
 * here goes wrong) it runs scripts/figures.ts, which decides output by output: bundled by
 * esbuild into plain JavaScript (scripts/figures/command-bundle.mjs), or through tsx when that fails.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { fileState, readFileStates } from './figures/file-states.mjs';

/** Output file names, as scripts/figures/write-outputs.ts writes them. */
const OUTPUT_NAME = /^[a-z0-9][a-z0-9.-]*\.[0-9a-f]{8}\.(png|svg|gif|csv|py|ipynb)$/;

/** node:crypto, loaded only if a file has to be hashed: loading it takes longer than the whole check. */
let crypto = /** @type {typeof import('node:crypto') | null} */ (null);

/** @param {string} path */
function sha256(path) {
  crypto ??= /** @type {typeof import('node:crypto')} */ (
    createRequire(import.meta.url)('node:crypto')
  );
  return crypto.createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The value of --out in `args`, or "." if it is not given.
 * @param {string[]} args
 */
function outRoot(args) {
  for (const [i, arg] of args.entries()) {
    if (arg === '--out') return args[i + 1] ?? '.';
    if (arg.startsWith('--out=')) return arg.slice('--out='.length);
  }
  return '.';
}

/**
 * The report of the last build if nothing it read or wrote has changed since, else null.
 * @param {string[]} args
 * @returns {string[] | null}
 */
function unchangedReport(args) {
  if (args.includes('--force') || args.includes('--help')) return null;
  if (process.env.FIGURES_IGNORE_STAMP) return null; // for the benchmark: time the full path
  const generatedDir = join(resolve(outRoot(args)), 'src', 'generated');
  const stampFile = join(generatedDir, '.figure-stamp.json');
  // The stamp's state before its text: states recorded for an earlier stamp are not used.
  const states = readFileStates(generatedDir, fileState(stampFile));
  const stampText = readFileSync(stampFile, 'utf8');
  /** @type {{ cwd: string; args: string[]; inputs: Record<string, string>; outputs: Record<string, string>; outputDirs: string[]; listings: Record<string, string[]>; report: string[] } | null} */
  const stamp = JSON.parse(stampText);
  if (stamp === null || stamp.cwd !== process.cwd()) return null;
  if (JSON.stringify(stamp.args) !== JSON.stringify(args.filter((arg) => arg !== '--check')))
    return null;
  // A file in the state the build recorded needs no hashing (figures/file-states.mjs).
  for (const [path, hash] of [...Object.entries(stamp.inputs), ...Object.entries(stamp.outputs)]) {
    if (states[path] !== fileState(path) && sha256(path) !== hash) return null;
  }
  // A page, figure or experiment added or removed.
  for (const [dir, names] of Object.entries(stamp.listings)) {
    if (JSON.stringify(readdirSync(dir).sort()) !== JSON.stringify(names)) return null;
  }
  // Leftovers of a build killed before its clean-up (or results of a removed experiment): the full build removes them.
  for (const dir of stamp.outputDirs) {
    for (const name of readdirSync(dir)) {
      const output = OUTPUT_NAME.test(name) || name.includes('.tmp-') || name.endsWith('.json');
      if (output && !Object.hasOwn(stamp.outputs, join(dir, name))) return null;
    }
  }
  return stamp.report;
}

const started = performance.now();
const args = process.argv.slice(2);
// A reader that stops reading (`npm run figures -- --check | head`) must not stop a build halfway:
// after a broken pipe the rest of the report is dropped, and the build goes on to its end.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}
/** @type {string[] | null} */
let report = null;
try {
  report = unchangedReport(args);
} catch {
  report = null; // no cache, unreadable files, ...: the full build sorts it out
}

if (report !== null) {
  const check = args.includes('--check');
  const lines = check ? report.filter((line) => line.startsWith('fresh')) : report;
  const count = report.filter((line) => line.startsWith('fresh')).length;
  const seconds = `${(performance.now() / 1000).toFixed(2)} s with start-up`;
  const closing = check
    ? `all ${count} outputs fresh (${seconds})`
    : `nothing changed: all ${count} outputs fresh; done in ${seconds}`;
  process.stdout.write(`${[...lines, closing].join('\n')}\n`);
  // For the benchmark (scripts/bench.ts): how long the check took, and the time since the process started.
  const reportFile = process.env.FIGURES_REPORT;
  if (reportFile !== undefined)
    writeFileSync(
      reportFile,
      JSON.stringify({
        fastPath: true,
        totalMs: performance.now() - started,
        processMs: performance.now(),
        outputs: [],
      }),
    );
} else {
  // The TypeScript build, bundled (figures/command-bundle.mjs), or through tsx if bundling fails.
  // Imported only here: loading it costs the unchanged check above about a tenth of its time.
  // V8 optimizes a function once it has run a while: its "interrupt budget" of bytecode, 66 KB
  // in Node 20 (`node --v8-options`). A cold build runs hundreds of functions just past that and
  // optimizes them on the other core, where that competes with the pages, the animations and
  // zlib, and undoes (deoptimizes) dozens of them when their first inputs were not typical. With
  // 1 MB, the loops that do the work are still optimized within milliseconds (the same bytes:
  // optimizing never changes what JavaScript computes). Node does not promise to honour a flag
  // set after start-up, but this one is: a cold build compiles 116 functions with it, 342 without.
  setFlagsFromString(`--interrupt-budget=${1 << 20}`);
  const { BUNDLE_CACHE_DIR, BUNDLED_MODULES, bundleFigureCommand } = await import(
    './figures/command-bundle.mjs'
  );
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bundle = process.env.FIGURES_NO_BUNDLE ? null : await bundleFigureCommand(root);
  if (bundle !== null) {
    Object.assign(globalThis, {
      [BUNDLED_MODULES]: bundle.workers,
      [BUNDLE_CACHE_DIR]: bundle.cacheDir,
    });
    await import(bundle.entry);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('./figures.ts');
  }
}
