/**
 * The experiments of a project: content/experiments/NAME.json, read and checked, with their data
 * files resolved inside the project. Every problem is a SettingsError (or DataError) naming the
 * file, as the author wrote its path, and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { type Datasets, generateDatasets } from '../../src/nn/datasets.ts';
import { SettingsError } from '../../src/nn/errors.ts';
import { type Experiment, validateExperiment } from '../../src/nn/experiment.ts';
import { loadDatasetFile } from './dataset-file.ts';
import { fileProblem } from './file-problem.ts';
import { parseJsonFile } from './json-file.ts';

/** Where experiments live, relative to the project root. */
export const EXPERIMENTS_DIR = 'content/experiments';

/** An experiment with the files it reads, as absolute paths. */
export interface LoadedExperiment {
  experiment: Experiment;
  /** The experiment's own file. */
  file: string;
  /** Its CSV files, absolute (null and []: generated from dataSeed). */
  trainFile: string | null;
  validFiles: string[];
}

/** The names of the project's experiments, sorted (the file names without .json). */
export function experimentNames(projectRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(projectRoot, EXPERIMENTS_DIR));
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** The file of experiment `name`, relative to the project root (as messages show it). */
export function experimentFile(name: string): string {
  return `${EXPERIMENTS_DIR}/${name}.json`;
}

/** Reads and checks experiment `name` of the project at `projectRoot`. */
export function loadExperiment(projectRoot: string, name: string): LoadedExperiment {
  const shown = experimentFile(name);
  const file = join(projectRoot, shown);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SettingsError(shown, '', fileProblem(error));
  }
  const experiment = validateExperiment(parseJsonFile(text, shown), name, shown);
  const inside = (path: string, field: string) => dataPath(projectRoot, path, shown, field);
  return {
    experiment,
    file,
    trainFile: experiment.train === null ? null : inside(experiment.train, 'train'),
    validFiles: experiment.valid.map((path) => inside(path, 'valid')),
  };
}

/** Every experiment of the project, by name. */
export function loadExperiments(projectRoot: string): Map<string, LoadedExperiment> {
  return new Map(
    experimentNames(projectRoot).map((name) => [name, loadExperiment(projectRoot, name)]),
  );
}

/** The datasets of an experiment: generated from its dataSeed, with its CSV files replacing their part. */
export function experimentDatasets(
  loaded: LoadedExperiment,
  generate: (dataSeed: number) => Datasets = generateDatasets,
): Datasets {
  const generated = generate(loaded.experiment.settings.dataSeed);
  return {
    train: loaded.trainFile === null ? generated.train : loadDatasetFile(loaded.trainFile),
    validation:
      loaded.validFiles.length === 0
        ? generated.validation
        : loaded.validFiles.map(loadDatasetFile),
  };
}

/** A data file named in an experiment, relative to content/, as an absolute path that must stay inside the project. */
function dataPath(projectRoot: string, path: string, source: string, field: string): string {
  const absolute = resolve(projectRoot, 'content', path);
  const fromRoot = relative(projectRoot, absolute);
  if (isAbsolute(path) || fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    throw new SettingsError(
      source,
      field,
      `must name a file inside the project, relative to content/ (got "${path}")`,
    );
  }
  if (!path.toLowerCase().endsWith('.csv')) {
    throw new SettingsError(source, field, `must name a .csv file (got "${path}")`);
  }
  return absolute;
}
