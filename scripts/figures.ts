/**
 * `npm run figures`: brings every figure, dataset download and experiment's results up to date
 * with the project's content (content/experiments/, content/figures/ and the pages), redrawing
 * only what is stale: each output is keyed on exactly the sources, settings, data, font and
 * packages it is made from (scripts/figures/output-keys.ts). Trains each experiment at most once,
 * and only when something stale needs it. Usually started through scripts/run-figures.mjs, which
 * answers "nothing changed" without loading this TypeScript.
 *
 * Exit codes: 0 done (or, with --check, everything fresh); 1 training diverged, or --check found
 * stale or missing outputs; 2 bad arguments or bad input (an experiment, a data file, a figure
 * module or a page's reference). On any error nothing is written, so the last good figures and
 * results stay as they were.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, DivergenceError, SettingsError } from '../src/nn/errors.ts';
import { BuildLockError } from './figures/build-lock.ts';
import { FigureModuleError } from './figures/figure-modules.ts';
import { PageError } from './figures/page-references.ts';
import { createProgress } from './figures/progress.ts';
import { UndeclaredInputError } from './figures/record-view.ts';
import { formatRunSummary } from './figures/report.ts';
import { type BuildReport, type BuildRequest, runFigureBuild } from './figures/run-build.ts';
import { settingsErrorMessage } from './figures/setting-location.ts';
import { formatHelp, type OptionSpec, parseOptions, UsageError } from './lib/options.ts';

const OPTIONS: readonly OptionSpec[] = [
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
    '2 bad arguments or bad input: an experiment, a data file, a figure module or a page (nothing is written then).',
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

/** The closing lines of a build (or of a check). */
function closingLines(report: BuildReport, mode: BuildRequest['mode']): string[] {
  const total = report.outputs.length;
  const seconds = `${(report.totalMs / 1000).toFixed(2)} s (${(performance.now() / 1000).toFixed(2)} s with start-up)`;
  if (mode === 'check') {
    return [
      report.notFresh === 0
        ? `all ${total} outputs fresh (${seconds})`
        : `${report.notFresh} of ${total} outputs stale or missing: run \`npm run figures\``,
    ];
  }
  const made = report.outputs.filter((o) => o.made).length;
  const lines: string[] = [];
  if (report.trained.length > 0) {
    const threads = report.trainThreads > 1 ? ` on ${report.trainThreads} threads` : '';
    lines.push(`trained ${report.trained.join(', ')}: ${report.trainMs.toFixed(0)} ms${threads}`);
  } else if (made > 0) lines.push('training skipped: nothing stale needs a trained network');
  if (report.run !== null) lines.push(formatRunSummary(report.run));
  if (report.removed.length > 0) {
    lines.push(`removed ${report.removed.length} old file(s): ${report.removed.join(', ')}`);
  }
  lines.push(
    made === 0
      ? `nothing changed: all ${total} outputs fresh; done in ${seconds}`
      : `${made} made, ${total - made} fresh; done in ${seconds}`,
  );
  return lines;
}

/** The exit code and message of an error, or null for one that is a bug (thrown on). */
function failure(error: unknown): { code: number; message: string } | null {
  if (error instanceof SettingsError) return { code: 2, message: settingsErrorMessage(error) };
  const bad = [UsageError, DataError, FigureModuleError, UndeclaredInputError, PageError];
  if (bad.some((kind) => error instanceof kind))
    return { code: 2, message: (error as Error).message };
  if (error instanceof DivergenceError || error instanceof BuildLockError) {
    return { code: 1, message: error.message };
  }
  return null;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseOptions(argv, OPTIONS);
    if (options.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    if (options.check === true && options.force === true) {
      throw new UsageError('--check and --force cannot go together');
    }
    const mode = options.check === true ? 'check' : options.force === true ? 'force' : 'build';
    const report = await runFigureBuild({
      outRoot: resolve(typeof options.out === 'string' ? options.out : '.'),
      mode,
      command: {
        cwd: process.cwd(),
        args: argv.filter((arg) => arg !== '--check' && arg !== '--force'),
        entries: COMMAND_ENTRIES,
      },
      progress: createProgress(process.stdout),
      onStep: stopAfter,
    });
    // For the benchmark: the build's report, and the time since the process started.
    const reportFile = process.env.FIGURES_REPORT;
    if (reportFile !== undefined) {
      writeFileSync(
        reportFile,
        JSON.stringify({ fastPath: false, processMs: performance.now(), ...report }),
      );
    }
    process.stdout.write(`${closingLines(report, mode).join('\n')}\n`);
    return mode === 'check' && report.notFresh > 0 ? 1 : 0;
  } catch (error) {
    const known = failure(error);
    if (known === null) throw error;
    process.stderr.write(`figures: ${known.message}\n`);
    return known.code;
  }
}

process.exitCode = await main(process.argv.slice(2));
