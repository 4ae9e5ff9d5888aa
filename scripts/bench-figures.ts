/**
 * `npm run bench:figures`: times the figure pipeline. Each run trains once (settings from
 * content/experiment.json), draws every figure and writes the outputs into a temporary
 * directory. Prints each figure's median time and its size, and the median total over the runs
 * (target: under 3 s on a 2-core machine). The first run, which also loads the font and warms
 * up the JIT, is shown on its own and is included in the medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDatasets } from '../src/nn/datasets.ts';
import { train } from '../src/nn/train.ts';
import { buildFigures } from './figures/build-figures.ts';
import { formatBytes, formatFigureLine } from './figures/report.ts';
import { median } from './lib/median.ts';
import {
  formatHelp,
  type OptionSpec,
  type ParsedOptions,
  parseOptions,
  UsageError,
} from './lib/options.ts';
import { loadSettingsFile } from './lib/settings-file.ts';

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'runs',
    kind: 'number',
    valueName: 'N',
    description: 'how many runs to time',
    defaultText: '5',
  },
  {
    name: 'config',
    kind: 'string',
    valueName: 'FILE',
    description: 'the experiment settings',
    defaultText: 'content/experiment.json',
  },
  { name: 'help', kind: 'flag', description: 'show this help' },
];

async function main(argv: readonly string[]): Promise<number> {
  let options: ParsedOptions;
  try {
    options = parseOptions(argv, OPTIONS);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bench:figures: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help === true) {
    process.stdout.write(formatHelp('npm run bench:figures -- [options]', OPTIONS));
    return 0;
  }
  const runs = typeof options.runs === 'number' ? Math.max(1, Math.floor(options.runs)) : 5;
  const settings = loadSettingsFile(
    typeof options.config === 'string' ? options.config : 'content/experiment.json',
  );

  const totals: number[] = [];
  const trainTimes: number[] = [];
  const perFigure = new Map<
    string,
    { ms: number[]; bytes: number; format: string; width: number; height: number }
  >();
  for (let run = 0; run < runs; run++) {
    const root = mkdtempSync(join(tmpdir(), 'bench-figures-'));
    try {
      const start = performance.now();
      const record = train(settings, generateDatasets(settings.dataSeed));
      const trained = performance.now();
      const summary = await buildFigures(record, {
        publicDir: join(root, 'public'),
        generatedDir: join(root, 'src', 'generated'),
      });
      const total = performance.now() - start;
      totals.push(total);
      trainTimes.push(trained - start);
      for (const f of summary.figures) {
        const entry = perFigure.get(f.id) ?? {
          ms: [],
          bytes: f.bytes.length,
          format: f.format,
          width: f.width,
          height: f.height,
        };
        entry.ms.push(f.ms);
        perFigure.set(f.id, entry);
      }
      process.stdout.write(
        `run ${run + 1}/${runs}: ${(total / 1000).toFixed(2)} s (training ${(trained - start).toFixed(0)} ms, writing ${summary.writeMs.toFixed(0)} ms)\n`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  const lines = [
    '',
    `median over ${runs} run(s), per figure (from the start of its drawing to its finished bytes; PNGs are encoded on`,
    'worker threads while the animation is drawn, so these times overlap and do not add up to the total):',
  ];
  let bytes = 0;
  for (const [id, f] of perFigure) {
    lines.push(formatFigureLine(id, f.format, f.width, f.height, f.bytes, median(f.ms)));
    bytes += f.bytes;
  }
  lines.push(`training (once per run): median ${median(trainTimes).toFixed(0)} ms`);
  lines.push(`all figures: ${formatBytes(bytes)}`);
  lines.push(`first run (cold): ${(totals[0]! / 1000).toFixed(2)} s`);
  lines.push(`median total: ${(median(totals) / 1000).toFixed(2)} s (target < 3 s)`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
