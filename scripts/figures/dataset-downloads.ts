/** The datasets of an experiment as CSV files offered for download: train-csv, validation-1-csv, ... */
import { validationTitle } from '../../src/figures/run-results.ts';
import { toCsv } from '../../src/nn/csv.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import type { DownloadFile } from './write-outputs.ts';

/** One download per dataset: the training set, then each validation set, as CSV text. */
export function datasetDownloads(record: Pick<RunRecord, 'datasets'>): DownloadFile[] {
  const { train, validation } = record.datasets;
  return [
    {
      id: 'train-csv',
      name: 'train',
      label: `Training set (${train.labels.length} images)`,
      text: toCsv(train),
    },
    ...validation.map((dataset, k) => ({
      id: `validation-${k + 1}-csv`,
      name: `validation-${k + 1}`,
      label: `${validationTitle(dataset.name)} (${dataset.labels.length} images)`,
      text: toCsv(dataset),
    })),
  ];
}
