import { describe, expect, it } from 'vitest';
import { inputMatrix, oneHot } from '../../src/nn/data-matrices.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DivergenceError } from '../../src/nn/errors.ts';
import { crossEntropy } from '../../src/nn/loss.ts';
import { forward } from '../../src/nn/network.ts';
import { runRecordToJson } from '../../src/nn/run-record-json.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';

const datasets = generateDatasets(DEFAULT_SETTINGS.dataSeed);
const record = train(DEFAULT_SETTINGS, datasets);

describe('training with the default settings', () => {
  it('records every state 0..N', () => {
    expect(record.history).toHaveLength(201);
    expect(record.history.map((h) => h.iteration)).toEqual(
      Array.from({ length: 201 }, (_, k) => k),
    );
  });

  it('lowers the loss and reaches accuracy 1', () => {
    const first = record.history[0]!;
    const last = record.history[200]!;
    expect(last.loss).toBeLessThan(first.loss / 10);
    expect(last.accuracy).toBe(1);
    expect(record.firstPerfectIteration).not.toBeNull();
    expect(record.history[record.firstPerfectIteration!]!.accuracy).toBe(1);
    expect(
      record.history.slice(0, record.firstPerfectIteration!).every((h) => h.accuracy < 1),
    ).toBe(true);
  });

  it('agrees with the same run in numpy (tests/nn/numpy-reference.py, numpy 2.4)', () => {
    // Matrix products in numpy go through BLAS, which may sum in another order: agreement to
    // about 1e-12 relative, not bit for bit. The initial weights are bit-exact (network.test.ts).
    const numpyLoss: [number, number][] = [
      [0, 16.096606822327825],
      [1, 15.87132835939801],
      [100, 2.2193308065218984],
      [200, 0.7457490923106358],
    ];
    for (const [k, loss] of numpyLoss)
      expect(Math.abs(record.history[k]!.loss - loss) / loss, `loss at ${k}`).toBeLessThan(1e-12);
    expect(record.firstPerfectIteration).toBe(5);
    const b2 = [-1.1605463582998266, 1.1605463582998266];
    const W2row0 = [
      -0.9243753017373549, 1.4289037270976643, -0.027155582237236377, 1.047114413909162,
      1.8157685210607428, -0.08059315971509241,
    ];
    [...b2, ...W2row0].forEach((v, i) => {
      const actual = i < 2 ? record.final.b2.data[i]! : record.final.W2.data[i - 2]!;
      expect(Math.abs(actual - v), `final parameter ${i}`).toBeLessThan(1e-12);
    });
  });

  it('gets every validation image right', () => {
    expect(record.validation.map((v) => [v.name, v.accuracy])).toEqual([
      ['validation-1', 1],
      ['validation-2', 1],
    ]);
  });

  it('keeps a frame every 5 iterations, with the parameters and activations of that state', () => {
    expect(record.frames.map((f) => f.iteration)).toEqual(
      Array.from({ length: 41 }, (_, i) => 5 * i),
    );
    expect(record.frames[0]!.params).toEqual(record.initial);
    expect(record.frames[40]!.params).toEqual(record.final);
    const X = inputMatrix(datasets.train.images);
    const Y = oneHot(datasets.train.labels);
    for (const frame of [record.frames[0]!, record.frames[7]!, record.frames[40]!]) {
      // Recomputed from the frame's own parameters, the loss is the history's at that iteration.
      const { A1, A2 } = forward(frame.params, X);
      expect(frame.A1).toEqual(A1);
      expect(frame.A2).toEqual(A2);
      expect(crossEntropy(A2, Y)).toBe(record.history[frame.iteration]!.loss);
      expect(frame.loss).toBe(record.history[frame.iteration]!.loss);
      expect([frame.A1.rows, frame.A1.cols, frame.A2.rows, frame.A2.cols]).toEqual([6, 24, 2, 24]);
    }
  });

  it('reports validation under the final parameters', () => {
    for (const [i, set] of datasets.validation.entries()) {
      const { A2 } = forward(record.final, inputMatrix(set.images));
      const result = record.validation[i]!;
      expect(result.probabilities).toEqual(set.images.map((_, j) => [A2.get(0, j), A2.get(1, j)]));
      // Predictions: the more probable class, judged from the probabilities directly.
      expect(result.predictions).toEqual(
        result.probabilities.map(([p0, p1]) => (p1! > p0! ? 1 : 0)),
      );
    }
  });

  it('gives the identical run record twice', () => {
    const again = train(DEFAULT_SETTINGS, generateDatasets(DEFAULT_SETTINGS.dataSeed));
    expect(JSON.stringify(runRecordToJson(again))).toBe(JSON.stringify(runRecordToJson(record)));
    expect(again.frames).toEqual(record.frames);
  });
});

describe('training with other settings', () => {
  it('always keeps the last state and the first with accuracy 1 as frames', () => {
    const run = train({ ...DEFAULT_SETTINGS, iterations: 50, frameEvery: 15 }, datasets);
    const perfect = run.firstPerfectIteration!;
    expect(perfect % 15).not.toBe(0);
    expect(run.frames.map((f) => f.iteration)).toEqual(
      [0, 15, 30, 45, 50, perfect].sort((a, b) => a - b),
    );
    expect(run.history).toHaveLength(51);
  });

  it('keeps every state with frameEvery 1 when the frames are not bounded (the explorer’s case)', () => {
    const run = train({ ...DEFAULT_SETTINGS, frameEvery: 1 }, datasets, Number.POSITIVE_INFINITY);
    expect(run.frames).toHaveLength(201);
    expect(run.history).toEqual(record.history);
  });

  it('follows H in every shape', () => {
    const run = train({ ...DEFAULT_SETTINGS, hiddenUnits: 3, iterations: 10 }, datasets);
    expect([
      run.final.W1.rows,
      run.final.W1.cols,
      run.final.W2.rows,
      run.final.W2.cols,
      run.frames[0]!.A1.rows,
    ]).toEqual([3, 9, 2, 3, 3]);
  });

  it('reports null when accuracy never reaches 1', () => {
    // One update takes accuracy from 0.75 to 19/24; it first reaches 1 at iteration 5.
    const run = train({ ...DEFAULT_SETTINGS, iterations: 1 }, datasets);
    expect(run.history.map((h) => h.accuracy)).toEqual([18 / 24, 19 / 24]);
    expect(run.firstPerfectIteration).toBeNull();
  });

  it('stops with a DivergenceError naming the iteration when the loss is no longer finite', () => {
    let error: unknown;
    try {
      train({ ...DEFAULT_SETTINGS, learningRate: 1000 }, datasets);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as DivergenceError).iteration).toBe(1);
    expect((error as Error).message).toMatch(/iteration 1\b/);
    expect((error as Error).message).toMatch(/smaller learning rate/);
  });
});

describe('training from the other initialisation schemes', () => {
  // numpy 2.4.6: python3 tests/nn/numpy-reference.py he (then large): losses at 0, 1, 100, 200,
  // the first iteration with accuracy 1 and the two validation accuracies.
  const numpy = {
    he: {
      losses: [15.618803046583636, 15.187673456194199, 1.6233148263124166, 0.4911359110920185],
      firstPerfect: 5,
      validation: [1, 1],
    },
    large: {
      losses: [47.91256810733747, 6.110366490272122, 0.09138624252837274, 0.04202310257471091],
      firstPerfect: 7,
      validation: [20 / 24, 23 / 24],
    },
  } as const;
  for (const [init, expected] of Object.entries(numpy) as [
    keyof typeof numpy,
    (typeof numpy)['he'],
  ][]) {
    it(`${init} agrees with the same run in numpy`, () => {
      const run = train({ ...DEFAULT_SETTINGS, init }, datasets);
      [0, 1, 100, 200].forEach((k, i) => {
        const loss = expected.losses[i]!;
        expect(Math.abs(run.history[k]!.loss - loss) / loss, `loss at ${k}`).toBeLessThan(1e-12);
      });
      expect(run.firstPerfectIteration).toBe(expected.firstPerfect);
      expect(run.validation.map((v) => v.accuracy)).toEqual(expected.validation);
    });
  }

  describe('zeros', () => {
    const run = train(
      { ...DEFAULT_SETTINGS, init: 'zeros', frameEvery: 1 },
      datasets,
      Number.POSITIVE_INFINITY,
    );

    it('keeps every hidden unit identical to the others at every iteration', () => {
      for (const { iteration, params } of run.frames) {
        const { W1, b1, W2 } = params;
        for (let h = 1; h < W1.rows; h++) {
          for (let i = 0; i < W1.cols; i++)
            expect(W1.get(h, i), `W1[${h}][${i}] at ${iteration}`).toBe(W1.get(0, i));
          expect(b1.get(h, 0), `b1[${h}] at ${iteration}`).toBe(b1.get(0, 0));
          for (let k = 0; k < W2.rows; k++)
            expect(W2.get(k, h), `W2[${k}][${h}] at ${iteration}`).toBe(W2.get(k, 0));
        }
      }
      expect(run.frames).toHaveLength(201);
    });

    it('never moves: every score is 0, so the loss is n ln 2 at every iteration', () => {
      // By hand: Z1 = 0, so A1 = 0 and ReLU passes no gradient; both classes have 12 training
      // images, so db2 = sum(A2 - Y) = 12 (1/2 - 1) + 12 (1/2) = 0 as well.
      const n = datasets.train.labels.length;
      expect(datasets.train.labels.filter((label) => label === 0)).toHaveLength(n / 2);
      for (const { loss } of run.history) expect(loss).toBeCloseTo(n * Math.log(2), 12);
      expect(run.final.b2.data).toEqual(new Float64Array([0, 0]));
      expect(run.firstPerfectIteration).toBeNull();
    });
  });
});

describe('the memory a run record keeps', () => {
  it('holds each snapshot in one buffer of its own size, not the blocks the training step cut its matrices from', () => {
    const record = train(DEFAULT_SETTINGS, generateDatasets(DEFAULT_SETTINGS.dataSeed));
    for (const frame of record.frames) {
      const { W1, b1, W2, b2 } = frame.params;
      const matrices = [W1, b1, W2, b2, frame.A1, frame.A2];
      const values = matrices.reduce((n, m) => n + m.data.length, 0);
      for (const m of matrices) expect(m.data.buffer.byteLength).toBe(8 * values);
    }
    for (const params of [record.initial, record.final])
      expect(params.W1.data.buffer.byteLength).toBe(
        8 *
          (params.W1.data.length +
            params.b1.data.length +
            params.W2.data.length +
            params.b2.data.length),
      );
  });
});
