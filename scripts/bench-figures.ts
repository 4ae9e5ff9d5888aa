/**
 * `npm run bench:figures`: times the figure build as `npm run figures` runs it, in process, from
 * nothing (--force into a temporary directory): every experiment trained, every figure drawn and
 * written. Prints each output's median time and size, and the median total over the runs. The
 * first run, which also loads the font and warms up the JIT, is shown on its own and is included
 * in the medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBytes, formatStatusLine } from './figures/report.ts';
import { runFigureBuild } from './figures/run-build.ts';
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
    description: 'how many runs to time',
    defaultText: '5',
  },
  { name: 'help', kind: 'flag', description: 'show this help' },
];

/** One output's times over the runs, and its size and format. */
interface Timing {
  ms: number[];
  bytes: number;
  format: string;
  width: number;
  height: number;
}

/** What the runs measured: each run's total and training time, and each output's times. */
interface Measured {
  totals: number[];
  trainTimes: number[];
  perOutput: Map<string, Timing>;
}

/** Builds every figure from nothing `runs` times, each into a fresh temporary directory. */
async function timeRuns(runs: number): Promise<Measured> {
  const measured: Measured = { totals: [], trainTimes: [], perOutput: new Map() };
  for (let run = 0; run < runs; run++) {
    const out = mkdtempSync(join(tmpdir(), 'bench-figures-'));
    try {
      const report = await runFigureBuild({ outRoot: out, mode: 'force', codeLoadedAt: null });
      measured.totals.push(report.totalMs);
      measured.trainTimes.push(report.trainMs);
      for (const o of report.outputs) {
        const entry = measured.perOutput.get(o.id) ?? {
          ms: [],
          bytes: o.bytes ?? 0,
          format: o.format,
          width: o.width ?? 0,
          height: o.height ?? 0,
        };
        entry.ms.push(o.ms ?? 0);
        measured.perOutput.set(o.id, entry);
      }
      process.stdout.write(
        `run ${run + 1}/${runs}: ${(report.totalMs / 1000).toFixed(2)} s (training ${report.trained.length} experiment(s) ${report.trainMs.toFixed(0)} ms)\n`,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return measured;
}

/** The medians of the runs: each output's, the training's and the whole build's. */
function medianLines({ totals, trainTimes, perOutput }: Measured): string[] {
  const lines = [
    '',
    `median over ${totals.length} run(s), per output (from the start of its drawing to its finished bytes; animations are`,
    'compressed and PNGs encoded on worker threads while the next figure is drawn, so these times overlap and do not add up to the total):',
  ];
  let bytes = 0;
  for (const [id, f] of perOutput) {
    const size = f.width > 0 ? { width: f.width, height: f.height } : {};
    lines.push(
      formatStatusLine({
        status: 'median',
        id,
        format: f.format,
        ...size,
        bytes: f.bytes,
        ms: median(f.ms),
      }),
    );
    bytes += f.bytes;
  }
  lines.push(
    `training (every experiment, once per run): median ${median(trainTimes).toFixed(0)} ms`,
  );
  lines.push(`all outputs: ${formatBytes(bytes)}`);
  lines.push(`first run (cold): ${(totals[0]! / 1000).toFixed(2)} s`);
  lines.push(`median total: ${(median(totals) / 1000).toFixed(2)} s`);
  return lines;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: ParsedOptions;
  try {
    options = parseOptions(argv, OPTIONS);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench:figures: ${error.message}\n`);
    return 2;
  }
  if (options.help === true) {
    process.stdout.write(formatHelp('npm run bench:figures -- [options]', OPTIONS));
    return 0;
  }
  const runs = typeof options.runs === 'number' ? Math.max(1, Math.floor(options.runs)) : 5;
  process.stdout.write(`${medianLines(await timeRuns(runs)).join('\n')}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
