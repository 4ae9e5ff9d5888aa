/**
 * The command-line options for bringing your own data (--train FILE, --valid FILE ...), shared
 * by every script that trains, and the datasets they select.
 */
import { type Datasets, generateDatasets } from '../../src/nn/datasets.ts';
import type { Settings } from '../../src/nn/types.ts';
import { loadDatasetFile } from './dataset-file.ts';
import type { OptionSpec, ParsedOptions } from './options.ts';

/** --train FILE and --valid FILE (repeatable). */
export const DATA_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'train',
    kind: 'string',
    valueName: 'FILE',
    description: 'train on this CSV file instead of the generated training set',
  },
  {
    name: 'valid',
    kind: 'string',
    valueName: 'FILE',
    repeatable: true,
    description:
      'validate on this CSV file; given at least once, the files replace the generated validation sets',
  },
];

/** The datasets a command line asks for: generated from settings.dataSeed, with --train and --valid files replacing their part. */
export function datasetsFromOptions(options: ParsedOptions, settings: Settings): Datasets {
  const generated = generateDatasets(settings.dataSeed);
  const trainFile = options.train;
  const validFiles = options.valid;
  return {
    train: typeof trainFile === 'string' ? loadDatasetFile(trainFile) : generated.train,
    validation: Array.isArray(validFiles) ? validFiles.map(loadDatasetFile) : generated.validation,
  };
}
