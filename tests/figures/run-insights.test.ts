/**
 * The numbers the tutorial states about what its network did, each checked by independent
 * arithmetic: the replay against the trained record, never-active units against unchanged
 * weights, the traced example by hand-written sums, the gradient check's finite differences by a
 * loss written out here, the probes' probabilities against softmax by hand.
 */
import { describe, expect, it } from 'vitest';
import { identicalUnits, neverActiveUnits } from '../../src/figures/hidden-unit-facts.ts';
import { checkGradients, PROBE_IMAGES, probe, traceExample } from '../../src/figures/run-checks.ts';
import { runResults } from '../../src/figures/run-results.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';
import type { Parameters } from '../../src/nn/types.ts';
import { replayRun, unitActivity } from '../helpers/run-replay.ts';

const record = train(DEFAULT_SETTINGS, generateDatasets(DEFAULT_SETTINGS.dataSeed));
const H = DEFAULT_SETTINGS.hiddenUnits;

/** The network's probabilities for one image, by explicit sums (no engine code). */
function byHand(params: Parameters, x: readonly number[]) {
  const z1 = Array.from({ length: H }, (_, i) => {
    let sum = params.b1.get(i, 0);
    for (let p = 0; p < 9; p++) sum += params.W1.get(i, p) * x[p]!;
    return sum;
  });
  const a1 = z1.map((z) => Math.max(0, z));
  const z2 = [0, 1].map((k) => {
    let sum = params.b2.get(k, 0);
    for (let i = 0; i < H; i++) sum += params.W2.get(k, i) * a1[i]!;
    return sum;
  });
  const m = Math.max(...z2);
  const e = z2.map((z) => Math.exp(z - m));
  const a2 = e.map((v) => v / (e[0]! + e[1]!));
  return { z1, a1, z2, a2 };
}

describe('replayRun', () => {
  it('passes through every state of the run and ends at the record’s final parameters, bit for bit', () => {
    const iterations: number[] = [];
    const final = replayRun(record, ({ iteration, activations }) => {
      iterations.push(iteration);
      const frame = record.frames.find((f) => f.iteration === iteration);
      if (frame !== undefined) expect(activations.A2.data).toEqual(frame.A2.data);
    });
    expect(iterations).toEqual(record.history.map((h) => h.iteration));
    for (const name of ['W1', 'b1', 'W2', 'b2'] as const)
      expect(final[name].data).toEqual(record.final[name].data);
  });
});

describe('neverActiveUnits', () => {
  const dead = neverActiveUnits(record);
  it('finds the units whose weights, bias and outgoing weights never changed, and only those', () => {
    expect(dead.length).toBeGreaterThan(0); // the tutorial's run has one: the page's illustration
    for (let unit = 0; unit < H; unit++) {
      const row = (p: Parameters) => [
        ...Array.from({ length: 9 }, (_, k) => p.W1.get(unit, k)),
        p.b1.get(unit, 0),
        p.W2.get(0, unit),
        p.W2.get(1, unit),
      ];
      if (dead.includes(unit))
        expect(row(record.final), `unit ${unit}`).toEqual(row(record.initial));
      else expect(row(record.final), `unit ${unit}`).not.toEqual(row(record.initial));
    }
  });

  it('is what a replay of every state finds, for runs whose units die later too', () => {
    for (const settings of [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, seed: 3, hiddenUnits: 12 },
      // A large step: units that start active can die on the way.
      { ...DEFAULT_SETTINGS, seed: 5, learningRate: 0.2, iterations: 100 },
    ]) {
      const run = train(settings, generateDatasets(settings.dataSeed));
      const activity = unitActivity(settings.hiddenUnits);
      replayRun(run, activity.visit);
      expect(neverActiveUnits(run), JSON.stringify(settings)).toEqual(activity.neverActive());
    }
  });

  it('agrees with the snapshots: a never-active unit is 0 on every image in every frame', () => {
    for (const frame of record.frames)
      for (const unit of dead) expect(frame.A1.toRows()[unit]!.every((a) => a === 0)).toBe(true);
  });
});

describe('traceExample', () => {
  const train0 = record.datasets.train;
  const trace = traceExample(record.initial, train0, 0);
  const hand = byHand(record.initial, train0.images[0]!);
  it('follows example 0 forward as the sums written out do', () => {
    for (const [i, z] of trace.Z1.entries()) expect(z).toBeCloseTo(hand.z1[i]!, 14);
    expect(trace.A1).toEqual(trace.Z1.map((z) => Math.max(0, z)));
    for (const [k, a] of trace.A2.entries()) expect(a).toBeCloseTo(hand.a2[k]!, 14);
    expect(trace.loss).toBeCloseTo(-Math.log(hand.a2[train0.labels[0]!]!), 14);
  });

  it('starts backpropagation with A2 - y, and dW2 = dZ2 times A1 transposed', () => {
    const y = [0, 1].map((k) => (k === train0.labels[0] ? 1 : 0));
    for (const [k, d] of trace.dZ2.entries()) expect(d).toBeCloseTo(hand.a2[k]! - y[k]!, 14);
    for (let k = 0; k < 2; k++)
      for (let i = 0; i < H; i++)
        expect(trace.dW2[k]![i]).toBeCloseTo(trace.dZ2[k]! * hand.a1[i]!, 14);
    expect(trace.db2).toEqual(trace.dZ2);
  });
});

describe('checkGradients', () => {
  const check = checkGradients(record.initial, record.datasets.train);
  it('checks two nonzero entries of each parameter, with relative errors below 1e-6', () => {
    expect(check.entries.map((e) => e.parameter)).toEqual([
      'W1',
      'W1',
      'b1',
      'b1',
      'W2',
      'W2',
      'b2',
      'b2',
    ]);
    for (const entry of check.entries) {
      expect(Math.abs(entry.backprop)).toBeGreaterThan(1e-3);
      expect(entry.relativeError).toBeLessThan(1e-6);
    }
    expect(check.maxRelativeError).toBe(Math.max(...check.entries.map((e) => e.relativeError)));
  });

  it('has numeric gradients that a loss written out here reproduces', () => {
    const lossByHand = (params: Parameters) =>
      record.datasets.train.images.reduce(
        (sum, x, j) => sum - Math.log(byHand(params, x).a2[record.datasets.train.labels[j]!]!),
        0,
      );
    for (const entry of check.entries) {
      const moved = (delta: number): Parameters => {
        const m = record.initial[entry.parameter];
        const copy = m.map((v, r, c) => (r === entry.row && c === entry.col ? v + delta : v));
        return { ...record.initial, [entry.parameter]: copy };
      };
      const eps = check.epsilon;
      const numeric = (lossByHand(moved(eps)) - lossByHand(moved(-eps))) / (2 * eps);
      expect(Math.abs(numeric - entry.numeric) / Math.abs(entry.numeric)).toBeLessThan(1e-6);
    }
  });
});

describe('probe', () => {
  it('gives each probe image the probabilities of the sums written out, and the more probable class', () => {
    const probes = probe(record.final);
    expect(probes.map((p) => p.name)).toEqual(PROBE_IMAGES.map((p) => p.name));
    for (const p of probes) {
      const hand = byHand(record.final, p.pixels);
      for (const [k, q] of p.probabilities.entries()) expect(q).toBeCloseTo(hand.a2[k]!, 14);
      expect(p.predicted).toBe(hand.a2[0]! > hand.a2[1]! ? 'vertical' : 'horizontal');
    }
  });
});

describe('the results a page quotes follow the run', () => {
  it('name the never-active units, or say there are none, for another seed', () => {
    const results = runResults(record);
    const dead = neverActiveUnits(record);
    expect(dead).toHaveLength(1);
    expect(results.neverActiveUnits).toBe(`unit ${dead[0]}`);
    expect(results.neverActiveCount).toBe(1);
    // Some seed gives a run where every unit was active at some point: then the text is null.
    const other = [1, 2, 3, 4, 5, 6, 8, 9]
      .map((seed) => train({ ...DEFAULT_SETTINGS, seed }, record.datasets))
      .find((run) => neverActiveUnits(run).length === 0);
    expect(other).toBeDefined();
    expect(runResults(other!).neverActiveUnits).toBeNull();
    expect(runResults(other!).neverActiveCount).toBe(0);
  });
});

describe('the facts the results take from the first state and the snapshots', () => {
  it('are what a replay of every state finds', () => {
    for (const settings of [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, init: 'zeros' as const },
      { ...DEFAULT_SETTINGS, seed: 3, hiddenUnits: 12, learningRate: 0.05 },
    ]) {
      const run = train(settings, generateDatasets(settings.dataSeed));
      const results = runResults(run);
      const labels = run.datasets.train.labels;
      let identical = true;
      const meanTrue = new Map<number, number>();
      replayRun(run, ({ iteration, params, activations: { A2 } }) => {
        identical &&= identicalUnits(params);
        const sum = labels.reduce((total, label, j) => total + A2.get(label, j), 0);
        meanTrue.set(iteration, sum / labels.length);
      });
      const name = JSON.stringify(settings);
      expect(results.identicalHiddenUnits, name).toBe(identical);
      const { initial, firstPerfect, final } = results.checkpoints;
      expect(initial.meanTrueProbability, name).toBe(meanTrue.get(0));
      expect(final.meanTrueProbability, name).toBe(meanTrue.get(settings.iterations));
      if (firstPerfect !== null)
        expect(firstPerfect.meanTrueProbability, name).toBe(meanTrue.get(firstPerfect.iteration));
    }
  });
});

describe('identicalHiddenUnits and changedParameters', () => {
  it('are false and at most 74 - 12 for the tutorial: its never-active unit keeps its 9 + 1 + 2 parameters', () => {
    const results = runResults(record);
    expect(results.identicalHiddenUnits).toBe(false);
    // Counted here from the two parameter sets, entry by entry.
    const all = (p: Parameters) => [...p.W1.data, ...p.b1.data, ...p.W2.data, ...p.b2.data];
    const initial = all(record.initial);
    const changed = all(record.final).filter((v, i) => v !== initial[i]).length;
    expect(results.changedParameters).toBe(changed);
    // Fewer still can change: a weight from a pixel that is dark on every image where its unit is
    // active gets no gradient either.
    expect(changed).toBeLessThanOrEqual(results.parameterCount - 12 * results.neverActiveCount);
    expect(changed).toBeGreaterThan(results.parameterCount / 2);
  });

  it('are true and 0 after all-zero initial weights, at every state (not only the frames)', () => {
    const zeros = train({ ...DEFAULT_SETTINGS, init: 'zeros' }, record.datasets);
    const results = runResults(zeros);
    expect(results.identicalHiddenUnits).toBe(true);
    expect(results.changedParameters).toBe(0);
    expect(results.neverActiveCount).toBe(H);
  });

  it('are false when one unit differs from the others, by its bias alone', () => {
    const zeros = train({ ...DEFAULT_SETTINGS, init: 'zeros', iterations: 1 }, record.datasets);
    const b1 = zeros.initial.b1.map((v, unit) => (unit === 2 ? 0.5 : v));
    const tweaked = { ...zeros, initial: { ...zeros.initial, b1 } };
    expect(runResults(tweaked).identicalHiddenUnits).toBe(false);
  });
});

describe('lossRose', () => {
  it('is true exactly when the last loss is above the first: learning rate 0.3 overshoots', () => {
    const steep = train({ ...DEFAULT_SETTINGS, learningRate: 0.3 }, record.datasets);
    const [first, last] = [steep.history[0]!.loss, steep.history.at(-1)!.loss];
    expect(last).toBeGreaterThan(first);
    expect(runResults(steep).lossRose).toBe(true);
    expect(runResults(record).lossRose).toBe(false);
  });
});
