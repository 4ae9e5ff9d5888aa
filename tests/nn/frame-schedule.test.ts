/**
 * The frames a run keeps: frameEvery's spacing for short runs, a wider one that keeps at most
 * MAX_FRAMES for long runs, and always iteration 0, the first iteration with accuracy 1 and the
 * last; the explorer still gets every iteration.
 */
import { describe, expect, it } from 'vitest';
import animation from '../../content/figures/training-animation.ts';
import { runExplorer } from '../../src/explorer/explorer-run.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { frameSpacing, keepsFrame, MAX_FRAMES } from '../../src/nn/frame-schedule.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';

/** The iterations 0..N that keepsFrame keeps, counted by brute force. */
function kept(iterations: number, frameEvery: number, firstPerfect: number | null): number[] {
  const spacing = frameSpacing(iterations, frameEvery);
  return Array.from({ length: iterations + 1 }, (_, k) => k).filter((k) =>
    keepsFrame(k, iterations, spacing, firstPerfect),
  );
}

describe('the frame schedule', () => {
  it('keeps frameEvery as the spacing when the run is short', () => {
    expect(frameSpacing(200, 5)).toBe(5);
    expect(frameSpacing(90, 1)).toBe(1);
    expect(kept(200, 5, 5)).toEqual(Array.from({ length: 41 }, (_, k) => 5 * k));
  });

  it('widens the spacing, by multiples of frameEvery, to keep at most MAX_FRAMES', () => {
    for (const [iterations, frameEvery] of [
      [200, 1],
      [2000, 5],
      [20_000, 5],
      [100_000, 1],
      [100_000, 7],
      [99_999, 1000],
    ] as const) {
      const spacing = frameSpacing(iterations, frameEvery);
      expect(spacing % frameEvery, `${iterations}, ${frameEvery}`).toBe(0);
      for (const firstPerfect of [null, 0, 1, 7, Math.floor(iterations / 3), iterations]) {
        const frames = kept(iterations, frameEvery, firstPerfect);
        expect(frames.length, `${iterations}, ${frameEvery}, ${firstPerfect}`).toBeLessThanOrEqual(
          MAX_FRAMES,
        );
        expect(frames[0]).toBe(0);
        expect(frames.at(-1)).toBe(iterations);
        if (firstPerfect !== null) expect(frames).toContain(firstPerfect);
      }
      // The spacing is the smallest multiple that fits: one step less would not.
      if (spacing > frameEvery)
        expect(Math.floor(iterations / (spacing - frameEvery)) + 3).toBeGreaterThan(MAX_FRAMES);
    }
  });
});

describe('a long run', () => {
  const datasets = generateDatasets(DEFAULT_SETTINGS.dataSeed);
  const settings = { ...DEFAULT_SETTINGS, iterations: 2000, learningRate: 0.001 };
  const record = train(settings, datasets);

  it('keeps every iteration’s loss but at most MAX_FRAMES snapshots, with 0, the first perfect iteration and N', () => {
    expect(record.history).toHaveLength(2001);
    const iterations = record.frames.map((f) => f.iteration);
    expect(iterations.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(iterations[0]).toBe(0);
    expect(iterations.at(-1)).toBe(2000);
    expect(record.firstPerfectIteration).not.toBeNull();
    expect(iterations).toContain(record.firstPerfectIteration);
    expect(iterations).toEqual([...new Set(iterations)].sort((a, b) => a - b));
    // Each snapshot is the state of its iteration.
    for (const frame of record.frames)
      expect(frame.loss).toBe(record.history[frame.iteration]!.loss);
  });

  it('makes an animation of at most MAX_FRAMES frames, whose alt text gives the wider spacing', () => {
    const input = { run: record, runs: { tutorial: record } };
    expect(animation.frames(input).length).toBe(record.frames.length);
    const spacing = frameSpacing(2000, settings.frameEvery);
    expect(spacing).toBeGreaterThan(settings.frameEvery);
    expect(animation.text(input).alt).toContain(
      `iterations 0 to 2000 every ${spacing} (a frame every ${settings.frameEvery} would make more than ${MAX_FRAMES})`,
    );
  });

  it('still gives the explorer every iteration', () => {
    const outcome = runExplorer(DEFAULT_SETTINGS, {
      learningRate: 0.01,
      hiddenUnits: 6,
      iterations: 300,
      seed: 7,
      init: 'xavier',
      dataSeed: DEFAULT_SETTINGS.dataSeed,
    });
    expect(outcome.ok && outcome.run.record.frames.length).toBe(301);
  });
});
