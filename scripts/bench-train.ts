/**
 * `npm run bench:train`: how long the engine takes to train, as the median of repeated runs
 * after a warm-up, with the default settings and with a snapshot at every iteration (the
 * explorer's case). Also the first, cold run, which includes the JIT's work.
 */
import { generateDatasets } from '../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../src/nn/settings.ts';
import { train } from '../src/nn/train.ts';
import type { Settings } from '../src/nn/types.ts';
import { median } from './lib/median.ts';

const RUNS = 50;

function millis(settings: Settings): number {
  const datasets = generateDatasets(settings.dataSeed);
  const start = performance.now();
  train(settings, datasets);
  return performance.now() - start;
}

const cases: [string, Settings][] = [
  ['defaults (frameEvery 5)', DEFAULT_SETTINGS],
  ['frameEvery 1 (explorer)', { ...DEFAULT_SETTINGS, frameEvery: 1 }],
];
console.log(`cold first run: ${millis(DEFAULT_SETTINGS).toFixed(2)} ms`);
for (const [name, settings] of cases) {
  for (let i = 0; i < 10; i++) millis(settings);
  const times = Array.from({ length: RUNS }, () => millis(settings));
  console.log(
    `${name}: median ${median(times).toFixed(2)} ms, fastest ${Math.min(...times).toFixed(2)} ms over ${RUNS} runs`,
  );
}
