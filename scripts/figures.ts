/**
 * `npm run figures`: trains the network once with the settings in content/experiment.json (and
 * any --train / --valid data files), then draws every figure of the tutorial into
 * public/generated/ and writes src/generated/results.json and figures.json.
 *
 * Exit codes: 0 done, 1 training diverged, 2 bad arguments, settings or data. On any error
 * nothing is written, so the last good figures and results stay as they were.
 */
import { join } from 'node:path';
import { DataError, DivergenceError, SettingsError } from '../src/nn/errors.ts';
import { train } from '../src/nn/train.ts';
import { DATA_OPTIONS, datasetsFromOptions } from './lib/data-options.ts';
import { formatHelp, parseOptions, UsageError, type OptionSpec } from './lib/options.ts';
import { loadSettingsFile } from './lib/settings-file.ts';
import { buildFigures } from './figures/build-figures.ts';
import { formatFigureLine, formatBytes } from './figures/report.ts';

const DEFAULT_CONFIG = 'content/experiment.json';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'config', kind: 'string', valueName: 'FILE', description: 'the experiment settings (JSON)', defaultText: DEFAULT_CONFIG },
  ...DATA_OPTIONS,
  { name: 'out', kind: 'string', valueName: 'DIR', description: 'write public/generated/ and src/generated/ under DIR', defaultText: '.' },
  { name: 'help', kind: 'flag', description: 'show this help' },
];

const HELP = formatHelp(
  'npm run figures -- [options]',
  OPTIONS,
  'Exit codes: 0 done, 1 training diverged, 2 bad arguments, settings or data (nothing is written then).',
);

async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseOptions(argv, OPTIONS);
    if (options['help'] === true) {
      process.stdout.write(HELP);
      return 0;
    }
    const started = performance.now();
    const configPath = typeof options['config'] === 'string' ? options['config'] : DEFAULT_CONFIG;
    const settings = loadSettingsFile(configPath);
    const datasets = datasetsFromOptions(options, settings);
    const trainStart = performance.now();
    const record = train(settings, datasets);
    const trainMs = performance.now() - trainStart;
    const root = typeof options['out'] === 'string' ? options['out'] : '.';
    const summary = await buildFigures(record, { publicDir: join(root, 'public'), generatedDir: join(root, 'src', 'generated') });

    const lines = [
      `trained ${record.settings.iterations} iterations of a 9-${record.settings.hiddenUnits}-2 network in ${trainMs.toFixed(0)} ms`,
      'figures (time from the start of drawing to the finished file; PNGs encode in parallel with the animation):',
    ];
    for (const figure of summary.figures) {
      const file = summary.files.find((f) => f.id === figure.id)!;
      lines.push(formatFigureLine(figure.id, figure.format, figure.width, figure.height, figure.bytes.length, figure.ms, file.path));
    }
    const data = summary.files.filter((f) => f.path.startsWith('generated/data/'));
    lines.push(`data: ${data.map((f) => `${f.path} (${formatBytes(f.bytes)})`).join(', ')}`);
    if (summary.removed.length > 0) lines.push(`removed ${summary.removed.length} old file(s): ${summary.removed.join(', ')}`);
    const first = record.firstPerfectIteration;
    lines.push(
      `final loss ${record.history.at(-1)!.loss.toFixed(4)}; accuracy 1 ${first === null ? 'never reached' : `first at iteration ${first}`}; ` +
        `validation ${record.validation.map((v) => `${v.name} ${v.accuracy.toFixed(3)}`).join(', ')}`,
    );
    lines.push(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof SettingsError || error instanceof DataError) {
      process.stderr.write(`figures: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DivergenceError) {
      process.stderr.write(`figures: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
