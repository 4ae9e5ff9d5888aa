/**
 * What each output of the figure build is made from, as named fingerprints, and its cache key
 * (the SHA-256 of them). A figure's fingerprints cover: the source text of the modules that draw
 * it (followed through their imports, src/figures/figure-catalogue.ts itself, the renderer of its
 * format and the writer), the engine's sources and the data when it reads the run, the settings
 * it declares, the font files and the versions of the packages that draw and encode it.
 * Anything else (the tutorial's prose, settings it does not declare) cannot change its key.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FigureDefinition, FigureInputs } from '../../src/figures/figure-catalogue.ts';
import { SETTING_KEYS } from '../../src/nn/settings.ts';
import type { Settings } from '../../src/nn/types.ts';
import { sha256Hex } from '../lib/sha256.ts';
import { FONT_FILES } from './font-files.ts';
import { followImports, type SourceReader } from './import-graph.ts';
import { needsTraining } from './record-view.ts';

/** Bump to invalidate every cached output when the meaning of the keys changes. */
const KEY_VERSION = '1';

/** An output's inputs by name ("source:src/figures/heatmap.ts", "setting:learningRate", "font:...", "package:...") with a fingerprint each. */
export type Fingerprints = Record<string, string>;

/** The kinds of output: a figure file, a CSV download, results.json. */
export type OutputKind = 'figure' | 'download' | 'results';

/** One output's fingerprints: `inputs` decide its file; `textInputs` (figures) its alt text and caption. */
export interface OutputInputs {
  id: string;
  kind: OutputKind;
  inputs: Fingerprints;
  textInputs?: Fingerprints;
  /** Whether making it (or its text) needs the trained network, not only settings and datasets. */
  training: boolean;
}

/** What the keys are computed from. */
export interface KeySources {
  /** The project whose sources are read (the folder holding src/ and scripts/). */
  projectRoot: string;
  reader: SourceReader;
  settings: Settings;
  /** The data files given with --train and --valid, as given. */
  dataFiles: { train: string | null; valid: readonly string[] };
}

/** The project this module belongs to. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The SHA-256 of the fingerprints, in a fixed order. */
export function keyOf(fingerprints: Fingerprints): string {
  const entries = Object.entries(fingerprints).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(JSON.stringify(entries));
}

/** The packages that draw and encode the figures: their versions are part of the keys. */
export const DRAWING_PACKAGES = ['@napi-rs/canvas', 'gif-encoder-2'] as const;

/** The package.json of an installed package and the version it states, found from the file the package's name resolves to. */
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

/** Fingerprint helpers over one build's sources, reading each file once. */
export function createKeyBuilder(sources: KeySources) {
  const { projectRoot, reader, settings, dataFiles } = sources;
  const at = (path: string) => resolve(projectRoot, path);
  const name = (path: string) => relative(projectRoot, path).split(sep).join('/');
  const catalogue = at('src/figures/figure-catalogue.ts');
  const renderers = {
    png: at('scripts/figures/render-png.ts'),
    svg: at('scripts/figures/render-svg.ts'),
    gif: at('scripts/figures/render-gif.ts'),
  };
  const closures = new Map<string, string[]>();
  /** The closure of `entries`, memoised (the same entries recur across figures). */
  const follow = (entries: string[], stopAt?: ReadonlySet<string>) => {
    const id = `${entries.join('\n')}|${[...(stopAt ?? [])].join('\n')}`;
    let files = closures.get(id);
    if (files === undefined) {
      files = followImports(entries, reader, stopAt === undefined ? {} : { stopAt });
      closures.set(id, files);
    }
    return files;
  };
  // The writer: the dispatcher and the file writing, not following into the catalogue or the
  // format renderers (each figure adds its own).
  const writer = () =>
    follow(
      [at('scripts/figures/render.ts'), at('scripts/figures/write-outputs.ts')],
      new Set([catalogue, ...Object.values(renderers)]),
    );
  // The run's inputs: how the datasets are made or read, and how the network is trained.
  const dataCode = () => follow([at('scripts/lib/data-options.ts')]);
  const engineCode = () => follow([at('src/nn/train.ts')]);

  const dataFingerprint = (): Fingerprints => {
    const file = (path: string) => `${path} ${reader.hash(resolve(path))}`;
    return {
      'data:train': dataFiles.train === null ? 'generated from dataSeed' : file(dataFiles.train),
      'data:validation':
        dataFiles.valid.length === 0
          ? 'generated from dataSeed'
          : dataFiles.valid.map(file).join(', '),
    };
  };

  const fingerprints = (
    files: readonly string[],
    settingKeys: readonly (keyof Settings)[],
    options: { data: boolean; extra?: Fingerprints },
  ): Fingerprints => {
    const result: Fingerprints = { 'cache-version': KEY_VERSION };
    for (const file of files) result[`source:${name(file)}`] = reader.hash(file);
    for (const key of settingKeys) result[`setting:${key}`] = JSON.stringify(settings[key]);
    if (options.data) Object.assign(result, dataFingerprint());
    Object.assign(result, options.extra);
    return result;
  };

  /** Sources, settings and data of something that reads the run as `inputs` declares. */
  const runPart = (inputs: Pick<FigureInputs, 'settings' | 'record'>) => {
    const training = needsTraining(inputs);
    const data = training || inputs.record.includes('datasets');
    const files = [...(data ? dataCode() : []), ...(training ? engineCode() : [])];
    return { files, settings: inputs.settings, data, training };
  };

  let fontPrints: Fingerprints | undefined;
  const fonts = (): Fingerprints => {
    fontPrints ??= Object.fromEntries(
      FONT_FILES.map((file) => [`font:${basename(file)}`, reader.hash(file)]),
    );
    return fontPrints;
  };
  const packages = new Map<string, string>();
  const version = (pkg: (typeof DRAWING_PACKAGES)[number]): Fingerprints => {
    if (!packages.has(pkg)) packages.set(pkg, installedPackage(pkg).version);
    return { [`package:${pkg}`]: packages.get(pkg)! };
  };

  return {
    /** A figure's fingerprints: one set for its file, one for its alt text and caption. */
    figure(figure: FigureDefinition): OutputInputs {
      const run = runPart(figure.inputs);
      // The catalogue's own text is part of every figure's key; following its imports would
      // make each figure depend on every other figure's code.
      const notCatalogue = new Set([catalogue]);
      const fromCatalogue = (modules: readonly string[]) =>
        follow(
          modules.map((m) => resolve(dirname(catalogue), m)),
          notCatalogue,
        );
      const drawing = new Set([
        catalogue,
        ...fromCatalogue(figure.inputs.draw),
        ...follow([renderers[figure.format]], notCatalogue),
        ...writer(),
        ...run.files,
      ]);
      const writing = new Set([
        catalogue,
        ...fromCatalogue(figure.inputs.text),
        ...writer(),
        ...run.files,
      ]);
      const tools = {
        ...fonts(),
        ...(figure.format === 'svg' ? {} : version('@napi-rs/canvas')),
        ...(figure.format === 'gif' ? version('gif-encoder-2') : {}),
      };
      return {
        id: figure.id,
        kind: 'figure',
        inputs: fingerprints([...drawing].sort(), run.settings, { data: run.data, extra: tools }),
        textInputs: fingerprints([...writing].sort(), run.settings, { data: run.data }),
        training: run.training,
      };
    },
    /** A CSV download: the datasets and the code that makes and writes them. */
    download(id: string): OutputInputs {
      const files = new Set([
        ...follow([at('scripts/figures/dataset-downloads.ts')]),
        ...writer(),
        ...dataCode(),
      ]);
      return {
        id,
        kind: 'download',
        inputs: fingerprints([...files].sort(), ['dataSeed'], { data: true }),
        training: false,
      };
    },
    /** results.json: every setting, the data, the engine and the code that summarises the run. */
    results(): OutputInputs {
      const files = new Set([
        ...follow([at('src/figures/run-results.ts')]),
        ...writer(),
        ...dataCode(),
        ...engineCode(),
      ]);
      return {
        id: 'results',
        kind: 'results',
        inputs: fingerprints([...files].sort(), SETTING_KEYS, { data: true }),
        training: true,
      };
    },
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
