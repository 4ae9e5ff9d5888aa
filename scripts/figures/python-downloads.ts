/**
 * An experiment's numpy program offered for download, as a script (NAME.py) and as a notebook
 * (NAME.ipynb), both written by src/python/. A program for an experiment with CSV files reads
 * the CSV downloads under the names a browser saves them as.
 */
import type { Datasets } from '../../src/nn/datasets.ts';
import type { Experiment } from '../../src/nn/experiment.ts';
import { pythonNotebook } from '../../src/python/notebook.ts';
import { type ProgramInput, pythonProgram } from '../../src/python/program.ts';
import { pythonScript } from '../../src/python/script.ts';
import { datasetDownloads } from './dataset-downloads.ts';
import type { DownloadFile } from './write-outputs.ts';

/** Whether download `id` of an experiment is its numpy program or notebook (they are keyed apart from the CSV files). */
export function isPythonDownload(id: string): boolean {
  return id === 'python' || id === 'notebook';
}

/** What the program of `experiment` is written from: its settings, and which datasets it reads from which CSV download. */
function programInput(experiment: Experiment, datasets: Datasets): ProgramInput {
  const [train, ...validation] = datasetDownloads(experiment.name, datasets);
  return {
    experiment: experiment.name,
    settings: experiment.settings,
    trainFile:
      experiment.train === null ? null : { name: datasets.train.name, file: train!.fileName },
    validationFiles:
      experiment.valid.length === 0
        ? []
        : datasets.validation.map((d, k) => ({ name: d.name, file: validation[k]!.fileName })),
  };
}

/** The experiment's program as NAME.py and as NAME.ipynb, each with the CSV downloads it reads. */
export function pythonDownloads(experiment: Experiment, datasets: Datasets): DownloadFile[] {
  const program = () => pythonProgram(programInput(experiment, datasets));
  const name = experiment.name;
  const csv = datasetDownloads(name, datasets).map((d) => d.id);
  const reads = [
    ...(experiment.train === null ? [] : csv.slice(0, 1)),
    ...(experiment.valid.length === 0 ? [] : csv.slice(1)),
  ];
  const needs = reads.length === 0 ? {} : { reads };
  return [
    {
      id: 'python',
      fileName: `${name}.py`,
      format: 'Python',
      label: `${name}.py`,
      text: () => pythonScript(program()),
      ...needs,
    },
    {
      id: 'notebook',
      fileName: `${name}.ipynb`,
      format: 'Jupyter notebook',
      label: `${name}.ipynb`,
      text: () => pythonNotebook(program()),
      ...needs,
    },
  ];
}
