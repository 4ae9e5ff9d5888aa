/**
 * One figure build, start to finish: load the settings and datasets, key every output, compare
 * with the cache, train only if a stale output needs the network, draw only what is stale, and
 * commit the files, results, manifest and cache in an order that a kill cannot break.
 * `npm run figures`, the development watcher, the benchmark and the tests all run this.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { figureCatalogue } from '../../src/figures/figure-catalogue.ts';
import type { FigureText } from '../../src/figures/figure-text.ts';
import { runResults } from '../../src/figures/run-results.ts';
import { train } from '../../src/nn/train.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import { datasetsFromOptions } from '../lib/data-options.ts';
import type { ParsedOptions } from '../lib/options.ts';
import { loadSettingsFile } from '../lib/settings-file.ts';
import { sha256Hex } from '../lib/sha256.ts';
import {
  type BuildStamp,
  CACHE_FILE,
  CACHE_VERSION,
  type CachedOutput,
  type FigureCache,
  formatCache,
  readCache,
} from './build-cache.ts';
import { outputPath, type PlannedOutput, planOutputs, readManifest } from './build-plan.ts';
import { datasetDownloads } from './dataset-downloads.ts';
import { FONT_FILES } from './font-files.ts';
import { createSourceReader, followImports, type SourceReader } from './import-graph.ts';
import {
  createKeyBuilder,
  DRAWING_PACKAGES,
  installedPackage,
  type OutputKind,
  PROJECT_ROOT,
  sourceFiles,
} from './output-keys.ts';
import type { Progress } from './progress.ts';
import type { RecordSource } from './record-view.ts';
import type { RenderedFigure } from './render.ts';
import { formatRunSummary, formatStatusLine, type RunSummary } from './report.ts';
import {
  type BuildCommit,
  commitOutputs,
  contentHash,
  type FigureManifest,
  figureEntry,
  formatManifest,
  formatResults,
  type NewFile,
  type OutputDirs,
  outputFolders,
} from './write-outputs.ts';

/** What to build, from where, into where. */
export interface BuildRequest {
  /** The project whose sources key the outputs (default: this one). */
  projectRoot?: string;
  /** The settings file (content/experiment.json). */
  configPath: string;
  trainFile: string | null;
  validFiles: readonly string[];
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
  /** Called at each step of the commit, after the figures are drawn (tests stop builds there). */
  onStep?: (step: 'drawn' | 'files' | 'results' | 'manifest' | 'cache') => void;
}

/** One output in the report. */
interface OutputReport {
  id: string;
  kind: OutputKind;
  status: PlannedOutput['status'];
  reason: string;
  /** Whether this build made it (its file, or for status "text" its alt text and caption). */
  made: boolean;
  format: string;
  width?: number;
  height?: number;
  bytes?: number;
  ms?: number;
}

/** What a build did. */
export interface BuildReport {
  outputs: OutputReport[];
  trained: boolean;
  trainMs: number;
  /** The run's numbers (from the training, or from results.json when it did not run). */
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

/** Hashes a file if it can be read (a settings or data file that cannot be is reported by its loader, with a better message). */
function hashIfReadable(reader: SourceReader, path: string): void {
  try {
    reader.hash(path);
  } catch {
    // reported when the file is loaded
  }
}

/** The text of a file, or null if it cannot be read. */
function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The closing numbers from results.json's text. */
function summaryOf(resultsText: string | null): RunSummary | null {
  if (resultsText === null) return null;
  try {
    const results = JSON.parse(resultsText) as RunSummary;
    return {
      finalLoss: results.finalLoss,
      firstPerfectIteration: results.firstPerfectIteration,
      validation: results.validation,
    };
  } catch {
    return null;
  }
}

const FORMAT_OF: Record<OutputKind, string> = { figure: '', download: 'csv', results: 'json' };

/** Runs one build as `request` asks. Throws SettingsError, DataError or DivergenceError before writing anything. */
export async function runFigureBuild(request: BuildRequest): Promise<BuildReport> {
  const started = performance.now();
  const projectRoot = request.projectRoot ?? PROJECT_ROOT;
  const reader = createSourceReader();
  const dirs = outputDirs(request.outRoot);
  const say = (text: string) => request.progress?.line(text);

  // The settings and data files are hashed before they are loaded: if one changes during the
  // build, the stamp holds the older hash, so the next build looks again.
  for (const path of [
    request.configPath,
    ...(request.trainFile === null ? [] : [request.trainFile]),
    ...request.validFiles,
  ]) {
    hashIfReadable(reader, resolve(path));
  }
  const settings = loadSettingsFile(request.configPath);
  const dataOptions: ParsedOptions = {};
  if (request.trainFile !== null) dataOptions.train = request.trainFile;
  if (request.validFiles.length > 0) dataOptions.valid = [...request.validFiles];
  const datasets = datasetsFromOptions(dataOptions, settings);

  const catalogue = figureCatalogue({ datasets });
  const downloadIds = datasetDownloads({ datasets }).map((download) => download.id);
  const keys = createKeyBuilder({
    projectRoot,
    reader,
    settings,
    dataFiles: { train: request.trainFile, valid: request.validFiles },
  });
  const outputs = [
    ...catalogue.map((figure) => keys.figure(figure)),
    ...downloadIds.map((id) => keys.download(id)),
    keys.results(),
  ];
  const manifest = readManifest(dirs.generatedDir);
  const cache = readCache(dirs.generatedDir);
  const plan = planOutputs(outputs, cache, manifest, dirs, request.mode === 'force');
  const formatOf = (p: PlannedOutput) =>
    p.kind === 'figure' ? catalogue.find((f) => f.id === p.id)!.format : FORMAT_OF[p.kind];
  const previousLine = (p: PlannedOutput): OutputReport => {
    const entry = p.kind === 'figure' ? manifest?.figures[p.id] : undefined;
    return {
      id: p.id,
      kind: p.kind,
      status: p.status,
      reason: p.reason,
      made: false,
      format: formatOf(p),
      ...(entry === undefined ? {} : { width: entry.width, height: entry.height }),
      ...(p.previous === null ? {} : { bytes: p.previous.bytes }),
    };
  };
  const notFresh = plan.filter((p) => p.status !== 'fresh').length;

  if (request.mode === 'check') {
    const lines = plan.map(previousLine);
    for (const line of lines)
      say(
        formatStatusLine(
          line.status === 'fresh'
            ? line
            : { status: line.status, id: line.id, format: line.format, reason: line.reason },
        ),
      );
    return {
      outputs: lines,
      trained: false,
      trainMs: 0,
      run: summaryOf(readText(join(dirs.generatedDir, 'results.json'))),
      removed: [],
      notFresh,
      totalMs: performance.now() - started,
    };
  }

  const report = new Map<string, OutputReport>();
  for (const p of plan) {
    if (p.status !== 'fresh') continue;
    const line = previousLine(p);
    report.set(p.id, line);
    say(formatStatusLine(line));
  }

  // Train once, and only if something stale needs the trained network.
  const todo = plan.filter((p) => p.status !== 'fresh');
  let source: RecordSource = { settings, datasets };
  let trainMs = 0;
  if (todo.some((p) => p.training)) {
    const trainStart = performance.now();
    source = train(settings, datasets);
    trainMs = performance.now() - trainStart;
  }
  const planned = new Map(plan.map((p) => [p.id, p]));
  const made = (id: string, extra: Partial<OutputReport>) => {
    const p = planned.get(id)!;
    const line: OutputReport = {
      id,
      kind: p.kind,
      status: p.status,
      reason: p.reason,
      made: true,
      format: formatOf(p),
      ...extra,
    };
    report.set(id, line);
    say(formatStatusLine(line));
  };

  const drawIds = new Set(
    todo.filter((p) => p.kind === 'figure' && p.status !== 'text').map((p) => p.id),
  );
  const rendered = new Map<string, RenderedFigure>();
  if (drawIds.size > 0) {
    // Loaded only when something is drawn: @napi-rs/canvas takes a while to load.
    const { renderFigures } = await import('./render.ts');
    const figures = await renderFigures(source, drawIds, {
      onFigure: (f) =>
        made(f.id, { width: f.width, height: f.height, bytes: f.bytes.length, ms: f.ms }),
      onFrame: (id, done, total) => request.progress?.frames(id, done, total),
    });
    for (const figure of figures) rendered.set(figure.id, figure);
  }
  const textIds = new Set(todo.filter((p) => p.status === 'text').map((p) => p.id));
  const texts: Map<string, FigureText> =
    textIds.size > 0 ? (await import('./render.ts')).figureTexts(source, textIds) : new Map();
  for (const id of textIds) made(id, { ms: 0 });

  // The new manifest, cache entries and files.
  const newManifest: FigureManifest = { figures: {}, downloads: {} };
  const entries: Record<string, CachedOutput> = {};
  const files: NewFile[] = [];
  const remember = (p: PlannedOutput, file: string, sha256: string, bytes: number) => {
    entries[p.id] = {
      file,
      sha256,
      bytes,
      key: p.key,
      inputs: p.inputs,
      ...(p.textKey === null ? {} : { textKey: p.textKey, textInputs: p.textInputs! }),
    };
  };
  const sha256 = (bytes: Uint8Array) => sha256Hex(bytes);
  for (const p of plan.filter((q) => q.kind === 'figure')) {
    const figure = rendered.get(p.id);
    if (figure !== undefined) {
      const path = `generated/figures/${figure.id}.${contentHash(figure.bytes)}.${figure.format}`;
      const sha = sha256(figure.bytes);
      if (p.previous?.file !== path || p.previous.sha256 !== sha)
        files.push({ path, bytes: figure.bytes });
      newManifest.figures[p.id] = figureEntry(figure, path);
      remember(p, path, sha, figure.bytes.length);
    } else {
      const previous = manifest!.figures[p.id]!;
      newManifest.figures[p.id] = { ...previous, ...(texts.get(p.id) ?? {}) };
      remember(p, p.previous!.file, p.previous!.sha256, p.previous!.bytes);
    }
  }
  const downloads = new Map(datasetDownloads(source).map((d) => [d.id, d]));
  for (const p of plan.filter((q) => q.kind === 'download')) {
    const download = downloads.get(p.id)!;
    if (p.status === 'fresh') {
      newManifest.downloads[p.id] = manifest!.downloads[p.id]!;
      remember(p, p.previous!.file, p.previous!.sha256, p.previous!.bytes);
      continue;
    }
    const start = performance.now();
    const bytes = Buffer.from(download.text, 'utf8');
    const path = `generated/data/${download.name}.${contentHash(bytes)}.csv`;
    const sha = sha256(bytes);
    if (p.previous?.file !== path || p.previous.sha256 !== sha) files.push({ path, bytes });
    newManifest.downloads[p.id] = { src: path, label: download.label, bytes: bytes.length };
    remember(p, path, sha, bytes.length);
    made(p.id, { bytes: bytes.length, ms: performance.now() - start });
  }
  const resultsPlan = planned.get('results')!;
  const resultsPath = join(dirs.generatedDir, 'results.json');
  let resultsText = readText(resultsPath);
  let newResults: string | null = null;
  if (resultsPlan.status !== 'fresh') {
    const start = performance.now();
    const text = formatResults(runResults(source as RunRecord));
    const bytes = Buffer.from(text, 'utf8');
    remember(resultsPlan, 'results.json', sha256(bytes), bytes.length);
    made('results', { bytes: bytes.length, ms: performance.now() - start });
    newResults = text === resultsText ? null : text;
    resultsText = text;
  } else {
    remember(
      resultsPlan,
      'results.json',
      resultsPlan.previous!.sha256,
      resultsPlan.previous!.bytes,
    );
  }
  request.onStep?.('drawn');

  // An output made from a source that changed after this process started may have been drawn
  // with the old code: its key is left empty, so the next build makes it again.
  const loadedAt =
    request.codeLoadedAt !== undefined
      ? request.codeLoadedAt
      : request.projectRoot === undefined
        ? performance.timeOrigin
        : null;
  const changed =
    loadedAt === null ? new Set<string>() : sourcesChangedSince(plan, projectRoot, loadedAt);
  for (const p of plan) {
    if (p.status === 'fresh') continue;
    if (
      sourceFiles(p.inputs, projectRoot).some((file) => changed.has(file)) ||
      sourceFiles(p.textInputs ?? {}, projectRoot).some((file) => changed.has(file))
    ) {
      entries[p.id] = {
        ...entries[p.id]!,
        key: '',
        ...(p.textKey === null ? {} : { textKey: '' }),
      };
    }
  }

  const manifestText = formatManifest(newManifest);
  const run: RunSummary | null =
    'history' in source ? runSummaryOf(source as RunRecord) : summaryOf(resultsText);
  const newCache: FigureCache = { version: CACHE_VERSION, outputs: entries, stamp: null };
  if (request.command !== undefined && changed.size === 0) {
    newCache.stamp = buildStamp(
      request.command,
      reader,
      request,
      dirs,
      manifestText,
      resultsText,
      entries,
      plan,
      newManifest,
      run,
    );
  }
  const cacheText = formatCache(newCache);
  const commit: BuildCommit = {
    files,
    results: newResults,
    manifest:
      manifestText === readText(join(dirs.generatedDir, 'figures.json')) ? null : manifestText,
    cache:
      cacheText === readText(join(dirs.generatedDir, CACHE_FILE))
        ? null
        : { name: CACHE_FILE, text: cacheText },
    ...(request.onStep === undefined ? {} : { onStep: request.onStep }),
  };
  const keep = new Set(
    [...Object.values(newManifest.figures), ...Object.values(newManifest.downloads)].map(
      (entry) => entry.src,
    ),
  );
  const removed = commitOutputs(dirs, commit, keep);
  request.progress?.clear();

  return {
    outputs: plan.map((p) => report.get(p.id)!),
    trained: 'history' in source,
    trainMs,
    run,
    removed,
    notFresh,
    totalMs: performance.now() - started,
  };
}

/** The closing numbers of a trained run. */
function runSummaryOf(record: RunRecord): RunSummary {
  const results = runResults(record);
  return {
    finalLoss: results.finalLoss,
    firstPerfectIteration: results.firstPerfectIteration,
    validation: results.validation,
  };
}

/** File times come from a clock that lags the real time by up to a tick of the kernel's timer: allow for it. */
const MTIME_SLACK_MS = 10;

/** Source files of the plan that were modified at or after `since` (ms since the epoch). */
function sourcesChangedSince(
  plan: readonly PlannedOutput[],
  projectRoot: string,
  since: number,
): Set<string> {
  const files = new Set(
    plan.flatMap((p) => [
      ...sourceFiles(p.inputs, projectRoot),
      ...sourceFiles(p.textInputs ?? {}, projectRoot),
    ]),
  );
  const changed = new Set<string>();
  for (const file of files) {
    try {
      if (statSync(file).mtimeMs >= since - MTIME_SLACK_MS) changed.add(file);
    } catch {
      changed.add(file);
    }
  }
  return changed;
}

/** The stamp of a build after which every output is fresh: what it read, what it wrote, and what "nothing changed" prints. */
function buildStamp(
  command: NonNullable<BuildRequest['command']>,
  reader: SourceReader,
  request: BuildRequest,
  dirs: OutputDirs,
  manifestText: string,
  resultsText: string | null,
  entries: Record<string, CachedOutput>,
  plan: readonly PlannedOutput[],
  manifest: FigureManifest,
  run: RunSummary | null,
): BuildStamp {
  const inputs: Record<string, string> = {};
  const code = followImports(command.entries, reader);
  const dataFiles = [
    request.configPath,
    ...(request.trainFile === null ? [] : [request.trainFile]),
    ...request.validFiles,
  ].map((p) => resolve(p));
  const packages = DRAWING_PACKAGES.map((name) => installedPackage(name).path);
  for (const file of [...code, ...dataFiles, ...FONT_FILES, ...packages])
    inputs[file] = reader.hash(file);
  const outputs: Record<string, string> = {
    [join(dirs.generatedDir, 'figures.json')]: sha256Hex(Buffer.from(manifestText, 'utf8')),
  };
  if (resultsText !== null)
    outputs[join(dirs.generatedDir, 'results.json')] = sha256Hex(Buffer.from(resultsText, 'utf8'));
  for (const p of plan)
    if (p.kind !== 'results')
      outputs[outputPath(dirs, p.kind, entries[p.id]!.file)] = entries[p.id]!.sha256;
  const { figureDir, dataDir } = outputFolders(dirs);
  const report = plan.map((p) => {
    const entry = p.kind === 'figure' ? manifest.figures[p.id] : undefined;
    return formatStatusLine({
      status: 'fresh',
      id: p.id,
      format: p.kind === 'figure' ? entries[p.id]!.file.split('.').at(-1)! : FORMAT_OF[p.kind],
      ...(entry === undefined ? {} : { width: entry.width, height: entry.height }),
      bytes: entries[p.id]!.bytes,
    });
  });
  if (run !== null) report.push(formatRunSummary(run));
  return {
    cwd: command.cwd,
    args: command.args,
    inputs,
    outputs,
    outputDirs: [figureDir, dataDir],
    report,
  };
}
