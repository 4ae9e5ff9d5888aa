/**
 * `npm run train`: train the tutorial's network from the command line and print a table of
 * its progress, or (--json) the whole run record.
 *
 * Exit codes: 0 success, 1 training diverged, 2 bad arguments or bad input (a message on
 * stderr and nothing on stdout).
 */

import type { Datasets } from '../src/nn/datasets.ts';
import { DataError, DivergenceError, SettingsError } from '../src/nn/errors.ts';
import { runRecordToJson } from '../src/nn/run-record-json.ts';
import { train } from '../src/nn/train.ts';
import type { RunRecord, Settings } from '../src/nn/types.ts';
import { DATA_OPTIONS, datasetsFromOptions } from './lib/data-options.ts';
import { experimentDatasets, loadExperiment } from './lib/experiment-file.ts';
import {
  formatHelp,
  type OptionSpec,
  type ParsedOptions,
  parseOptions,
  UsageError,
} from './lib/options.ts';
import { SETTINGS_OPTIONS, settingsFromOptions } from './lib/settings-options.ts';

/** Iterations between the rows of the progress table. */
const TABLE_EVERY = 20;

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'experiment',
    kind: 'string',
    valueName: 'NAME',
    description:
      'train content/experiments/NAME.json (its settings and data); options below override it',
  },
  ...SETTINGS_OPTIONS,
  ...DATA_OPTIONS,
  { name: 'json', kind: 'flag', description: 'print the run record as JSON instead of a table' },
  { name: 'help', kind: 'flag', description: 'show this help' },
];

const HELP = formatHelp(
  'npm run train -- [options]',
  OPTIONS,
  [
    'Without --train and --valid the datasets are generated from the data seed. A CSV file has a header',
    'row, then one image per row: 9 pixel values in [0, 1] (row-major) and the class (0 vertical, 1 horizontal).',
    'Exit codes: 0 done, 1 training diverged, 2 bad arguments or bad input.',
  ].join('\n'),
);

/** The progress table: settings, loss and accuracy every TABLE_EVERY iterations and at the end, then the results. */
function formatTable(record: RunRecord, dataNote: string): string {
  const { settings, history, validation } = record;
  const lines = [
    `Training a 9-${settings.hiddenUnits}-2 network: ${Object.entries(settings)
      .map(([key, value]) => `${key} ${value}`)
      .join(', ')}`,
    dataNote,
    '',
    'iteration          loss  accuracy',
  ];
  for (const { iteration, loss, accuracy } of history) {
    if (iteration % TABLE_EVERY === 0 || iteration === settings.iterations) {
      lines.push(
        `${String(iteration).padStart(9)}  ${loss.toFixed(6).padStart(12)}  ${accuracy.toFixed(4).padStart(8)}`,
      );
    }
  }
  lines.push('');
  lines.push(
    record.firstPerfectIteration === null
      ? 'Accuracy never reached 1.'
      : `First iteration with accuracy 1: ${record.firstPerfectIteration}`,
  );
  lines.push('Validation accuracy of the final network:');
  record.datasets.validation.forEach((dataset, i) => {
    const result = validation[i]!;
    lines.push(
      `  ${dataset.name}: ${result.accuracy.toFixed(4)} (${result.correct} of ${dataset.labels.length} correct)`,
    );
  });
  return `${lines.join('\n')}\n`;
}

/** Where the training set comes from, in words: "from mine.csv", "generated from dataSeed 2024". */
function trainSource(file: string | null, settings: Settings): string {
  return file === null ? `generated from dataSeed ${settings.dataSeed}` : `from ${file}`;
}

/** The settings and datasets the options ask for: an experiment's, or the defaults, with the options given overriding them. */
function runInputs(options: ParsedOptions): {
  settings: Settings;
  datasets: Datasets;
  source: string;
} {
  const name = options.experiment;
  const trainOption = typeof options.train === 'string' ? options.train : null;
  if (typeof name !== 'string') {
    const settings = settingsFromOptions(options);
    return {
      settings,
      datasets: datasetsFromOptions(options, settings),
      source: trainSource(trainOption, settings),
    };
  }
  if (options.config !== undefined)
    throw new UsageError('--experiment and --config cannot go together');
  const loaded = loadExperiment(process.cwd(), name);
  const settings = settingsFromOptions(options, loaded.experiment.settings);
  const own = experimentDatasets(loaded);
  const chosen = datasetsFromOptions(options, settings);
  return {
    settings,
    datasets: {
      train: options.train === undefined ? own.train : chosen.train,
      validation: options.valid === undefined ? own.validation : chosen.validation,
    },
    // An experiment's own CSV file is named as its file names it, relative to content/.
    source: trainSource(trainOption ?? loaded.experiment.train, settings),
  };
}

/** Runs the command with `argv` (the arguments after the script); returns the exit code. */
function main(argv: readonly string[]): number {
  try {
    const options = parseOptions(argv, OPTIONS);
    if (options.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    const { settings, datasets, source } = runInputs(options);
    const record = train(settings, datasets);
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify(runRecordToJson(record))}\n`);
    } else {
      const dataNote = `Training set: ${datasets.train.images.length} images ${source}; validation sets: ${datasets.validation
        .map((d) => `${d.name} (${d.images.length})`)
        .join(', ')}`;
      process.stdout.write(formatTable(record, dataNote));
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `error: ${error.message}\nRun "npm run train -- --help" for the options.\n`,
      );
      return 2;
    }
    if (error instanceof SettingsError || error instanceof DataError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DivergenceError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
