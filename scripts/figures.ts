/**
 * `npm run figures`: brings the tutorial's figures, dataset downloads and results up to date
 * with content/experiment.json (and any --train / --valid data files), redrawing only what is
 * stale: each output is keyed on exactly the sources, settings, data, font and packages it is
 * made from (scripts/figures/output-keys.ts). Trains the network at most once, and not at all
 * when nothing that needs it is stale. Usually started through scripts/run-figures.mjs, which
 * answers "nothing changed" without loading this TypeScript.
 *
 * Exit codes: 0 done (or, with --check, everything fresh); 1 training diverged, or --check
 * found stale or missing outputs; 2 bad arguments, settings or data. On any error nothing is
 * written, so the last good figures and results stay as they were.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, DivergenceError, SettingsError } from '../src/nn/errors.ts';
import { createProgress } from './figures/progress.ts';
import { UndeclaredInputError } from './figures/record-view.ts';
import { formatRunSummary } from './figures/report.ts';
import { type BuildRequest, runFigureBuild } from './figures/run-build.ts';
import { settingsErrorMessage } from './figures/setting-location.ts';
import { DATA_OPTIONS } from './lib/data-options.ts';
import { formatHelp, type OptionSpec, parseOptions, UsageError } from './lib/options.ts';

const DEFAULT_CONFIG = 'content/experiment.json';

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'config',
    kind: 'string',
    valueName: 'FILE',
    description: 'the experiment settings (JSON)',
    defaultText: DEFAULT_CONFIG,
  },
  ...DATA_OPTIONS,
  {
    name: 'out',
    kind: 'string',
    valueName: 'DIR',
    description: 'write public/generated/ and src/generated/ under DIR',
    defaultText: '.',
  },
  {
    name: 'check',
    kind: 'flag',
    description: 'write nothing; list stale or missing outputs and exit with 1 if there are any',
  },
  { name: 'force', kind: 'flag', description: 'redraw everything, fresh or not' },
  { name: 'help', kind: 'flag', description: 'show this help' },
];

const HELP = formatHelp(
  'npm run figures -- [options]',
  OPTIONS,
  'Exit codes: 0 done (with --check: all fresh); 1 training diverged, or --check found stale or missing outputs;\n' +
    '2 bad arguments, settings or data (nothing is written then).',
);

/** The files whose code is this command: the build stamp records them (scripts/run-figures.mjs). */
const COMMAND_ENTRIES = [
  fileURLToPath(import.meta.url),
  fileURLToPath(new URL('./run-figures.mjs', import.meta.url)),
];

/** Test hook: FIGURES_TEST_STOP_AFTER=<step> makes the build print "stopped after <step>" and wait there, to be killed. */
function stopAfter(step: string): void {
  if (process.env.FIGURES_TEST_STOP_AFTER !== step) return;
  process.stdout.write(`stopped after ${step}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseOptions(argv, OPTIONS);
    if (options.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    if (options.check === true && options.force === true)
      throw new UsageError('--check and --force cannot go together');
    const valid = options.valid;
    const request: BuildRequest = {
      configPath: typeof options.config === 'string' ? options.config : DEFAULT_CONFIG,
      trainFile: typeof options.train === 'string' ? options.train : null,
      validFiles: Array.isArray(valid) ? valid : [],
      outRoot: resolve(typeof options.out === 'string' ? options.out : '.'),
      mode: options.check === true ? 'check' : options.force === true ? 'force' : 'build',
      command: {
        cwd: process.cwd(),
        args: argv.filter((arg) => arg !== '--check' && arg !== '--force'),
        entries: COMMAND_ENTRIES,
      },
      progress: createProgress(process.stdout),
      onStep: stopAfter,
    };
    const report = await runFigureBuild(request);
    // For the benchmark: the build's report, and the time since the process started.
    const reportFile = process.env.FIGURES_REPORT;
    if (reportFile !== undefined)
      writeFileSync(
        reportFile,
        JSON.stringify({ fastPath: false, processMs: performance.now(), ...report }),
      );
    const total = report.outputs.length;
    // The build itself, and the whole command with Node's and tsx's start-up.
    const seconds = `${(report.totalMs / 1000).toFixed(2)} s (${(performance.now() / 1000).toFixed(2)} s with start-up)`;
    const lines: string[] = [];
    if (request.mode === 'check') {
      lines.push(
        report.notFresh === 0
          ? `all ${total} outputs fresh (${seconds})`
          : `${report.notFresh} of ${total} outputs stale or missing: run \`npm run figures\``,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
      return report.notFresh === 0 ? 0 : 1;
    }
    const made = report.outputs.filter((o) => o.made).length;
    if (report.trained) lines.push(`trained once: ${report.trainMs.toFixed(0)} ms`);
    else if (made > 0) lines.push('training skipped: nothing stale needs the trained network');
    if (report.run !== null) lines.push(formatRunSummary(report.run));
    if (report.removed.length > 0)
      lines.push(`removed ${report.removed.length} old file(s): ${report.removed.join(', ')}`);
    lines.push(
      made === 0
        ? `nothing changed: all ${total} outputs fresh; done in ${seconds}`
        : `${made} made, ${total - made} fresh; done in ${seconds}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`figures: ${settingsErrorMessage(error)}\n`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof DataError) {
      process.stderr.write(`figures: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DivergenceError || error instanceof UndeclaredInputError) {
      process.stderr.write(`figures: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
