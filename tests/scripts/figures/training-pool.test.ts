/**
 * Training on worker threads (scripts/figures/training-pool.ts): when threads are worth it, how
 * the work is shared, and that a run trained on a worker is the very run the main thread gives,
 * a diverging one included; a share that fails on its thread fails with the main thread's error.
 */
import { describe, expect, it } from 'vitest';
import { trainExperiment } from '../../../scripts/figures/experiment-run.ts';
import {
  shareWork,
  THREADS_FROM_WORK,
  type TrainingJob,
  trainAll,
  trainingThreads,
  trainingWork,
  trainOnWorker,
} from '../../../scripts/figures/training-pool.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../../src/nn/settings.ts';
import type { Settings } from '../../../src/nn/types.ts';

const datasets = generateDatasets(DEFAULT_SETTINGS.dataSeed);

function job(name: string, change: Partial<Settings>): TrainingJob {
  return { name, settings: { ...DEFAULT_SETTINGS, ...change }, datasets };
}

/** `count` jobs of `iterations` iterations each, other seeds. */
const jobs = (count: number, iterations: number) =>
  Array.from({ length: count }, (_, k) => job(`seed-${k}`, { seed: k, iterations }));

describe('when training goes to threads', () => {
  it('counts an iteration’s work as growing with the hidden units', () => {
    expect(trainingWork({ ...DEFAULT_SETTINGS, iterations: 200, hiddenUnits: 6 })).toBe(200 * 9);
    expect(trainingWork({ ...DEFAULT_SETTINGS, iterations: 10, hiddenUnits: 1024 })).toBe(10270);
    expect(THREADS_FROM_WORK).toBe(20_000 * 9);
  });

  it('keeps short runs on the main thread, and shares many long ones over the cores', () => {
    const none = 'not a number';
    expect(trainingThreads(jobs(32, 200), 2, undefined)).toBe(1);
    expect(trainingThreads(jobs(20, 2_000), 2, undefined)).toBe(2);
    // At most four threads, however many cores (each worker costs its memory).
    expect(trainingThreads(jobs(20, 2_000), 8, undefined)).toBe(4);
    expect(trainingThreads(jobs(3, 20_000), 8, undefined)).toBe(3);
    expect(trainingThreads(jobs(20, 2_000), 1, undefined)).toBe(1);
    // One long run has no one to share with, however long it is.
    expect(trainingThreads([job('long', { iterations: 100_000 })], 2, undefined)).toBe(1);
    const longAndShort = [job('long', { iterations: 100_000 }), ...jobs(10, 200)];
    expect(trainingThreads(longAndShort, 2, undefined)).toBe(1);
    // Just below and at the threshold: the runs besides the longest are what counts.
    const at = (besides: number) => [job('a', { iterations: 1_000 }), ...jobs(besides, 1_000)];
    expect(trainingThreads(at(19), 2, undefined)).toBe(1);
    expect(trainingThreads(at(20), 2, undefined)).toBe(2);
    // Asked for (the benchmark, the tests): as many as asked, at most one per job.
    expect(trainingThreads(jobs(2, 10), 2, '2')).toBe(2);
    expect(trainingThreads(jobs(2, 10), 2, '5')).toBe(2);
    expect(trainingThreads(jobs(2, 10), 2, none)).toBe(1);
  });

  it('shares the jobs, longest first, each to the share with the least work so far', () => {
    const named = [100, 300, 700, 500, 900].map((n) => job(`i${n}`, { iterations: n }));
    const shares = shareWork(named, 2).map((share) => share.map((j) => j.name));
    // 900 and 700 start the two shares; 500 joins 700 (1,200), 300 joins 900 (1,200), and 100,
    // with the two level, the first share.
    expect(shares).toEqual([
      ['i900', 'i300', 'i100'],
      ['i700', 'i500'],
    ]);
    expect(shareWork(named, 1)).toEqual([
      [...named].sort((a, b) => b.settings.iterations - a.settings.iterations),
    ]);
    expect(shareWork([], 2)).toEqual([[], []]);
  });
});

describe('training on a worker thread', () => {
  it('gives each experiment the run the main thread gives, bit for bit, a divergence included', async () => {
    const three = [
      job('seed-1', { seed: 1, iterations: 60 }),
      job('wide', { seed: 2, iterations: 40, hiddenUnits: 16, init: 'he' }),
      job('diverges', { learningRate: 40, iterations: 60 }),
    ];
    // On a worker alone, then shared with the main thread.
    const onWorker = await trainOnWorker(three);
    const { runs: threaded, threads } = await trainAll(three, 2);
    expect(threads).toBe(2);
    expect([...threaded.keys()]).toEqual(['seed-1', 'wide', 'diverges']);
    // Two shares: the main thread trains one, the worker the other.
    expect(shareWork(three, 2).every((share) => share.length > 0)).toBe(true);
    for (const { name, settings } of three) {
      const direct = trainExperiment(settings, datasets);
      expect(onWorker.get(name), name).toStrictEqual(direct);
      expect(threaded.get(name), name).toStrictEqual(direct);
    }
    expect('divergence' in threaded.get('diverges')!).toBe(true);
  }, 60_000);

  it('asked for more threads than jobs, leaves the extra share empty and starts no thread for it', async () => {
    const one = job('one', { iterations: 20 });
    expect(shareWork([one], 2)).toEqual([[one], []]);
    expect(await trainOnWorker([])).toEqual(new Map());
    const { runs, threads } = await trainAll([one], 2);
    expect(threads).toBe(1);
    expect(runs.get('one')).toStrictEqual(trainExperiment(one.settings, datasets));
  });

  it('fails a share its thread could not train with the error the main thread throws', async () => {
    const broken = {
      train: { name: 'train', images: [[0, 1]], labels: [0] },
      validation: [],
    };
    const bad: TrainingJob = { ...job('bad', { iterations: 5 }), datasets: broken };
    const direct = (() => {
      try {
        trainExperiment(bad.settings, broken);
        return null;
      } catch (error) {
        return error as Error;
      }
    })();
    expect(direct).toBeInstanceOf(Error);
    // The bad job alone on the worker's share (the longer good job goes to the main thread).
    const good = job('good', { iterations: 50 });
    expect(shareWork([good, bad], 2).map((s) => s.map((j) => j.name))).toEqual([['good'], ['bad']]);
    await expect(trainOnWorker([bad])).rejects.toThrow(direct!.message);
    await expect(trainAll([good, bad], 2)).rejects.toThrow(direct!.message);
    // And on the main thread's share, with a worker still training its own: the same error.
    const long = job('long', { iterations: 3_000 });
    expect(shareWork([bad, long], 2).map((s) => s.map((j) => j.name))).toEqual([['long'], ['bad']]);
    const badHere = { ...bad, settings: { ...bad.settings, iterations: 5_000 } };
    expect(shareWork([badHere, long], 2)[0]![0]!.name).toBe('bad');
    await expect(trainAll([badHere, long], 2)).rejects.toThrow(direct!.message);
  }, 60_000);
});
