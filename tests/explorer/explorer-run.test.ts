import { describe, expect, it } from 'vitest';
import { runExplorer } from '../../src/explorer/explorer-run.ts';
import { parameterScaleMax } from '../../src/figures/training-frame-figure.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';

const tutorial = { ...DEFAULT_SETTINGS };
const datasets = generateDatasets(tutorial.dataSeed);
const tutorialValues = {
  learningRate: tutorial.learningRate,
  hiddenUnits: tutorial.hiddenUnits,
  init: tutorial.init,
  iterations: tutorial.iterations,
  seed: tutorial.seed,
  dataSeed: tutorial.dataSeed,
};

describe('runExplorer', () => {
  const outcome = runExplorer(tutorial, tutorialValues);
  const run = outcome.ok ? outcome.run : null;
  // The run the build makes: snapshots only every frameEvery iterations.
  const build = train(tutorial, datasets);

  it('keeps a snapshot of every iteration 0..N', () => {
    expect(run).not.toBeNull();
    expect(run!.record.frames.map((f) => f.iteration)).toEqual(
      Array.from({ length: tutorial.iterations + 1 }, (_, k) => k),
    );
  });

  it('computes the build run exactly: every loss and accuracy, the first perfect iteration, validation', () => {
    expect(run!.record.history).toEqual(build.history);
    for (let k = 0; k <= tutorial.iterations; k++) {
      expect(Object.is(run!.record.history[k]!.loss, build.history[k]!.loss)).toBe(true);
    }
    expect(run!.record.firstPerfectIteration).toBe(build.firstPerfectIteration);
    expect(run!.record.validation.map((v) => v.accuracy)).toEqual(
      build.validation.map((v) => v.accuracy),
    );
  });

  it("snapshots at frame iterations equal the build run's (so frames are drawn from the same numbers)", () => {
    for (const frame of build.frames) {
      const mine = run!.record.frames[frame.iteration]!;
      expect(Array.from(mine.params.W1.data)).toEqual(Array.from(frame.params.W1.data));
      expect(Array.from(mine.A2.data)).toEqual(Array.from(frame.A2.data));
    }
  });

  it("colours parameters on the animation's scale", () => {
    expect(run!.scaleMax).toBe(parameterScaleMax(build.frames));
    expect(run!.scaleMax).toBeGreaterThan(0);
  });

  it('is not flagged when the loss falls', () => {
    expect(run!.lossRose).toBe(false);
    expect(run!.values).toEqual(tutorialValues);
  });

  it('follows the six settings', () => {
    const values = {
      learningRate: 0.05,
      hiddenUnits: 3,
      init: 'he',
      iterations: 20,
      seed: 1,
      dataSeed: 5,
    } as const;
    const other = runExplorer(tutorial, values);
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    expect(other.run.record.settings).toEqual({ ...tutorial, ...values, frameEvery: 1 });
    expect(other.run.record.frames).toHaveLength(21);
    expect(other.run.record.frames[0]!.params.W1.rows).toBe(3);
  });

  it("trains on the images of its data seed: another seed's run is that seed's run, not the tutorial images'", () => {
    const seed = 5;
    const other = runExplorer(tutorial, { ...tutorialValues, dataSeed: seed });
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    const images = generateDatasets(seed);
    expect(images.train.images).not.toEqual(datasets.train.images);
    expect(other.run.record.datasets.train).toEqual(images.train);
    expect(other.run.record.history).toEqual(
      train({ ...tutorial, dataSeed: seed }, images).history,
    );
  });

  it('trains on the images it is given (an experiment’s own) whatever the data seed says', () => {
    // Other images than the seed's: seed 5's training set, and the tutorial's second validation set alone.
    const given = { train: generateDatasets(5).train, validation: [datasets.validation[1]!] };
    const own = runExplorer(tutorial, tutorialValues, { experiment: 'mine', datasets: given });
    expect(own.ok).toBe(true);
    if (!own.ok) return;
    expect(own.run.record.datasets).toEqual(given);
    expect(own.run.imagesOf).toBe('mine');
    expect(run!.imagesOf).toBeNull();
    expect(own.run.record.history).toEqual(train(tutorial, given).history);
    expect(own.run.record.history).not.toEqual(run!.record.history);
    expect(own.run.record.validation.map((v) => v.name)).toEqual([given.validation[0]!.name]);
  });

  it('reports a run whose loss ends above where it began (learning rate 0.5)', () => {
    const rising = runExplorer(tutorial, { ...tutorialValues, learningRate: 0.5 });
    expect(rising.ok && rising.run.lossRose).toBe(true);
  });

  it('reports learning rate 1000 as diverging, one way or the other', () => {
    const wild = runExplorer(tutorial, { ...tutorialValues, learningRate: 1000 });
    const diverged = wild.ok
      ? wild.run.lossRose
      : wild.blowUp.learningRate === 1000 && wild.blowUp.iteration >= 1;
    expect(diverged).toBe(true);
  });

  it('refuses settings the engine would refuse', () => {
    expect(() => runExplorer(tutorial, { ...tutorialValues, hiddenUnits: 0 })).toThrow(
      /hiddenUnits/,
    );
  });
});
