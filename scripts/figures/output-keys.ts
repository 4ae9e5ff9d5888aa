/**
 * What each output of the build is made from, as named fingerprints, and its cache key (the
 * SHA-256 of them). A figure's fingerprints cover: the source files its module is made of (as
 * esbuild resolves its imports), its format's renderer and the writer; for each experiment it
 * reads, the settings it declares, and the data and the engine's sources when it reads the run;
 * the font files and the versions of the packages that draw and encode it. Nothing else (the
 * prose, other experiments, settings it does not declare) can change its key.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FigureReads } from '../../src/figures/figure-definition.ts';
import { SETTING_KEYS } from '../../src/nn/settings.ts';
import type { LoadedExperiment } from '../lib/experiment-file.ts';
import { sha256Hex } from '../lib/sha256.ts';
import type { LoadedFigure } from './figure-modules.ts';
import type { FileHashes } from './file-hashes.ts';
import { FONT_FILES } from './font-files.ts';
import { moduleClosures } from './module-closure.ts';
import { needsTraining } from './record-view.ts';

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
  png: 'scripts/figures/render-png.ts',
  svg: 'scripts/figures/render-svg.ts',
  gif: 'scripts/figures/render-gif.ts',
  dispatch: 'scripts/figures/render.ts',
  writer: 'scripts/figures/write-outputs.ts',
  data: 'scripts/lib/experiment-file.ts',
  engine: 'src/nn/train.ts',
  results: 'src/figures/run-results.ts',
  downloads: 'scripts/figures/dataset-downloads.ts',
} as const;

/** What the keys are computed from. */
export interface KeySources {
  projectRoot: string;
  hashes: FileHashes;
  experiments: ReadonlyMap<string, LoadedExperiment>;
  figures: readonly LoadedFigure[];
}

/** The source closures of the figure modules and of the build's own code, found in one esbuild run. */
async function closuresOf(sources: KeySources): Promise<(path: string) => string[]> {
  const at = (path: string) => resolve(sources.projectRoot, path);
  const entries = [...sources.figures.map((f) => f.file), ...Object.values(CODE).map(at)];
  const closures = await moduleClosures(entries, sources.projectRoot);
  return (path) => closures.get(isAbsolutePath(path) ? path : at(path))!;
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

/** Fingerprint helpers over one build's sources. */
export async function createKeyBuilder(sources: KeySources) {
  const { projectRoot, hashes, experiments } = sources;
  const closure = await closuresOf(sources);
  const name = (path: string) => relative(projectRoot, path).split(sep).join('/');
  const fontPrints = Object.fromEntries(
    FONT_FILES.map((file) => [`font:${basename(file)}`, hashes.hash(file)]),
  );
  const version = (pkg: (typeof DRAWING_PACKAGES)[number]) => ({
    [`package:${pkg}`]: installedPackage(pkg).version,
  });

  const sourcePrints = (files: Iterable<string>): Fingerprints =>
    Object.fromEntries(
      [...new Set(files)].sort().map((file) => [`source:${name(file)}`, hashes.hash(file)]),
    );

  /** What one experiment contributes to an output that reads `reads` of it. */
  const experimentPart = (experimentName: string, reads: FigureReads) => {
    const loaded = experiments.get(experimentName)!;
    const prints: Fingerprints = {};
    for (const key of reads.settings) {
      prints[`setting:${experimentName}/${key}`] = JSON.stringify(loaded.experiment.settings[key]);
    }
    const training = needsTraining(reads);
    const files: string[] = [];
    if (training || reads.record.includes('datasets')) {
      const file = (path: string) => `${name(path)} ${hashes.hash(path)}`;
      prints[`data:${experimentName}/train`] =
        loaded.trainFile === null ? 'generated from dataSeed' : file(loaded.trainFile);
      prints[`data:${experimentName}/validation`] =
        loaded.validFiles.length === 0
          ? 'generated from dataSeed'
          : loaded.validFiles.map(file).join(', ');
      files.push(...closure(CODE.data));
    }
    if (training) files.push(...closure(CODE.engine));
    return { prints, files, training };
  };

  const output = (
    id: string,
    kind: OutputKind,
    files: string[],
    parts: ReturnType<typeof experimentPart>[],
    names: string[],
    extra: Fingerprints,
  ): OutputInputs => ({
    id,
    kind,
    inputs: {
      'cache-version': KEY_VERSION,
      ...sourcePrints([...files, ...parts.flatMap((p) => p.files)]),
      ...Object.assign({}, ...parts.map((p) => p.prints)),
      ...extra,
    },
    training: names.filter((_, k) => parts[k]!.training),
  });

  return {
    /** A figure: its module's closure, its renderer and the writer, and what it reads of each experiment. */
    figure(figure: LoadedFigure): OutputInputs {
      const { format, experiments: names, reads } = figure.definition;
      const files = [
        ...closure(figure.file),
        ...closure(CODE[format]),
        at(projectRoot, CODE.dispatch),
        ...closure(CODE.writer),
      ];
      const parts = names.map((n) => experimentPart(n, reads));
      const tools = {
        ...fontPrints,
        ...(format === 'svg' ? {} : version('@napi-rs/canvas')),
        ...(format === 'gif' ? version('gif-encoder-2') : {}),
      };
      return output(figure.id, 'figure', files, parts, [...names], tools);
    },
    /** A CSV download of an experiment's datasets. */
    download(experimentName: string, id: string): OutputInputs {
      const part = experimentPart(experimentName, { settings: ['dataSeed'], record: ['datasets'] });
      return output(
        id,
        'download',
        [...closure(CODE.downloads), ...closure(CODE.writer)],
        [part],
        [experimentName],
        {},
      );
    },
    /** An experiment's results: every setting, its data, the engine and the code that summarises the run. */
    results(experimentName: string, id: string): OutputInputs {
      const part = experimentPart(experimentName, { settings: SETTING_KEYS, record: ['history'] });
      return output(
        id,
        'results',
        [...closure(CODE.results), ...closure(CODE.writer)],
        [part],
        [experimentName],
        {},
      );
    },
    /** The key of an experiment's trained run: every setting, its data and the engine (a stored run with this key is the same run). */
    run(experimentName: string): string {
      const part = experimentPart(experimentName, { settings: SETTING_KEYS, record: ['frames'] });
      return keyOf({ 'cache-version': KEY_VERSION, ...sourcePrints(part.files), ...part.prints });
    },
    /** Every source file the keys were made of (for the build stamp and the watcher). */
    allSources(): string[] {
      return [
        ...new Set(
          [...sources.figures.map((f) => f.file), ...Object.values(CODE)].flatMap((p) =>
            closure(p),
          ),
        ),
      ].sort();
    },
  };
}

function at(projectRoot: string, path: string): string {
  return resolve(projectRoot, path);
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
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
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
