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
 * figure code itself took, "wall" adds starting Node (and tsx, for the TypeScript build).
 * `npm run` adds its own start-up on top: warm builds are also timed as `npm run figures`.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes } from './figures/report.ts';
import { median } from './lib/median.ts';
import {
  formatHelp,
  type OptionSpec,
  type ParsedOptions,
  parseOptions,
  UsageError,
} from './lib/options.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

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

/** What a figure build reports through FIGURES_REPORT (scripts/figures.ts, scripts/run-figures.mjs). */
interface BuildReportFile {
  fastPath: boolean;
  totalMs: number;
  processMs: number;
  trained?: string[];
  outputs: {
    id: string;
    made: boolean;
    format: string;
    bytes?: number;
    ms?: number;
    width?: number;
    height?: number;
  }[];
}

interface Timing {
  wallMs: number;
  report: BuildReportFile;
}

/** A temporary copy of the project to build in: sources, content and package.json, node_modules linked. */
function copyProject(): string {
  const copy = mkdtempSync(join(tmpdir(), 'bench-figures-'));
  for (const entry of ['src', 'scripts', 'content', 'package.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(copy, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(join(PROJECT_ROOT, 'src', 'generated')),
    });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Runs `node ...args` in `cwd`, timing it from spawn to exit; returns its FIGURES_REPORT. */
function timed(cwd: string, args: string[], env: Record<string, string> = {}): Timing {
  const reportFile = join(cwd, 'bench-report.json');
  rmSync(reportFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, FIGURES_REPORT: reportFile },
    encoding: 'utf8',
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0)
    throw new Error(
      `node ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return { wallMs, report: JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReportFile };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

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
  const launcher = ['scripts/run-figures.mjs'];
  // The stamp ignored: the bundled TypeScript runs and recomputes every key.
  const ignoreStamp = { FIGURES_IGNORE_STAMP: '1' };
  const kinds = {
    cold: [] as Timing[],
    warm: [] as Timing[],
    recomputed: [] as Timing[],
    prose: [] as Timing[],
    setting: [] as Timing[],
    other: [] as Timing[],
  };
  const npmWallMs: number[] = [];
  let proseRedrew = 0;
  try {
    for (let run = 1; run <= runs; run++) {
      rmSync(join(copy, 'public'), { recursive: true, force: true });
      rmSync(join(copy, 'src', 'generated'), { recursive: true, force: true });
      kinds.cold.push(timed(copy, launcher));
      kinds.warm.push(timed(copy, launcher));
      const npmStart = performance.now();
      const npm = spawnSync('npm', ['run', '--silent', 'figures'], { cwd: copy, encoding: 'utf8' });
      if (npm.status !== 0) throw new Error(`npm run figures failed:\n${npm.stderr}`);
      npmWallMs.push(performance.now() - npmStart);
      kinds.recomputed.push(timed(copy, launcher, ignoreStamp));
      appendFileSync(
        join(copy, 'content', 'index.mdx'),
        `\nA sentence added by the benchmark, run ${run}.\n`,
      );
      const prose = timed(copy, launcher);
      proseRedrew += prose.report.outputs.filter((o) => o.made).length;
      kinds.prose.push(prose);
      // One setting changed: the learning rate, to a new value each run.
      const config = join(copy, 'content', 'experiments', 'tutorial.json');
      writeFileSync(
        config,
        readFileSync(config, 'utf8').replace(
          /"learningRate": [0-9.e-]+/,
          `"learningRate": ${0.01 + run / 1000}`,
        ),
      );
      kinds.setting.push(timed(copy, launcher));
      // One setting of another experiment changed.
      const other = join(copy, 'content', 'experiments', 'lr-0.1.json');
      writeFileSync(
        other,
        readFileSync(other, 'utf8').replace(
          /"learningRate": [0-9.e-]+/,
          `"learningRate": ${0.1 + run / 100}`,
        ),
      );
      kinds.other.push(timed(copy, launcher));
      process.stdout.write(
        `run ${run}/${runs}: cold ${seconds(kinds.cold.at(-1)!.wallMs)}, warm ${seconds(kinds.warm.at(-1)!.wallMs)}, ` +
          `recomputed ${seconds(kinds.recomputed.at(-1)!.wallMs)}, prose ${seconds(prose.wallMs)}, learningRate ${seconds(kinds.setting.at(-1)!.wallMs)}\n`,
      );
    }

    const lines = [
      '',
      `medians of ${runs} run(s); each build is a new process (wall = spawn to exit; in process = the figure code alone)`,
      '',
    ];
    lines.push(`${'build'.padEnd(34)}${'in process'.padStart(12)}${'wall'.padStart(10)}  redrawn`);
    const row = (label: string, timings: Timing[]) => {
      const redrawn = median(timings.map((t) => t.report.outputs.filter((o) => o.made).length));
      lines.push(
        `${label.padEnd(34)}${seconds(median(timings.map((t) => t.report.totalMs))).padStart(12)}${seconds(median(timings.map((t) => t.wallMs))).padStart(10)}  ${redrawn}`,
      );
    };
    row('cold (no outputs)', kinds.cold);
    row('warm (nothing changed)', kinds.warm);
    row('warm, every key recomputed', kinds.recomputed);
    row('one line of prose changed', kinds.prose);
    row('learningRate changed', kinds.setting);
    row("another experiment's setting changed", kinds.other);
    lines.push(
      `${'warm, as `npm run figures`'.padEnd(34)}${''.padStart(12)}${seconds(median(npmWallMs)).padStart(10)}  0   (npm's own start-up included)`,
    );
    lines.push(`prose changes redrew ${proseRedrew} output(s) in ${runs} run(s) (must be 0)`);
    lines.push(
      `experiments trained: ${median(kinds.cold.map((t) => t.report.trained?.length ?? 0))} in a cold build, ` +
        `${[...new Set(kinds.setting.flatMap((t) => t.report.trained ?? []))].join(', ')} after the tutorial's setting changed, ` +
        `${[...new Set(kinds.other.flatMap((t) => t.report.trained ?? []))].join(', ')} after lr-0.1's, ` +
        `${[...kinds.warm, ...kinds.recomputed, ...kinds.prose].filter((t) => (t.report.trained ?? []).length > 0).length} times in the other ${3 * runs} builds`,
    );

    lines.push(
      '',
      'per output, cold builds (time from the start of its drawing to its bytes; PNGs encode on worker threads',
      'while the animation is drawn, so the times overlap):',
    );
    const first = kinds.cold[0]!.report.outputs;
    let total = 0;
    for (const output of first) {
      const ms = median(
        kinds.cold.map((t) => t.report.outputs.find((o) => o.id === output.id)?.ms ?? 0),
      );
      const size = output.width === undefined ? '' : `${output.width}x${output.height}`;
      total += output.bytes ?? 0;
      lines.push(
        `  ${output.id.padEnd(20)} ${output.format.padEnd(4)} ${size.padStart(10)} ${formatBytes(output.bytes ?? 0).padStart(10)} ${`${ms.toFixed(0)} ms`.padStart(8)}`,
      );
    }
    lines.push(`  all outputs: ${formatBytes(total)}`);
    const warm = median(kinds.warm.map((t) => t.report.totalMs));
    lines.push(
      '',
      `target: warm figure step < 0.3 s: ${seconds(warm)} in process, ${seconds(median(kinds.warm.map((t) => t.wallMs)))} wall: ${warm < 300 ? 'met' : 'NOT met'}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    return proseRedrew === 0 ? 0 : 1;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
