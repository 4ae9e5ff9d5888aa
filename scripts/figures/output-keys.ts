/**
 * What each output of the build is made from, as named fingerprints, and its cache key (the
 * SHA-256 of them). A figure's fingerprints cover: the source files its module is made of (as
 * esbuild resolves its imports), its format's renderer and the writer; for each experiment it
 * reads, the settings it declares and those the parts of the run it reads depend on
 * (keyedSettings), and the data and the engine's sources when it reads the run; the font files
 * and the versions of the packages that draw and encode it. Nothing else (the prose, other
 * experiments, settings neither declared nor shaping what it reads) can change its key.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FigureReads } from '../../src/figures/figure-definition.ts';
import { SETTING_KEYS, TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';
import type { LoadedExperiment } from '../lib/experiment-file.ts';
import { sha256Hex } from '../lib/sha256.ts';
import type { LoadedFigure } from './figure-modules.ts';
import type { FileHashes } from './file-hashes.ts';
import { FONT_FILES } from './font-files.ts';
import { type ClosureMemo, memoisedClosures } from './module-closure.ts';
import { keyedSettings, needsTraining } from './record-view.ts';

/** Bump to invalidate every cached output when the meaning of the keys changes. */
const KEY_VERSION = '2';

/** An output's inputs by name ("source:src/figures/heatmap.ts", "setting:tutorial/learningRate", "font:...") with a fingerprint each. */
export type Fingerprints = Record<string, string>;

/** The kinds of output: a figure file, a CSV download, an experiment's results. */
export type OutputKind = 'figure' | 'download' | 'results';

/** One output's fingerprints, and the experiments whose trained runs making it needs. */
export interface OutputInputs {
  id: string;
  kind: OutputKind;
  inputs: Fingerprints;
  /** The experiments it needs trained (not only their settings and datasets). */
  training: string[];
}

/** The project this module belongs to. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The packages that draw and encode the figures: their versions are part of the keys. */
export const DRAWING_PACKAGES = ['@napi-rs/canvas', 'gif-encoder-2'] as const;

/** The SHA-256 of the fingerprints, in a fixed order. */
export function keyOf(fingerprints: Fingerprints): string {
  const entries = Object.entries(fingerprints).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(JSON.stringify(entries));
}

/** The package.json of an installed package and the version it states. */
export function installedPackage(name: string): { path: string; version: string } {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    const path = join(dir, 'package.json');
    try {
      const json = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (json.name === name) return { path, version: json.version ?? 'unknown' };
    } catch {
      // no package.json here: keep going up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package.json of ${name}`);
    dir = parent;
  }
}

/** The modules, relative to the project root, whose closures the keys are made of besides the figures'. */
const CODE = {
  // With the halving it imports (half-size.ts): a change to it draws both sizes again, the full
  // one with the same bytes.
  png: 'scripts/figures/render-png.ts',
  svg: 'scripts/figures/render-svg.ts',
  gif: 'scripts/figures/render-gif.ts',
  dispatch: 'scripts/figures/render.ts',
  writer: 'scripts/figures/write-outputs.ts',
  data: 'scripts/lib/experiment-file.ts',
  engine: 'src/nn/train.ts',
  results: 'src/figures/run-results.ts',
  downloads: 'scripts/figures/dataset-downloads.ts',
  python: 'scripts/figures/python-downloads.ts',
  history: 'scripts/figures/history-download.ts',
} as const;

/** What the keys are computed from. */
export interface KeySources {
  projectRoot: string;
  hashes: FileHashes;
  experiments: ReadonlyMap<string, LoadedExperiment>;
  figures: readonly LoadedFigure[];
  /** The project files each module is made of (findClosures). */
  closures: FoundClosures;
}

/** What findClosures looks at: the figure modules, the build's own code, and more entries. */
export interface ClosureRequest {
  projectRoot: string;
  hashes: FileHashes;
  /** The figure modules' files (absolute paths). */
  figureFiles: readonly string[];
  /** The closures earlier builds found (module-closure.ts), the first that still holds used. */
  closureMemos: readonly (ClosureMemo | null)[];
  /** More modules whose closures are wanted: the command's own entries (for the build stamp). */
  moreEntries: readonly string[];
}

/** Closures found: the lookup, and the memo to keep for the next build. */
export interface FoundClosures {
  /** The project files a module is made of (its path absolute, or relative to the project root). */
  closure: (path: string) => string[];
  memo: ClosureMemo;
}

/** What every key of one build is computed with: the sources, and each module's closure. */
interface KeyContext extends KeySources {
  /** The project files a module is made of (its path absolute, or relative to the project root). */
  closure: (path: string) => string[];
  /** Source fingerprints already made, by their list of files: most outputs share one list with many others. */
  sourcePrintMemo: Map<string, Fingerprints>;
}

/** What one experiment contributes to an output: fingerprints, source files, and whether it needs the trained run. */
interface ExperimentPart {
  prints: Fingerprints;
  files: string[];
  training: boolean;
}

/** An output's parts, before they become fingerprints. */
interface OutputParts {
  id: string;
  kind: OutputKind;
  /** The code it is made of, beyond what its experiments bring. */
  files: string[];
  /** What it reads of each experiment, by experiment name. */
  experiments: ReadonlyMap<string, ExperimentPart>;
  extra?: Fingerprints;
}

/** A path relative to the project root, with /. */
function shown(ctx: KeyContext, path: string): string {
  return relative(ctx.projectRoot, path).split(sep).join('/');
}

/**
 * The closures of the figure modules, the build's own code and the request's more entries: the
 * last build's memo when it still holds, else one esbuild run (in esbuild's own process, so the
 * build can read the project meanwhile).
 */
export async function findClosures(request: ClosureRequest): Promise<FoundClosures> {
  const at = (path: string) => resolve(request.projectRoot, path);
  const entries = [...request.figureFiles, ...Object.values(CODE).map(at), ...request.moreEntries];
  const { closures, memo } = await memoisedClosures(entries, request.projectRoot, {
    memos: request.closureMemos,
    hashes: request.hashes,
  });
  const closure = (path: string) => closures.get(isAbsolute(path) ? path : at(path))!;
  return { closure, memo };
}

/** What reading `reads` of experiment `name` brings into a key: the settings read, the data, and the data and engine code. */
function experimentPart(ctx: KeyContext, name: string, reads: FigureReads): ExperimentPart {
  const loaded = ctx.experiments.get(name)!;
  const prints: Fingerprints = {};
  for (const key of keyedSettings(reads)) {
    prints[`setting:${name}/${key}`] = JSON.stringify(loaded.experiment.settings[key]);
  }
  const training = needsTraining(reads);
  const files: string[] = [];
  if (training || reads.record.includes('datasets')) {
    const file = (path: string) => `${shown(ctx, path)} ${ctx.hashes.hash(path)}`;
    const generated = 'generated from dataSeed';
    prints[`data:${name}/train`] = loaded.trainFile === null ? generated : file(loaded.trainFile);
    prints[`data:${name}/validation`] =
      loaded.validFiles.length === 0 ? generated : loaded.validFiles.map(file).join(', ');
    files.push(...ctx.closure(CODE.data));
  }
  if (training) {
    files.push(...ctx.closure(CODE.engine));
    // What the run is expected to do: a change makes the build check the outcome again.
    prints[`expect:${name}`] = loaded.experiment.expectDivergence ? 'divergence' : 'the end';
  }
  return { prints, files, training };
}

/** The fingerprints of source files. */
function sourcePrints(ctx: KeyContext, files: readonly string[]): Fingerprints {
  const memoKey = JSON.stringify(files);
  let prints = ctx.sourcePrintMemo.get(memoKey);
  if (prints === undefined) {
    prints = Object.fromEntries(
      [...new Set(files)]
        .sort()
        .map((file) => [`source:${shown(ctx, file)}`, ctx.hashes.hash(file)]),
    );
    ctx.sourcePrintMemo.set(memoKey, prints);
  }
  return prints;
}

/** An output's fingerprints from its parts, and the experiments whose trained runs it needs. */
function outputInputs(ctx: KeyContext, parts: OutputParts): OutputInputs {
  const experiments = [...parts.experiments.values()];
  return {
    id: parts.id,
    kind: parts.kind,
    inputs: {
      'cache-version': KEY_VERSION,
      ...sourcePrints(ctx, [...parts.files, ...experiments.flatMap((p) => p.files)]),
      ...Object.assign({}, ...experiments.map((p) => p.prints)),
      ...parts.extra,
    },
    training: [...parts.experiments].filter(([, part]) => part.training).map(([name]) => name),
  };
}

/** The version of a drawing package, as a fingerprint. */
function packageVersion(pkg: (typeof DRAWING_PACKAGES)[number]): Fingerprints {
  return { [`package:${pkg}`]: installedPackage(pkg).version };
}

/** A figure: its module's closure, its renderer and the writer, what it reads of each experiment, the fonts and the drawing packages. */
function figureInputs(ctx: KeyContext, figure: LoadedFigure): OutputInputs {
  const { format, experiments, reads } = figure.definition;
  const files = [
    ...ctx.closure(figure.file),
    ...ctx.closure(CODE[format]),
    resolve(ctx.projectRoot, CODE.dispatch),
    ...ctx.closure(CODE.writer),
  ];
  const fonts = Object.fromEntries(
    FONT_FILES.map((file) => [`font:${basename(file)}`, ctx.hashes.hash(file)]),
  );
  const extra = {
    ...fonts,
    // Which drawing: the dark one's key differs from the light one's by this alone, the half
    // size's from the full size's by its size.
    ...(figure.scheme === 'light' ? {} : { scheme: figure.scheme }),
    ...(figure.size === 'full' ? {} : { size: figure.size }),
    ...(format === 'svg' ? {} : packageVersion('@napi-rs/canvas')),
    ...(format === 'gif' ? packageVersion('gif-encoder-2') : {}),
  };
  const parts = new Map(experiments.map((name) => [name, experimentPart(ctx, name, reads)]));
  return outputInputs(ctx, { id: figure.id, kind: 'figure', files, experiments: parts, extra });
}

/** Fingerprint helpers over one build's sources (one esbuild run finds every closure). */
export function createKeyBuilder(sources: KeySources) {
  const { closure, memo } = sources.closures;
  const ctx: KeyContext = { ...sources, closure, sourcePrintMemo: new Map() };
  /** An output made from one experiment (its downloads, its results) by the modules `code`. */
  const experimentOutput = (
    id: string,
    kind: OutputKind,
    reads: FigureReads,
    code: readonly string[],
  ) => {
    const name = id.slice(0, id.indexOf('/'));
    return outputInputs(ctx, {
      id,
      kind,
      files: [...code.flatMap(ctx.closure), ...ctx.closure(CODE.writer)],
      experiments: new Map([[name, experimentPart(ctx, name, reads)]]),
    });
  };
  const datasets: FigureReads = { settings: ['dataSeed'], record: ['datasets'] };
  const everything: FigureReads = { settings: SETTING_KEYS, record: ['history'] };
  const pythonReads: FigureReads = { settings: SETTING_KEYS, record: ['datasets'] };
  // frameEvery picks the snapshots and changes no state of the run.
  const trainedHistory: FigureReads = { settings: TRAINED_RUN_SETTINGS, record: ['history'] };
  return {
    figure: (figure: LoadedFigure) => figureInputs(ctx, figure),
    /** A CSV download of an experiment's datasets ("tutorial/train-csv"). */
    download: (id: string) => experimentOutput(id, 'download', datasets, [CODE.downloads]),
    /**
     * An experiment's numpy program ("tutorial/python", "tutorial/notebook"): every setting, its
     * data (a CSV experiment's program reads the CSV downloads), its generator, and the engine it
     * redoes, so that a change to the engine writes it again.
     */
    python: (id: string) =>
      experimentOutput(id, 'download', pythonReads, [CODE.python, CODE.downloads, CODE.engine]),
    /** An experiment's history as CSV ("tutorial/history-csv"): made from its trained run, whatever the spacing of its snapshots. */
    history: (id: string) => experimentOutput(id, 'download', trainedHistory, [CODE.history]),
    /** An experiment's results ("tutorial/results"): every setting, its data, the engine and the code that summarises the run. */
    results: (id: string) => experimentOutput(id, 'results', everything, [CODE.results]),
    /** The key of an experiment's trained run (a stored run with this key is the same run). */
    run(name: string): string {
      const part = experimentPart(ctx, name, { settings: SETTING_KEYS, record: ['frames'] });
      return keyOf({
        'cache-version': KEY_VERSION,
        ...sourcePrints(ctx, part.files),
        ...part.prints,
      });
    },
    /** The project files a module is made of (any of the entries closures were found for). */
    closure,
    /** The closures found, to be kept for the next build. */
    closureMemo: memo,
    /** Every source file the keys were made of (for the build stamp and the watcher). */
    allSources: () =>
      [
        ...new Set(
          [...sources.figures.map((f) => f.file), ...Object.values(CODE)].flatMap(ctx.closure),
        ),
      ].sort(),
  };
}

/** The source files among `fingerprints` (absolute paths under `projectRoot`). */
export function sourceFiles(fingerprints: Fingerprints, projectRoot: string): string[] {
  return Object.keys(fingerprints)
    .filter((key) => key.startsWith('source:'))
    .map((key) => resolve(projectRoot, key.slice('source:'.length)));
}

/** In a few words, why `after` differs from `before`: "settings changed: learningRate", "source changed: src/nn/train.ts (+2 more)". */
export function describeChange(before: Fingerprints, after: Fingerprints): string {
  const kinds = new Map<string, string[]>();
  // In the order the new fingerprints are made (settings as declared), then those gone.
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
    if (before[key] === after[key]) continue;
    const colon = key.indexOf(':');
    const kind = colon === -1 ? key : key.slice(0, colon);
    const what = colon === -1 ? '' : key.slice(colon + 1);
    const change =
      before[key] === undefined
        ? `${what} (new)`
        : after[key] === undefined
          ? `${what} (gone)`
          : what;
    kinds.set(kind, [...(kinds.get(kind) ?? []), change]);
  }
  const order = ['setting', 'data', 'source', 'font', 'package', 'cache-version'];
  const label: Record<string, string> = {
    setting: 'settings changed',
    data: 'data changed',
    source: 'source changed',
    font: 'font changed',
    package: 'package changed',
  };
  const parts = [...kinds.keys()]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((kind) => {
      const items = kinds.get(kind)!;
      if (kind === 'cache-version') return 'cache format changed';
      if (kind === 'package')
        return `${label[kind]}: ${items.map((p) => `${p.replace(/ \((new|gone)\)$/, '')} ${before[`package:${p}`] ?? '-'} -> ${after[`package:${p}`] ?? '-'}`).join(', ')}`;
      const shown = items.slice(0, 2).join(', ');
      return `${label[kind] ?? kind}: ${shown}${items.length > 2 ? ` (+${items.length - 2} more)` : ''}`;
    });
  return parts.length === 0 ? 'unchanged' : parts.join('; ');
}
