/** The datasets of an experiment as CSV files offered for download: train-csv, validation-1-csv, ... */
import { datasetDownloadId } from '../../src/figures/figure-manifest.ts';
import { validationTitle } from '../../src/figures/run-results.ts';
import { toCsv } from '../../src/nn/csv.ts';
import type { Datasets } from '../../src/nn/datasets.ts';
import type { DownloadFile } from './write-outputs.ts';

/** One download per dataset of experiment `experiment`: the training set, then each validation set, as CSV text. */
export function datasetDownloads(experiment: string, datasets: Datasets): DownloadFile[] {
  const { train, validation } = datasets;
  return [
    {
      id: datasetDownloadId('train'),
      fileName: `${experiment}-train.csv`,
      format: 'CSV',
      label: `Training set, ${train.labels.length} images`,
      text: () => toCsv(train),
    },
    ...validation.map((dataset, k) => ({
      id: datasetDownloadId(k + 1),
      fileName: `${experiment}-validation-${k + 1}.csv`,
      format: 'CSV',
      label: `${validationTitle(dataset.name)}, ${dataset.labels.length} images`,
      text: () => toCsv(dataset),
    })),
  ];
}
