/** Every file an experiment offers for download: its datasets as CSV, then its numpy program and notebook. */
import type { Datasets } from '../../src/nn/datasets.ts';
import type { Experiment } from '../../src/nn/experiment.ts';
import { datasetDownloads } from './dataset-downloads.ts';
import { pythonDownloads } from './python-downloads.ts';
import type { DownloadFile } from './write-outputs.ts';

/** The training set, each validation set, the program (NAME.py) and the notebook (NAME.ipynb). */
export function experimentDownloads(experiment: Experiment, datasets: Datasets): DownloadFile[] {
  return [...datasetDownloads(experiment.name, datasets), ...pythonDownloads(experiment, datasets)];
}
