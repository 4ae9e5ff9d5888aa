/**
 * `npm run bench`: how long the figure step takes as people use it, as medians of several runs
 * in a temporary copy of the project (public/ and src/generated/ of this one are not touched):
 *
 * - cold: no outputs at all (everything is drawn, the network trained once);
 * - warm: nothing changed (the stamp check of scripts/run-figures.mjs);
 * - warm, every key recomputed: nothing changed, but the TypeScript build runs anyway
 *   (as after an edit to a file that no output depends on);
 * - prose: one line of content/index.mdx changed (must redraw nothing);
 * - one setting of the tutorial changed (learningRate): the figures of its trained network and results;
 * - one setting of another experiment changed (lr-0.1's learningRate): that experiment retrained alone;
 * - per output of the cold builds: time and size.
 *
 * Each build runs as its own process, as `npm run figures` would; "in process" is the time the
 * figure code itself took, "wall" adds starting Node and loading the build's code (bundled by
 * scripts/figures/command-bundle.mjs). `npm run` adds its own start-up on top: warm builds are
 * also timed as `npm run figures`. The last lines compare the wall times with the targets.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from './figures/report.ts';
import { copyProject, LAUNCHER, seconds, type Timing, timed } from './lib/bench-build.ts';
import { median } from './lib/median.ts';
import {
  formatHelp,
  type OptionSpec,
  type ParsedOptions,
  parseOptions,
  UsageError,
} from './lib/options.ts';

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'runs',
    kind: 'number',
    valueName: 'N',
    description: 'runs of each kind of build',
    defaultText: '5',
  },
  { name: 'help', kind: 'flag', description: 'show this help' },
];

/** The timings of each kind of build, over all runs. */
interface Timings {
  cold: Timing[];
  warm: Timing[];
  recomputed: Timing[];
  prose: Timing[];
  setting: Timing[];
  other: Timing[];
  /** `npm run figures` with nothing changed, spawn to exit. */
  npmWallMs: number[];
}

/** Replaces the learning rate in an experiment file of the copy. */
function setLearningRate(copy: string, experiment: string, value: number): void {
  const file = join(copy, 'content', 'experiments', `${experiment}.json`);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/"learningRate": [0-9.e-]+/, `"learningRate": ${value}`));
}

/** One round: a cold build, then the warm ones and one change of each kind after it. */
function runRound(copy: string, run: number, timings: Timings): void {
  rmSync(join(copy, 'public'), { recursive: true, force: true });
  rmSync(join(copy, 'src', 'generated'), { recursive: true, force: true });
  timings.cold.push(timed(copy, LAUNCHER));
  timings.warm.push(timed(copy, LAUNCHER));
  const npmStart = performance.now();
  const npm = spawnSync('npm', ['run', '--silent', 'figures'], { cwd: copy, encoding: 'utf8' });
  if (npm.status !== 0) throw new Error(`npm run figures failed:\n${npm.stderr}`);
  timings.npmWallMs.push(performance.now() - npmStart);
  // The stamp ignored: the bundled TypeScript runs and recomputes every key.
  timings.recomputed.push(timed(copy, LAUNCHER, { FIGURES_IGNORE_STAMP: '1' }));
  appendFileSync(
    join(copy, 'content', 'index.mdx'),
    `\nA sentence added by the benchmark, run ${run}.\n`,
  );
  timings.prose.push(timed(copy, LAUNCHER));
  // One setting changed, to a new value each run: the tutorial's, then another experiment's.
  setLearningRate(copy, 'tutorial', 0.01 + run / 1000);
  timings.setting.push(timed(copy, LAUNCHER));
  setLearningRate(copy, 'lr-0.1', 0.1 + run / 100);
  timings.other.push(timed(copy, LAUNCHER));
}

const made = (t: Timing) => t.report.outputs.filter((o) => o.made).length;
const trained = (timings: Timing[]) => [...new Set(timings.flatMap((t) => t.report.trained ?? []))];

/** The table of medians, and what was redrawn and trained. */
function summaryLines(timings: Timings, runs: number): string[] {
  const lines = [
    '',
    `medians of ${runs} run(s); each build is a new process (wall = spawn to exit; in process = the figure code alone;`,
    'CPU = user and system time of all its threads: it drifts less than wall time with the machine)',
    '',
    `${'build'.padEnd(38)}${'in process'.padStart(12)}${'wall'.padStart(10)}${'CPU'.padStart(10)}  redrawn`,
  ];
  const row = (label: string, kind: Timing[]) => {
    const inProcess = seconds(median(kind.map((t) => t.report.totalMs)));
    const wall = seconds(median(kind.map((t) => t.wallMs)));
    const cpu = seconds(median(kind.map((t) => t.cpuMs)));
    lines.push(
      `${label.padEnd(38)}${inProcess.padStart(12)}${wall.padStart(10)}${cpu.padStart(10)}  ${median(kind.map(made))}`,
    );
  };
  row('cold (no outputs)', timings.cold);
  row('warm (nothing changed)', timings.warm);
  row('warm, every key recomputed', timings.recomputed);
  row('one line of prose changed', timings.prose);
  row('learningRate changed', timings.setting);
  row("another experiment's setting changed", timings.other);
  lines.push(
    `${'warm, as `npm run figures`'.padEnd(38)}${''.padStart(12)}${seconds(median(timings.npmWallMs)).padStart(10)}${''.padStart(10)}  0   (npm's own start-up included)`,
    `prose changes redrew ${timings.prose.map(made).reduce((a, b) => a + b, 0)} output(s) in ${runs} run(s) (must be 0)`,
    `experiments trained: ${median(timings.cold.map((t) => t.report.trained?.length ?? 0))} in a cold build, ` +
      `${trained(timings.setting).join(', ')} after the tutorial's setting changed, ${trained(timings.other).join(', ')} after lr-0.1's, ` +
      `${[...timings.warm, ...timings.recomputed, ...timings.prose].filter((t) => (t.report.trained ?? []).length > 0).length} times in the other ${3 * runs} builds`,
  );
  return lines;
}

/** Each output of the cold builds: its size and the median time from the start of its drawing to its bytes. */
function outputLines(cold: Timing[]): string[] {
  const lines = [
    '',
    'per output, cold builds (time from the start of its drawing to its bytes; animations compress and PNGs',
    'encode on worker threads while the next figure is drawn, so the times overlap):',
  ];
  let total = 0;
  for (const output of cold[0]!.report.outputs) {
    const ms = median(cold.map((t) => t.report.outputs.find((o) => o.id === output.id)?.ms ?? 0));
    const size = output.width === undefined ? '' : `${output.width}x${output.height}`;
    total += output.bytes ?? 0;
    lines.push(
      `  ${output.id.padEnd(20)} ${output.format.padEnd(4)} ${size.padStart(10)} ${formatBytes(output.bytes ?? 0).padStart(10)} ${`${ms.toFixed(0)} ms`.padStart(8)}`,
    );
  }
  lines.push(`  all outputs: ${formatBytes(total)}`);
  return lines;
}

/** The speed targets of the figure step, as commands (wall time), each met or not. */
function targetLines(timings: Timings): string[] {
  const targets: [string, Timing[], number][] = [
    ['cold, the whole site', timings.cold, 1000],
    // The same build, held to the limit for figures drawn in both colour schemes.
    ['cold, both colour schemes', timings.cold, 1500],
    ['warm, nothing changed', timings.warm, 150],
    ["another experiment's setting changed", timings.other, 500],
  ];
  return [
    '',
    'targets (wall, median):',
    ...targets.map(([label, kind, limitMs]) => {
      const wall = median(kind.map((t) => t.wallMs));
      return `  ${label.padEnd(38)} at most ${seconds(limitMs)}: ${seconds(wall)}, ${wall <= limitMs ? 'met' : 'NOT met'}`;
    }),
  ];
}

function main(argv: readonly string[]): number {
  let options: ParsedOptions;
  try {
    options = parseOptions(argv, OPTIONS);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help === true) {
    process.stdout.write(formatHelp('npm run bench -- [options]', OPTIONS));
    return 0;
  }
  const runs = typeof options.runs === 'number' ? Math.max(1, Math.floor(options.runs)) : 5;
  const copy = copyProject();
  // A build does not trust sources modified after it started (they may not be the code it
  // loaded); let the copy's file times fall clearly before the first build, as after an edit.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  const timings: Timings = {
    cold: [],
    warm: [],
    recomputed: [],
    prose: [],
    setting: [],
    other: [],
    npmWallMs: [],
  };
  try {
    for (let run = 1; run <= runs; run++) {
      runRound(copy, run, timings);
      const last = (kind: Timing[]) => seconds(kind.at(-1)!.wallMs);
      process.stdout.write(
        `run ${run}/${runs}: cold ${last(timings.cold)}, warm ${last(timings.warm)}, recomputed ${last(timings.recomputed)}, ` +
          `prose ${last(timings.prose)}, learningRate ${last(timings.setting)}, other ${last(timings.other)}\n`,
      );
    }
    const lines = [
      ...summaryLines(timings, runs),
      ...outputLines(timings.cold),
      ...targetLines(timings),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return timings.prose.every((t) => made(t) === 0) ? 0 : 1;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
