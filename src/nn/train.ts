/**
 * The training loop: full-batch gradient descent from a seeded initialisation, recording
 * everything the figures and pages need into one run record.
 */
import { inputMatrix, oneHot } from './data-matrices.ts';
import type { Datasets } from './datasets.ts';
import { DivergenceError } from './errors.ts';
import { evaluate } from './evaluate.ts';
import { frameSpacing, keepsFrame, MAX_FRAMES } from './frame-schedule.ts';
import { gradients } from './gradients.ts';
import { accuracy, crossEntropy } from './loss.ts';
import { Matrix } from './matrix.ts';
import { forward, initParameters } from './network.ts';
import { createRng } from './rng.ts';
import type { HistoryEntry, Parameters, RunRecord, Settings, Snapshot } from './types.ts';
import { update } from './update.ts';

/**
 * Trains a 9-H-2 network on datasets.train with `settings` and returns the run record:
 * loss and accuracy for every state 0..N (state k is the network before the k-th update),
 * snapshots every frameEvery iterations, at the first iteration with accuracy 1 and at N (at
 * most `maxFrames` of them: frame-schedule.ts), and the final network's validation results.
 * Throws DivergenceError when the loss stops being a finite number.
 */
export function train(settings: Settings, datasets: Datasets, maxFrames = MAX_FRAMES): RunRecord {
  // #region training-loop
  const { seed, learningRate, hiddenUnits, init, iterations, frameEvery } = settings;
  const history: HistoryEntry[] = [];
  const frames: Snapshot[] = [];
  const spacing = frameSpacing(iterations, frameEvery, maxFrames);
  let firstPerfect: number | null = null;
  const X = inputMatrix(datasets.train.images); // 9 x n, one image per column
  const labels = datasets.train.labels;
  const Y = oneHot(labels); // 2 x n
  const initial = initParameters(hiddenUnits, createRng(seed), init);
  let params = initial;
  for (let iteration = 0; iteration <= iterations; iteration++) {
    // State `iteration`: the network before its update number `iteration`.
    const activations = forward(params, X);
    const loss = crossEntropy(activations.A2, Y);
    if (!Number.isFinite(loss)) throw new DivergenceError(iteration, learningRate, loss, history);
    const entry = { iteration, loss, accuracy: accuracy(activations.A2, labels) };
    history.push(entry);
    if (firstPerfect === null && entry.accuracy === 1) firstPerfect = iteration;
    if (keepsFrame(iteration, iterations, spacing, firstPerfect)) {
      frames.push({ ...entry, params, A1: activations.A1, A2: activations.A2 });
    }
    // Full batch: one update per pass over all n examples (none after the last state).
    if (iteration < iterations)
      params = update(params, gradients(params, X, Y, activations), learningRate);
  }
  // #endregion training-loop
  return {
    settings: { ...settings },
    datasets,
    initial: packedParameters(initial),
    final: packedParameters(params),
    history,
    frames: frames.map(packedSnapshot),
    firstPerfectIteration: firstPerfect,
    validation: datasets.validation.map((dataset) => evaluate(params, dataset)),
  };
}

/** `params` in one buffer of their own (Matrix.packed), holding no block of the training's memory. */
function packedParameters(params: Parameters): Parameters {
  const [W1, b1, W2, b2] = Matrix.packed([params.W1, params.b1, params.W2, params.b2]);
  return { W1: W1!, b1: b1!, W2: W2!, b2: b2! };
}

/** `snapshot` with its matrices in one buffer of their own: a run keeps a hundred of them. */
function packedSnapshot(snapshot: Snapshot): Snapshot {
  const { W1, b1, W2, b2 } = snapshot.params;
  const [w1, c1, w2, c2, A1, A2] = Matrix.packed([W1, b1, W2, b2, snapshot.A1, snapshot.A2]);
  return { ...snapshot, params: { W1: w1!, b1: c1!, W2: w2!, b2: c2! }, A1: A1!, A2: A2! };
}
