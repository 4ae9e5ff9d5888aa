/** Every file an experiment offers for download: its datasets as CSV, its numpy program and notebook, and its run's history. */
import type { Datasets } from '../../src/nn/datasets.ts';
import type { Experiment } from '../../src/nn/experiment.ts';
import type { HistoryEntry } from '../../src/nn/types.ts';
import { datasetDownloads } from './dataset-downloads.ts';
import { historyDownload } from './history-download.ts';
import { pythonDownloads } from './python-downloads.ts';
import type { DownloadFile } from './write-outputs.ts';

/** The training set, each validation set, the program (NAME.py), the notebook (NAME.ipynb) and the history (NAME-history.csv, from `history`, the trained run's). */
export function experimentDownloads(
  experiment: Experiment,
  datasets: Datasets,
  history: () => readonly HistoryEntry[],
): DownloadFile[] {
  return [
    ...datasetDownloads(experiment.name, datasets),
    ...pythonDownloads(experiment, datasets),
    historyDownload(experiment.name, history),
  ];
}

/** The ids of the downloads of `experiment` (listing them trains nothing). */
export function experimentDownloadIds(experiment: Experiment, datasets: Datasets): string[] {
  const untrained = () => {
    throw new Error(`listing the downloads of experiment "${experiment.name}" read its history`);
  };
  return experimentDownloads(experiment, datasets, untrained).map((d) => d.id);
}
