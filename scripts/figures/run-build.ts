/**
 * One figure build, start to finish, as named stages: read the project (experiments, figures,
 * pages), key every output, compare with the cache, train each experiment a stale output needs
 * (once), draw what is stale, assemble what to write, and commit it in an order that a kill cannot
 * break, holding the output folder's lock throughout. `npm run figures`, the development watcher,
 * the benchmarks and the tests all run this.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FigureManifest } from '../../src/figures/figure-manifest.ts';
import { sha256Hex } from '../lib/sha256.ts';
import {
  type BuildStamp,
  CACHE_FILE,
  CACHE_VERSION,
  type FigureCache,
  formatCache,
  formatStamp,
  readCache,
  STAMP_FILE,
} from './build-cache.ts';
import { withBuildLock } from './build-lock.ts';
import { type PlannedOutput, planOutputs, readManifest } from './build-plan.ts';
import { buildStamp, sourcesChangedSince } from './build-stamp.ts';
import { bundledCacheDir } from './bundled-modules.ts';
import {
  type AssembledOutputs,
  assembleOutputs,
  downloadIds,
  type OutputReport,
  previousLine,
  readText,
} from './commit-plan.ts';
import { checkOutcome, type ExperimentRun } from './experiment-run.ts';
import { figureModuleFiles } from './figure-modules.ts';
import { createFileHashes, type FileHashes } from './file-hashes.ts';
import { FILE_STATES_FILE, fileState, MTIME_SLACK_MS, settledFileState } from './file-states.mjs';
import { HISTORY_DOWNLOAD } from './history-download.ts';
import { readClosureMemo, storeClosureMemo } from './module-closure.ts';
import { createKeyBuilder, findClosures, type OutputInputs, PROJECT_ROOT } from './output-keys.ts';
import { type PageReferenceMemo, readPageMemo, storePageMemo } from './page-references.ts';
import type { Progress } from './progress.ts';
import { type ProjectInputs, readProjectSources, withPages } from './project-inputs.ts';
import { isPythonDownload } from './python-downloads.ts';
import type { RecordSource } from './record-view.ts';
import type { RenderedFigure } from './render.ts';
import { formatStatusLine, type RunSummary } from './report.ts';
import { storedRun, storeRuns } from './run-cache.ts';
import { trainAll, trainingThreads } from './training-pool.ts';
import { type VouchedFile, vouchedOutputs } from './vouched-files.ts';
import {
  type BuildCommit,
  commitOutputs,
  type OutputDirs,
  writeFileAtomic,
} from './write-outputs.ts';

/** The steps of a build's commit, after its figures are drawn (tests stop builds there). */
type BuildStep = 'drawn' | 'files' | 'results' | 'manifest' | 'cache';

/** What to build, from where, into where. */
export interface BuildRequest {
  /** The project whose content and sources are built (default: this one). */
  projectRoot?: string;
  /** public/ and src/generated/ are written under this folder. */
  outRoot: string;
  /** build: make what is stale; check: write nothing, only report; force: make everything. */
  mode: 'build' | 'check' | 'force';
  /** The command line, recorded in the build stamp for scripts/run-figures.mjs (none: no stamp). */
  command?: { cwd: string; args: string[]; entries: string[] };
  progress?: Progress;
  /**
   * When the code that draws was loaded (ms since the epoch): an output made from a source file
   * modified since then may have been drawn with the older code. Defaults to this process's start
   * when the sources are this project's own; null turns the check off.
   */
  codeLoadedAt?: number | null;
  onStep?: (step: BuildStep) => void;
  /** How long to wait for another build writing into the same folder (default 2 minutes). */
  lockWaitMs?: number;
}

/** What a build did. */
export interface BuildReport {
  outputs: OutputReport[];
  /** The experiments trained, in order. */
  trained: string[];
  trainMs: number;
  /** How many threads trained them (1: the main thread alone). */
  trainThreads: number;
  /** The tutorial experiment's closing numbers (from its training, or its results file). */
  run: RunSummary | null;
  removed: string[];
  /** Outputs that were not fresh when the build started. */
  notFresh: number;
  totalMs: number;
}

/** The output folders of a build rooted at `outRoot`. */
function outputDirs(outRoot: string): OutputDirs {
  return { publicDir: join(outRoot, 'public'), generatedDir: join(outRoot, 'src', 'generated') };
}

/** Runs one build as `request` asks. Bad input throws before anything is written. */
export function runFigureBuild(request: BuildRequest): Promise<BuildReport> {
  const dirs = outputDirs(request.outRoot);
  // A check writes nothing, so it needs no lock.
  if (request.mode === 'check') return buildLocked(request, dirs);
  return withBuildLock(dirs.generatedDir, () => buildLocked(request, dirs), {
    ...(request.lockWaitMs === undefined ? {} : { waitMs: request.lockWaitMs }),
    onWait: (pid) =>
      request.progress?.line(`waiting for the figure build of process ${pid} to finish`),
  });
}

/** A build planned: the project read, every output keyed and compared with the last build. */
interface PlannedBuild {
  project: ProjectInputs;
  keys: ReturnType<typeof createKeyBuilder>;
  hashes: FileHashes;
  manifest: FigureManifest | null;
  plan: PlannedOutput[];
  /** The pages' references as the last build left them. */
  pageMemo: PageReferenceMemo;
  /** The pages' references now, once read and checked (a PageError if a page names what is not made). */
  pageReferences: Promise<PageReferenceMemo>;
  /** The outputs the last build's file states still vouch for. */
  vouched: ReadonlyMap<string, VouchedFile>;
}

/** The build (with the lock held, unless it only checks): plan, then make and commit. */
async function buildLocked(request: BuildRequest, dirs: OutputDirs): Promise<BuildReport> {
  const started = performance.now();
  const planned = await planBuild(request, dirs);
  const notFresh = planned.plan.filter((p) => p.status !== 'fresh').length;
  const empty = { outputs: [], trained: [], trainMs: 0, trainThreads: 1, run: null, removed: [] };
  const made =
    request.mode === 'check'
      ? await checkOnly(request, planned)
      : await makeOutputs(request, dirs, planned);
  return { ...empty, ...made, notFresh, totalMs: performance.now() - started };
}

/**
 * Where the module closures are kept: src/generated/, and, when the build runs bundled, the
 * bundle cache's folder for the project, since they follow from the code as the bundle does (so
 * a build after src/generated/ was removed does not ask esbuild for them again).
 */
function closureMemoDirs(dirs: OutputDirs): string[] {
  const cache = bundledCacheDir();
  return cache === null ? [dirs.generatedDir] : [dirs.generatedDir, cache];
}

/** The first stages: read the project, key every output, compare with the cache and the files on disk. */
async function planBuild(request: BuildRequest, dirs: OutputDirs): Promise<PlannedBuild> {
  const root = request.projectRoot ?? PROJECT_ROOT;
  const hashes = createFileHashes();
  const pageMemo = readPageMemo(dirs.generatedDir);
  // Without the last build's closures, esbuild finds them in its own process while this thread
  // reads the experiments and loads the figures.
  const closures = findClosures({
    projectRoot: root,
    hashes,
    figureFiles: figureModuleFiles(root),
    closureMemos: closureMemoDirs(dirs).map(readClosureMemo),
    moreEntries: request.command?.entries.map((entry) => resolve(entry)) ?? [],
  });
  // Until it is awaited below, a failure must not count as unhandled (a figure's error comes first).
  closures.catch(() => undefined);
  const sources = await readProjectSources(root, hashes);
  const found = await closures;
  // The pages' references come later: a page's error stops the build before it writes.
  const { project, pageReferences } = withPages(sources, pageMemo);
  const keys = createKeyBuilder({ projectRoot: root, hashes, ...sources, closures: found });
  const manifest = readManifest(dirs.generatedDir);
  // --force trusts nothing it has not read: every output file is hashed again.
  const vouched = request.mode === 'force' ? new Map() : vouchedOutputs(dirs.generatedDir);
  const previous = { cache: readCache(dirs.generatedDir), manifest, dirs, vouched };
  const plan = planOutputs(outputList(project, keys), previous, request.mode === 'force');
  return { project, keys, hashes, manifest, plan, pageMemo, pageReferences, vouched };
}

/** A check: each output's line, and nothing written. */
async function checkOnly(
  request: BuildRequest,
  planned: PlannedBuild,
): Promise<Partial<BuildReport>> {
  await planned.pageReferences;
  const outputs = planned.plan.map((p) => previousLine(p, planned.manifest));
  for (const line of outputs) request.progress?.line(formatStatusLine(line));
  return { outputs };
}

/** The last stages: train what is needed, draw what is stale, assemble and commit it all. */
async function makeOutputs(
  request: BuildRequest,
  dirs: OutputDirs,
  planned: PlannedBuild,
): Promise<Partial<BuildReport>> {
  const { project, keys, hashes, manifest, plan, pageMemo, vouched } = planned;
  const trainStart = performance.now();
  const { runs, trained, threads } = await trainExperiments(
    plan,
    project,
    (name) => keys.run(name),
    dirs,
  );
  const trainMs = performance.now() - trainStart;
  const rendered = await renderStale(plan, project, runs, request.progress);
  // A page's error stops the build here, before any output is reported or written.
  const pageReferences = await planned.pageReferences;
  const { progress } = request;
  const assembled = assembleOutputs({ plan, project, runs, rendered, manifest, dirs, progress });
  request.onStep?.('drawn');
  const sources = keys.allSources();
  const cacheTexts = newCacheTexts(request, {
    plan,
    assembled,
    project,
    dirs,
    sources,
    hashes,
    commandCode: request.command?.entries.flatMap((entry) => keys.closure(resolve(entry))) ?? [],
  });
  const commit = commitOf(assembled, dirs, cacheTexts, request.onStep);
  const removed = await commitOutputs(dirs, commit, assembled.keep);
  await recordFileStates(dirs.generatedDir, cacheTexts.stamp, { hashes, vouched });
  await storeRuns(dirs.generatedDir, trained, new Set(project.experiments.keys()));
  storePageMemo(dirs.generatedDir, pageReferences, pageMemo);
  for (const dir of closureMemoDirs(dirs)) storeClosureMemo(dir, keys.closureMemo);
  request.progress?.clear();
  const run = assembled.summary;
  return {
    outputs: assembled.report,
    trained: [...trained.keys()],
    trainMs,
    trainThreads: threads,
    run,
    removed,
  };
}

/** Every output of the project: its figures, then each experiment's downloads and results. */
function outputList(
  project: ProjectInputs,
  keys: ReturnType<typeof createKeyBuilder>,
): OutputInputs[] {
  const perExperiment = [...project.experiments.keys()].flatMap((name) => [
    ...downloadIds(project, name).map((id) => downloadKey(keys, `${name}/${id}`)),
    keys.results(`${name}/results`),
  ]);
  return [...project.figures.map((figure) => keys.figure(figure)), ...perExperiment];
}

/** A download's key: the history is made from the trained run, a program from every setting, a dataset from the data alone. */
function downloadKey(keys: ReturnType<typeof createKeyBuilder>, id: string): OutputInputs {
  const download = id.slice(id.indexOf('/') + 1);
  if (download === HISTORY_DOWNLOAD) return keys.history(id);
  return isPythonDownload(download) ? keys.python(id) : keys.download(id);
}

/**
 * The runs that stale outputs need: each taken from the runs stored by earlier builds when its
 * key still matches, else trained (once, on worker threads when there are many long runs:
 * training-pool.ts); a diverging run names its experiment's file.
 */
async function trainExperiments(
  plan: readonly PlannedOutput[],
  project: ProjectInputs,
  runKey: (name: string) => string,
  dirs: OutputDirs,
) {
  const needed = [
    ...new Set(plan.filter((p) => p.status !== 'fresh').flatMap((p) => p.training)),
  ].sort();
  const stored = new Map(
    needed.map((name) => [name, storedRun(dirs.generatedDir, name, runKey(name))]),
  );
  const jobs = needed
    .filter((name) => stored.get(name) === null)
    .map((name) => ({
      name,
      settings: project.experiments.get(name)!.experiment.settings,
      datasets: project.datasets.get(name)!,
    }));
  const { runs: fresh, threads } = await trainAll(jobs, trainingThreads(jobs));
  const runs = new Map<string, ExperimentRun>();
  const trained = new Map<string, { key: string; record: ExperimentRun }>();
  for (const name of needed) {
    const run = stored.get(name) ?? fresh.get(name)!;
    checkOutcome(name, project.experiments.get(name)!.experiment, run);
    runs.set(name, run);
    if (fresh.has(name)) trained.set(name, { key: runKey(name), record: run });
  }
  return { runs, trained, threads };
}

/** Draws the stale figures, each seeing the runs (or, untrained, the settings and datasets) of its experiments. */
async function renderStale(
  plan: readonly PlannedOutput[],
  project: ProjectInputs,
  runs: ReadonlyMap<string, ExperimentRun>,
  progress: Progress | undefined,
): Promise<Map<string, RenderedFigure>> {
  const stale = new Set(
    plan.filter((p) => p.kind === 'figure' && p.status !== 'fresh').map((p) => p.id),
  );
  const figures = project.figures.filter((figure) => stale.has(figure.id));
  if (figures.length === 0) return new Map();
  const sources = new Map<string, RecordSource>();
  for (const [name, loaded] of project.experiments) {
    const untrained = {
      settings: loaded.experiment.settings,
      datasets: project.datasets.get(name)!,
    };
    sources.set(name, runs.get(name) ?? untrained);
  }
  // Loaded only when something is drawn: @napi-rs/canvas takes a while to load.
  const { renderFigures } = await import('./render.ts');
  const rendered = await renderFigures(figures, sources, {
    onFrame: (id, done, total) => progress?.frames(id, done, total),
  });
  return new Map(rendered.map((figure) => [figure.id, figure]));
}

/** What the new cache is made from. */
interface CacheInput {
  plan: readonly PlannedOutput[];
  assembled: AssembledOutputs;
  project: ProjectInputs;
  dirs: OutputDirs;
  sources: readonly string[];
  hashes: FileHashes;
  commandCode: readonly string[];
}

/** The texts of the cache and of the stamp (null: no stamp, the file is removed). */
interface CacheTexts {
  cache: string;
  stamp: { stamp: BuildStamp; text: string } | null;
}

/**
 * The cache's text: each output's entry, its key left empty when a source it is made from was
 * saved after this process loaded its code (so the next build makes it again); and the stamp's,
 * when everything is fresh and was made by a command.
 */
function newCacheTexts(request: BuildRequest, input: CacheInput): CacheTexts {
  const { plan, assembled, project } = input;
  const loadedAt =
    request.codeLoadedAt !== undefined
      ? request.codeLoadedAt
      : request.projectRoot === undefined
        ? performance.timeOrigin
        : null;
  const changed =
    loadedAt === null ? new Set<string>() : sourcesChangedSince(plan, project.root, loadedAt);
  const touched = (p: PlannedOutput) =>
    p.status !== 'fresh' &&
    Object.keys(p.inputs).some(
      (key) => key.startsWith('source:') && changed.has(join(project.root, key.slice(7))),
    );
  for (const p of plan)
    if (touched(p)) assembled.entries[p.id] = { ...assembled.entries[p.id]!, key: '' };
  const cache: FigureCache = { version: CACHE_VERSION, outputs: assembled.entries };
  const stamp =
    request.command !== undefined && changed.size === 0
      ? buildStamp({ command: request.command, ...input })
      : null;
  return {
    cache: formatCache(cache),
    stamp: stamp === null ? null : { stamp, text: formatStamp(stamp) },
  };
}

/**
 * After the commit, the states of the files the stamp lists (file-states.mjs), so that the next
 * check of an unchanged project need not hash them: each input's as it was when the build read
 * it (if it could vouch for the bytes), and each output's if the file, read after its state was
 * taken, still has the bytes the stamp names (a file kept from an earlier build was checked when
 * this one started, and could have been rewritten since), or if it is still in the state the
 * last build recorded for those bytes. An output is recorded only once its state is settled (a
 * second write within the file clock's tick could keep it): for the files just written, after
 * waiting out the tick. Without a stamp, none.
 */
async function recordFileStates(
  generatedDir: string,
  stamped: CacheTexts['stamp'],
  known: { hashes: FileHashes; vouched: ReadonlyMap<string, VouchedFile> },
): Promise<void> {
  const file = join(generatedDir, FILE_STATES_FILE);
  if (stamped === null) {
    rmSync(file, { force: true });
    return;
  }
  const states: Record<string, string> = {};
  for (const path of Object.keys(stamped.stamp.inputs)) {
    const state = known.hashes.stateWhenRead(path);
    if (state !== null) states[path] = state;
  }
  const unsettled = recordOutputStates(
    Object.entries(stamped.stamp.outputs),
    known.vouched,
    states,
  );
  if (unsettled.length > 0) {
    await sleep(MTIME_SLACK_MS + 2);
    recordOutputStates(unsettled, known.vouched, states);
  }
  const stamp = fileState(join(generatedDir, STAMP_FILE));
  const text = `${JSON.stringify({ stamp, states }, null, 2)}\n`;
  if (readText(file) !== text) writeFileAtomic(file, text);
}

/**
 * Adds to `states` each output (path and the hash the stamp names) whose state is settled and
 * whose bytes are still the stamp's: read after the state was taken, or vouched for in that very
 * state. Returns the outputs whose state was not settled yet.
 */
function recordOutputStates(
  outputs: readonly [string, string][],
  vouched: ReadonlyMap<string, VouchedFile>,
  states: Record<string, string>,
): [string, string][] {
  const unsettled: [string, string][] = [];
  for (const [path, hash] of outputs) {
    const state = settledFileState(path);
    if (state === null) {
      unsettled.push([path, hash]);
      continue;
    }
    const kept = vouched.get(path);
    const intact =
      (kept !== undefined && kept.state === state && kept.sha256 === hash) ||
      sha256Hex(readFileSync(path)) === hash;
    if (intact) states[path] = state;
  }
  return unsettled;
}

/** What to write: only what differs from the files on disk. */
function commitOf(
  assembled: AssembledOutputs,
  dirs: OutputDirs,
  texts: CacheTexts,
  onStep: BuildRequest['onStep'],
): BuildCommit {
  const changed = (file: string, text: string) =>
    readText(join(dirs.generatedDir, file)) === text ? null : text;
  const cache = changed(CACHE_FILE, texts.cache);
  const stamp = texts.stamp === null ? null : changed(STAMP_FILE, texts.stamp.text);
  return {
    files: assembled.files,
    results: assembled.changedResults,
    keepResults: new Set(assembled.resultsTexts.keys()),
    manifest: changed('figures.json', assembled.manifestText),
    cache: cache === null ? null : { name: CACHE_FILE, text: cache },
    stamp:
      texts.stamp === null
        ? { name: STAMP_FILE, text: null }
        : stamp === null
          ? null
          : { name: STAMP_FILE, text: stamp },
    ...(onStep === undefined ? {} : { onStep }),
  };
}
