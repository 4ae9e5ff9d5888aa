/**
 * What a build writes, assembled from its plan: the new manifest, the figure and data files under
 * content-hashed names, each experiment's results, the cache entries, and the report line of
 * every output. Pure apart from reading the previous results to see whether they changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureManifest } from '../../src/figures/figure-manifest.ts';
import { divergedResults, runResults } from '../../src/figures/run-results.ts';
import { TUTORIAL_EXPERIMENT } from '../../src/nn/experiment.ts';
import { sha256Hex } from '../lib/sha256.ts';
import type { CachedOutput } from './build-cache.ts';
import type { PlannedOutput } from './build-plan.ts';
import { experimentDownloadIds, experimentDownloads } from './experiment-downloads.ts';
import { type ExperimentRun, isDiverged } from './experiment-run.ts';
import type { OutputKind } from './output-keys.ts';
import type { Progress } from './progress.ts';
import type { ProjectInputs } from './project-inputs.ts';
import type { RenderedFigure } from './render.ts';
import { formatStatusLine, type RunSummary } from './report.ts';
import {
  contentHash,
  type DownloadFile,
  figureEntry,
  formatManifest,
  formatResults,
  type GeneratedText,
  type NewFile,
  type OutputDirs,
  RESULTS_DIR,
} from './write-outputs.ts';

/** One output in the build's report. */
export interface OutputReport {
  id: string;
  kind: OutputKind;
  status: PlannedOutput['status'];
  reason: string;
  /** Whether this build made it. */
  made: boolean;
  format: string;
  width?: number;
  height?: number;
  bytes?: number;
  ms?: number;
}

/** What assembling needs: the plan, the project, the runs trained and the figures drawn. */
export interface AssembleInput {
  plan: readonly PlannedOutput[];
  project: ProjectInputs;
  runs: ReadonlyMap<string, ExperimentRun>;
  rendered: ReadonlyMap<string, RenderedFigure>;
  manifest: FigureManifest | null;
  dirs: OutputDirs;
  progress: Progress | undefined;
}

/** Everything a build is about to write, and its report. */
export interface AssembledOutputs {
  manifest: FigureManifest;
  manifestText: string;
  files: NewFile[];
  /** Every experiment's results text, by file ("results/tutorial.json"). */
  resultsTexts: Map<string, string>;
  /** The results texts that differ from the files on disk. */
  changedResults: GeneratedText[];
  entries: Record<string, CachedOutput>;
  report: OutputReport[];
  /** The paths (relative to public/) the new manifest names. */
  keep: Set<string>;
  summary: RunSummary | null;
}

/** The download ids an experiment offers: its training set, each validation set, its numpy program and notebook, its history. */
export function downloadIds(project: ProjectInputs, experiment: string): string[] {
  return experimentDownloadIds(
    project.experiments.get(experiment)!.experiment,
    project.datasets.get(experiment)!,
  );
}

/** The files experiment `name` offers for download (its history from its run in `runs`). */
function downloadsOf(
  project: ProjectInputs,
  name: string,
  runs: AssembleInput['runs'],
): DownloadFile[] {
  return experimentDownloads(
    project.experiments.get(name)!.experiment,
    project.datasets.get(name)!,
    () => runs.get(name)!.history,
  );
}

/** The text of the file at `path`, or null. */
export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The report line of an output this build did not make, from what the manifest and cache remember. */
export function previousLine(p: PlannedOutput, manifest: FigureManifest | null): OutputReport {
  const entry = p.kind === 'figure' ? manifest?.figures[p.id] : undefined;
  const format = p.kind === 'results' ? 'json' : (p.previous?.file.split('.').at(-1) ?? '');
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    reason: p.reason,
    made: false,
    format,
    ...(entry === undefined ? {} : { width: entry.width, height: entry.height }),
    ...(p.previous === null ? {} : { bytes: p.previous.bytes }),
  };
}

/** The experiment an output belongs to ("lr-0.1/results" -> "lr-0.1"). */
function experimentOf(id: string): string {
  return id.slice(0, id.indexOf('/'));
}

/** Assembles the manifest, files, results and cache entries of a build, reporting each output. */
export function assembleOutputs(input: AssembleInput): AssembledOutputs {
  const out: AssembledOutputs = {
    manifest: { figures: {}, downloads: {} },
    manifestText: '',
    files: [],
    resultsTexts: new Map(),
    changedResults: [],
    entries: {},
    report: [],
    keep: new Set(),
    summary: null,
  };
  for (const p of input.plan) {
    const line =
      p.kind === 'figure'
        ? assembleFigure(p, input, out)
        : p.kind === 'download'
          ? assembleDownload(p, input, out)
          : assembleResults(p, input, out);
    out.report.push(line);
    input.progress?.line(formatStatusLine(line));
  }
  out.manifestText = formatManifest(out.manifest);
  out.keep = new Set(
    [...Object.values(out.manifest.figures), ...Object.values(out.manifest.downloads)].map(
      (e) => e.src,
    ),
  );
  const tutorial = out.resultsTexts.get(`${RESULTS_DIR}/${TUTORIAL_EXPERIMENT}.json`);
  out.summary = tutorial === undefined ? null : summaryOf(tutorial);
  return out;
}

/** Records output `p` as written to `file` with `bytes` (queued for writing unless the same file is already there). */
function remember(p: PlannedOutput, out: AssembledOutputs, file: string, bytes: Uint8Array): void {
  const sha256 = sha256Hex(bytes);
  out.entries[p.id] = { file, sha256, bytes: bytes.length, key: p.key, inputs: p.inputs };
}

/** A figure: drawn this build, or kept as the manifest has it. */
function assembleFigure(
  p: PlannedOutput,
  input: AssembleInput,
  out: AssembledOutputs,
): OutputReport {
  const figure = input.rendered.get(p.id);
  if (figure === undefined) {
    out.manifest.figures[p.id] = input.manifest!.figures[p.id]!;
    out.entries[p.id] = p.previous!;
    return previousLine(p, input.manifest);
  }
  const path = `generated/figures/${figure.id}.${contentHash(figure.bytes)}.${figure.format}`;
  if (p.previous?.file !== path) out.files.push({ path, bytes: figure.bytes });
  out.manifest.figures[p.id] = figureEntry(figure, path);
  remember(p, out, path, figure.bytes);
  return {
    ...previousLine(p, null),
    made: true,
    format: figure.format,
    width: figure.width,
    height: figure.height,
    bytes: figure.bytes.length,
    ms: figure.ms,
  };
}

/** A dataset download: its CSV text written again when stale. */
function assembleDownload(
  p: PlannedOutput,
  input: AssembleInput,
  out: AssembledOutputs,
): OutputReport {
  if (p.status === 'fresh') {
    out.manifest.downloads[p.id] = input.manifest!.downloads[p.id]!;
    out.entries[p.id] = p.previous!;
    return previousLine(p, input.manifest);
  }
  const start = performance.now();
  const experiment = experimentOf(p.id);
  const download = downloadsOf(input.project, experiment, input.runs).find(
    (d) => p.id === `${experiment}/${d.id}`,
  )!;
  const bytes = Buffer.from(download.text(), 'utf8');
  const dot = download.fileName.lastIndexOf('.');
  const [stem, extension] = [download.fileName.slice(0, dot), download.fileName.slice(dot + 1)];
  const path = `generated/data/${stem}.${contentHash(bytes)}.${extension}`;
  if (p.previous?.file !== path) out.files.push({ path, bytes });
  const { label, fileName, format, reads } = download;
  out.manifest.downloads[p.id] = {
    src: path,
    label,
    bytes: bytes.length,
    sha256: sha256Hex(bytes),
    fileName,
    format,
    ...(reads === undefined ? {} : { reads }),
  };
  remember(p, out, path, bytes);
  return {
    ...previousLine(p, null),
    made: true,
    format: extension,
    bytes: bytes.length,
    ms: performance.now() - start,
  };
}

/** An experiment's results: summarised from its run when stale. */
function assembleResults(
  p: PlannedOutput,
  input: AssembleInput,
  out: AssembledOutputs,
): OutputReport {
  const file = `${RESULTS_DIR}/${experimentOf(p.id)}.json`;
  const onDisk = readText(join(input.dirs.generatedDir, file));
  if (p.status === 'fresh') {
    out.entries[p.id] = p.previous!;
    if (onDisk !== null) out.resultsTexts.set(file, onDisk);
    return previousLine(p, input.manifest);
  }
  const start = performance.now();
  const run = input.runs.get(experimentOf(p.id))!;
  const text = formatResults(isDiverged(run) ? divergedResults(run) : runResults(run));
  out.resultsTexts.set(file, text);
  if (text !== onDisk) out.changedResults.push({ file, text });
  remember(p, out, file, Buffer.from(text, 'utf8'));
  return {
    ...previousLine(p, null),
    made: true,
    bytes: Buffer.byteLength(text),
    ms: performance.now() - start,
  };
}

/** The closing numbers from a results file's text. */
function summaryOf(text: string): RunSummary | null {
  try {
    const results = JSON.parse(text) as RunSummary;
    if (results.validation === undefined) return null; // a diverged run: no final network to sum up
    return {
      finalLoss: results.finalLoss,
      firstPerfectIteration: results.firstPerfectIteration,
      validation: results.validation,
    };
  } catch {
    return null;
  }
}
