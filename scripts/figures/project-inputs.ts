/**
 * The first stage of a build: everything the project asks for, read and checked before anything
 * is written. Its experiments with their datasets and its figure modules
 * (readProjectSources), then its pages' references to both (withPages, which may parse them on
 * a worker thread while the build goes on; it waits for them before it writes anything). Any
 * problem stops the build, naming the file.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Datasets, generateDatasets } from '../../src/nn/datasets.ts';
import {
  EXPERIMENTS_DIR,
  experimentDatasets,
  experimentNames,
  type LoadedExperiment,
  loadExperiments,
} from '../lib/experiment-file.ts';
import { experimentDownloadIds } from './experiment-downloads.ts';
import {
  FIGURES_DIR,
  FigureModuleError,
  type LoadedFigure,
  loadFigures,
} from './figure-modules.ts';
import type { FileHashes } from './file-hashes.ts';
import {
  checkPageReferences,
  type KnownOutputs,
  PAGES_DIR,
  type PageReferenceMemo,
  pageFiles,
} from './page-references.ts';

/** The project's experiments, with their datasets, and its figure modules, read and checked. */
export interface ProjectSources {
  root: string;
  experiments: Map<string, LoadedExperiment>;
  datasets: Map<string, Datasets>;
  figures: LoadedFigure[];
  /** What the pages may name. */
  known: KnownOutputs;
}

/** The project as one build sees it. */
export interface ProjectInputs extends Omit<ProjectSources, 'known'> {
  /** The pages (absolute paths), read for their references. */
  pages: string[];
}

/** Reads and checks the experiments and figure modules at `root`; the experiment files are hashed before they are read, so the build stamp never holds a newer hash than what was built. */
export async function readProjectSources(
  root: string,
  hashes: FileHashes,
): Promise<ProjectSources> {
  for (const name of experimentNames(root))
    hashes.hash(join(root, EXPERIMENTS_DIR, `${name}.json`));
  const experiments = loadExperiments(root);
  // Generated once per data seed: experiments that share one (most do) share its datasets, which nothing modifies.
  const generated = new Map<number, Datasets>();
  const generate = (dataSeed: number) =>
    generated.get(dataSeed) ?? generated.set(dataSeed, generateDatasets(dataSeed)).get(dataSeed)!;
  const datasets = new Map(
    [...experiments].map(([name, loaded]) => [name, experimentDatasets(loaded, generate)]),
  );
  const figures = await loadFigures(root);
  for (const figure of figures) {
    for (const name of figure.definition.experiments) {
      if (!experiments.has(name)) {
        throw new FigureModuleError(
          figure.shown,
          `figure "${figure.id}" names experiment "${name}", which ${EXPERIMENTS_DIR}/ does not have (it has ${[...experiments.keys()].join(', ')})`,
        );
      }
    }
  }
  const known: KnownOutputs = {
    // Pages name a figure by its own id; its dark drawing comes with it.
    figures: new Set(figures.filter((f) => f.scheme === 'light').map((f) => f.id)),
    darkFigures: new Set(
      figures.filter((f) => f.scheme === 'dark').map((f) => f.id.replace(/\.dark$/, '')),
    ),
    experiments: new Set(experiments.keys()),
    downloads: (name) =>
      new Set(
        experiments.has(name)
          ? experimentDownloadIds(experiments.get(name)!.experiment, datasets.get(name)!)
          : [],
      ),
  };
  return { root, experiments, datasets, figures, known };
}

/**
 * The project, and its pages checked against what it makes: a PageError names every problem.
 * The pages are parsed on a worker thread when there are enough of them to parse: the promise
 * settles while this thread trains and draws, and the build awaits it before it writes anything.
 */
export function withPages(
  sources: ProjectSources,
  pageMemo: PageReferenceMemo,
): { project: ProjectInputs; pageReferences: Promise<PageReferenceMemo> } {
  const { known, ...project } = sources;
  const pageReferences = checkPageReferences(sources.root, known, pageMemo, 'worker');
  // Until it is awaited, a failure must not count as unhandled.
  pageReferences.catch(() => undefined);
  return { project: { ...project, pages: pageFiles(sources.root) }, pageReferences };
}

/** The folders whose lists of files are inputs of the build (a figure, experiment or page added or removed), with their entries. */
export function inputListings(root: string): Record<string, string[]> {
  const listings: Record<string, string[]> = {};
  const list = (dir: string, recurse: boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    listings[dir] = names;
    if (!recurse) return;
    for (const name of names)
      if (statSync(join(dir, name)).isDirectory()) list(join(dir, name), true);
  };
  list(join(root, PAGES_DIR), true);
  for (const dir of [FIGURES_DIR, EXPERIMENTS_DIR])
    if (listings[join(root, dir)] === undefined) list(join(root, dir), false);
  return listings;
}
