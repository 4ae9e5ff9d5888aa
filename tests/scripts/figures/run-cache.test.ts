/**
 * The trained runs kept between builds (scripts/figures/run-cache.ts): a stored run comes back
 * with the same doubles, bit for bit (-0, the smallest subnormal, thirds), and everything else
 * equal; only under its own key; from a file written with the values as numbers too; and the
 * runs of experiments that are gone are removed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storedRun, storeRuns } from '../../../scripts/figures/run-cache.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { Matrix } from '../../../src/nn/matrix.ts';
import { DEFAULT_SETTINGS } from '../../../src/nn/settings.ts';
import { train } from '../../../src/nn/train.ts';
import type { RunRecord } from '../../../src/nn/types.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A new folder standing for src/generated/. */
function generatedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'run-cache-'));
  dirs.push(dir);
  return dir;
}

/** The bytes of every double of `m`. */
const bits = (m: Matrix) => Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);

/** A short run of the tutorial's network, with awkward doubles in its first weights. */
function awkwardRun(): RunRecord {
  const settings = { ...DEFAULT_SETTINGS, iterations: 10 };
  const run = train(settings, generateDatasets(settings.dataSeed));
  const W1 = run.initial.W1;
  W1.data.set([-0, 5e-324, 1 / 3, -1.7976931348623157e308], 0);
  return run;
}

/** An awkward run stored as the tutorial's under key "k1", in a new folder. */
async function storedTutorial() {
  const dir = generatedDir();
  const run = awkwardRun();
  await storeRuns(dir, new Map([['tutorial', { key: 'k1', record: run }]]), new Set(['tutorial']));
  return { dir, run };
}

describe('storeRuns and storedRun', () => {
  it('give back the run with the same doubles, bit for bit, and only under its key', async () => {
    const { dir, run } = await storedTutorial();
    const back = storedRun(dir, 'tutorial', 'k1');
    expect(back).not.toBeNull();
    const revived = back as typeof run;
    expect(Object.is(revived.initial.W1.data[0], -0)).toBe(true);
    expect(revived.initial.W1.data[1]).toBe(5e-324);
    for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
      expect(revived.initial[name]).toBeInstanceOf(Matrix);
      expect(bits(revived.initial[name]).equals(bits(run.initial[name])), name).toBe(true);
    }
    run.frames.forEach((frame, k) => {
      expect(bits(revived.frames[k]!.A2).equals(bits(frame.A2))).toBe(true);
    });
    expect(revived.history).toEqual(run.history);
    expect(revived.datasets).toEqual(run.datasets);
    expect(revived.settings).toEqual(run.settings);
    expect(storedRun(dir, 'tutorial', 'another key')).toBeNull();
    expect(storedRun(dir, 'missing', 'k1')).toBeNull();
  });

  it('reads a run whose values were written as numbers', async () => {
    const { dir, run } = await storedTutorial();
    const file = join(dir, '.runs', 'tutorial.json');
    // Every base64 value replaced by its doubles as JSON numbers, as the cache once stored them.
    const numbers = readFileSync(file, 'utf8').replace(/"data":"([A-Za-z0-9+/=]*)"/g, (_, b64) => {
      const bytes = Buffer.from(b64 as string, 'base64');
      const values = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
      return `"data":${JSON.stringify(Array.from(values))}`;
    });
    expect(numbers).not.toBe(readFileSync(file, 'utf8'));
    writeFileSync(file, numbers);
    const back = storedRun(dir, 'tutorial', 'k1') as typeof run;
    expect(bits(back.initial.W2).equals(bits(run.initial.W2))).toBe(true);
    expect(back.frames.at(-1)!.params.W1.data).toEqual(run.frames.at(-1)!.params.W1.data);
  });

  it('removes the stored runs of experiments that no longer exist', async () => {
    const dir = generatedDir();
    const run = awkwardRun();
    const both = new Map([
      ['a', { key: 'ka', record: run }],
      ['b', { key: 'kb', record: run }],
    ]);
    await storeRuns(dir, both, new Set(['a', 'b']));
    expect(readdirSync(join(dir, '.runs')).sort()).toEqual(['a.json', 'b.json']);
    await storeRuns(dir, new Map(), new Set(['a']));
    expect(readdirSync(join(dir, '.runs'))).toEqual(['a.json']);
  });
});
