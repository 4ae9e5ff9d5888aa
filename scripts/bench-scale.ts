/**
 * `npm run bench:scale`: what the figure step costs as the settings and the number of experiments
 * grow, each build a new process in a temporary copy of the project (this one is not touched):
 *
 * - iterations 200, 2,000, 20,000 and 100,000 (the tutorial's run, 6 hidden units);
 * - hidden units 6, 64 and 1,024 (the tutorial's run, 200 iterations);
 *   for each, a cold build of the whole site with the tutorial so set, its peak memory, and
 *   what the tutorial's outputs came to: the animation's frames and size, the tallest figure,
 *   the results the pages import and the history download;
 * - experiments 1, 10 and 100: a project of the tutorial's own figures and a one-figure page,
 *   with the tutorial and 0, 9 or 99 more experiments (the tutorial's settings, other seeds),
 *   cold and warm, and what one more experiment costs;
 * - 100 experiments of 2,000 iterations each, cold, trained on the main thread alone and as the
 *   build chooses (on worker threads: scripts/figures/training-pool.ts).
 *
 * The last lines compare the results with the targets: peak memory at most 400 MB, the GIF
 * under 600 KB, at most 100 frames, and a warm build of 100 experiments at most 0.3 s.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureManifest } from '../src/figures/figure-manifest.ts';
import { MAX_FRAMES } from '../src/nn/frame-schedule.ts';
import type { Settings } from '../src/nn/types.ts';
import { formatBytes } from './figures/report.ts';
import { copyProject, LAUNCHER, seconds, type Timing, timed } from './lib/bench-build.ts';
import { formatHelp, type OptionSpec, parseOptions, UsageError } from './lib/options.ts';

const ITERATIONS = [200, 2_000, 20_000, 100_000];
const HIDDEN_UNITS = [6, 64, 1_024];
const EXPERIMENT_COUNTS = [1, 10, 100];

const TARGETS = { peakBytes: 400 * 1024 * 1024, gifBytes: 600 * 1024, warmMs: 300 };

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'quick',
    kind: 'flag',
    description:
      'only the smaller cases (iterations up to 2,000, H up to 64, 10 experiments, 20 long runs)',
  },
  { name: 'help', kind: 'flag', description: 'show this help' },
];

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Sets the given settings of the tutorial experiment in the copy. */
function setTutorial(copy: string, change: Partial<Settings>): void {
  const file = join(copy, 'content', 'experiments', 'tutorial.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ ...json, ...change }, null, 2)}\n`);
}

/** Removes every output of the copy, for a cold build. */
function removeOutputs(copy: string): void {
  rmSync(join(copy, 'public'), { recursive: true, force: true });
  rmSync(join(copy, 'src', 'generated'), { recursive: true, force: true });
}

/** What a cold build with the tutorial so set took, and what its outputs came to. */
interface SettingRow {
  label: string;
  cold: Timing;
  frames: number;
  gifBytes: number;
  tallest: string;
  resultsBytes: number;
  historyBytes: number;
}

/** The figure of the tutorial that is tallest in pixels, as "initial-parameters 1440x1512". */
function tallestFigure(timing: Timing): string {
  const figures = timing.report.outputs.filter(
    (o) => o.height !== undefined && !o.id.includes('/'),
  );
  const tallest = figures.reduce((a, b) => (b.height! > a.height! ? b : a));
  return `${tallest.id} ${tallest.width}x${tallest.height}`;
}

/** One cold build of the whole site with the tutorial's settings changed by `change`. */
function settingRow(copy: string, label: string, change: Partial<Settings>): SettingRow {
  setTutorial(copy, change);
  removeOutputs(copy);
  const cold = timed(copy, LAUNCHER);
  const manifest = JSON.parse(
    readFileSync(join(copy, 'src', 'generated', 'figures.json'), 'utf8'),
  ) as FigureManifest;
  const animation = manifest.figures['training-animation']!;
  // The animation's alt text counts its frames ("Animation of 101 frames, ...").
  const frames = Number(/Animation of (\d+) frames/.exec(animation.alt)?.[1] ?? Number.NaN);
  const bytesOf = (id: string) => cold.report.outputs.find((o) => o.id === id)?.bytes ?? 0;
  return {
    label,
    cold,
    frames,
    gifBytes: bytesOf('training-animation'),
    tallest: tallestFigure(cold),
    resultsBytes: bytesOf('tutorial/results'),
    historyBytes: bytesOf('tutorial/history-csv'),
  };
}

function settingLines(title: string, rows: readonly SettingRow[]): string[] {
  const header = `${title.padEnd(20)}${'cold'.padStart(9)}${'peak'.padStart(9)}${'frames'.padStart(8)}${'GIF'.padStart(10)}${'results'.padStart(10)}${'history'.padStart(10)}  tallest figure`;
  return [
    '',
    header,
    ...rows.map(
      (r) =>
        `${r.label.padEnd(20)}${seconds(r.cold.wallMs).padStart(9)}${megabytes(r.cold.peakBytes).padStart(9)}` +
        `${String(r.frames).padStart(8)}${formatBytes(r.gifBytes).padStart(10)}${formatBytes(r.resultsBytes).padStart(10)}` +
        `${formatBytes(r.historyBytes).padStart(10)}  ${r.tallest}`,
    ),
  ];
}

/** A copy with only the tutorial's own figures, one page, and `count` experiments: the tutorial and count - 1 more. */
function experimentsProject(count: number): string {
  const copy = copyProject('bench-scale-');
  const content = join(copy, 'content');
  for (const name of readdirSync(join(content, 'experiments')))
    if (name !== 'tutorial.json') rmSync(join(content, 'experiments', name));
  const tutorial = JSON.parse(readFileSync(join(content, 'experiments', 'tutorial.json'), 'utf8'));
  for (let k = 1; k < count; k++) {
    const extra = { ...tutorial, title: `Seed ${100 + k}`, seed: 100 + k };
    writeFileSync(join(content, 'experiments', `extra-${k}.json`), JSON.stringify(extra));
  }
  // Figures that read another experiment go (a figure naming a missing experiment is an error).
  for (const name of readdirSync(join(content, 'figures'))) {
    const source = readFileSync(join(content, 'figures', name), 'utf8');
    if (!/experiments: \[('tutorial')?\]/.test(source)) rmSync(join(content, 'figures', name));
  }
  for (const name of readdirSync(content)) if (name.endsWith('.mdx')) rmSync(join(content, name));
  writeFileSync(
    join(content, 'index.mdx'),
    '---\ntitle: One page\n---\n\nThe loss of the tutorial.\n\n<Figure id="loss-accuracy" />\n',
  );
  return copy;
}

/** A cold and a warm build of a project of `count` experiments. */
interface CountRow {
  count: number;
  cold: Timing;
  warm: Timing;
}

function countRow(count: number): CountRow {
  const copy = experimentsProject(count);
  try {
    const cold = timed(copy, LAUNCHER);
    const warm = timed(copy, LAUNCHER);
    return { count, cold, warm };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function countLines(rows: readonly CountRow[]): string[] {
  const lines = [
    '',
    `${'experiments'.padEnd(20)}${'cold'.padStart(9)}${'peak'.padStart(9)}${'warm'.padStart(9)}${'peak'.padStart(9)}  outputs`,
    ...rows.map(
      (r) =>
        `${String(r.count).padEnd(20)}${seconds(r.cold.wallMs).padStart(9)}${megabytes(r.cold.peakBytes).padStart(9)}` +
        `${seconds(r.warm.wallMs).padStart(9)}${megabytes(r.warm.peakBytes).padStart(9)}  ${r.cold.report.outputs.length}`,
    ),
  ];
  for (let k = 1; k < rows.length; k++) {
    const [a, b] = [rows[k - 1]!, rows[k]!];
    const each = (b.cold.wallMs - a.cold.wallMs) / (b.count - a.count);
    lines.push(`one more experiment, from ${a.count} to ${b.count}: ${(each).toFixed(0)} ms cold`);
  }
  return lines;
}

/** A cold build of many long runs, trained on the main thread alone or as the build chooses (threads). */
interface ThreadRow {
  label: string;
  cold: Timing;
}

/** `count` experiments of `iterations` each (the tutorial's figures, one page), built cold twice. */
function threadRows(count: number, iterations: number): ThreadRow[] {
  const copy = experimentsProject(count);
  try {
    const dir = join(copy, 'content', 'experiments');
    for (const name of readdirSync(dir)) {
      const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, name), JSON.stringify({ ...json, iterations }));
    }
    const build = (label: string, env: Record<string, string>) => {
      removeOutputs(copy);
      return { label, cold: timed(copy, LAUNCHER, env) };
    };
    return [
      build('main thread only', { FIGURES_TRAINING_THREADS: '1' }),
      // (An empty value is no choice: the build's own, whatever the caller's environment says.)
      build('as the build chooses', { FIGURES_TRAINING_THREADS: '' }),
    ];
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function threadLines(title: string, rows: readonly ThreadRow[]): string[] {
  return [
    '',
    `${title.padEnd(24)}${'cold'.padStart(9)}${'peak'.padStart(9)}${'training'.padStart(10)}  threads`,
    ...rows.map(
      (r) =>
        `${r.label.padEnd(24)}${seconds(r.cold.wallMs).padStart(9)}${megabytes(r.cold.peakBytes).padStart(9)}` +
        `${seconds(r.cold.report.trainMs ?? 0).padStart(10)}  ${r.cold.report.trainThreads ?? 1}`,
    ),
  ];
}

function targetLines(settings: readonly SettingRow[], counts: readonly CountRow[]): string[] {
  const worst = (values: number[]) => Math.max(...values);
  const peak = worst([
    ...settings.map((r) => r.cold.peakBytes),
    ...counts.map((r) => r.cold.peakBytes),
  ]);
  const gif = worst(settings.map((r) => r.gifBytes));
  const frames = worst(settings.map((r) => r.frames));
  const largest = counts.at(-1)!;
  const check = (label: string, value: string, met: boolean) =>
    `  ${label.padEnd(44)} ${value}, ${met ? 'met' : 'NOT met'}`;
  return [
    '',
    'targets:',
    check('peak memory at most 400 MB', megabytes(peak), peak <= TARGETS.peakBytes),
    check('the GIF under 600 KB', formatBytes(gif), gif < TARGETS.gifBytes),
    check(`at most ${MAX_FRAMES} frames`, String(frames), frames <= MAX_FRAMES),
    check(
      `warm with ${largest.count} experiments at most 0.3 s`,
      seconds(largest.warm.wallMs),
      largest.warm.wallMs <= TARGETS.warmMs,
    ),
  ];
}

/** What to measure: the settings' values, the experiment counts, the long runs' count. */
interface ScalePlan {
  iterations: readonly number[];
  hidden: readonly number[];
  counts: readonly number[];
  longRuns: number;
}

/** Every measurement of the plan: one row per value, and the long runs by thread count. */
interface ScaleRows {
  byIterations: SettingRow[];
  byHidden: SettingRow[];
  byThreads: ThreadRow[];
  byCount: CountRow[];
}

/** The whole plan, or with --quick the first two values of each list and fewer long runs. */
function scalePlan(quick: boolean): ScalePlan {
  const firstTwo = (values: readonly number[]) => (quick ? values.slice(0, 2) : values);
  return {
    iterations: firstTwo(ITERATIONS),
    hidden: firstTwo(HIDDEN_UNITS),
    counts: firstTwo(EXPERIMENT_COUNTS),
    longRuns: quick ? 20 : 100,
  };
}

/** Builds every case of `plan` in the project copy `copy`, saying each result as it comes. */
function measureScale(copy: string, plan: ScalePlan, say: (line: string) => void): ScaleRows {
  const byIterations = plan.iterations.map((n) => {
    const row = settingRow(copy, `${n.toLocaleString('en-US')}`, {
      iterations: n,
      hiddenUnits: 6,
    });
    say(`iterations ${row.label}: ${seconds(row.cold.wallMs)}, ${megabytes(row.cold.peakBytes)}`);
    return row;
  });
  const byHidden = plan.hidden.map((h) => {
    const row = settingRow(copy, `${h.toLocaleString('en-US')}`, {
      iterations: 200,
      hiddenUnits: h,
    });
    say(`hidden units ${row.label}: ${seconds(row.cold.wallMs)}, ${megabytes(row.cold.peakBytes)}`);
    return row;
  });
  const byThreads = threadRows(plan.longRuns, 2_000);
  say(
    `${plan.longRuns} experiments of 2,000 iterations: ${byThreads.map((r) => seconds(r.cold.wallMs)).join(' and ')}`,
  );
  const byCount = plan.counts.map((count) => {
    const row = countRow(count);
    say(`${count} experiments: cold ${seconds(row.cold.wallMs)}, warm ${seconds(row.warm.wallMs)}`);
    return row;
  });
  return { byIterations, byHidden, byThreads, byCount };
}

function main(argv: readonly string[]): number {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv, OPTIONS);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench:scale: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help === true) {
    process.stdout.write(formatHelp('npm run bench:scale -- [options]', OPTIONS));
    return 0;
  }
  const plan = scalePlan(options.quick === true);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const copy = copyProject('bench-scale-');
  // A build does not trust sources modified after it started: let the copy's file times fall before it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  try {
    const { byIterations, byHidden, byThreads, byCount } = measureScale(copy, plan, say);
    say(
      [
        '',
        'each a new process (wall = spawn to exit; peak = its peak resident memory, threads included)',
        ...settingLines('iterations (H = 6)', byIterations),
        ...settingLines('hidden units (N = 200)', byHidden),
        ...countLines(byCount),
        ...threadLines(`${plan.longRuns} runs of 2,000`, byThreads),
        ...targetLines([...byIterations, ...byHidden], byCount),
      ].join('\n'),
    );
    return 0;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
