/**
 * Training several experiments at once, on the main thread and a worker thread for each further
 * core (train-worker.ts, at most MAX_TRAINING_THREADS in all), when there is enough to train for
 * the workers to pay for themselves. Each worker loads the build's code and warms up its own
 * compiler before its first run is fast, and two threads on this machine's two cores each run
 * about 1.3 times slower than one alone, so short runs stay on the main thread, one after
 * another. Either way every run is the one trainExperiment() gives, bit for bit: the worker runs
 * the same code on the same numbers.
 */
import { availableParallelism } from 'node:os';
import type { Datasets } from '../../src/nn/datasets.ts';
import type { Settings } from '../../src/nn/types.ts';
import { startBuildWorker } from './build-worker.ts';
import { type ExperimentRun, trainExperiment } from './experiment-run.ts';
import { revivedRun } from './run-cache.ts';

/** One experiment to train. */
export interface TrainingJob {
  name: string;
  settings: Settings;
  datasets: Datasets;
}

/**
 * About how long a run takes, in units of one iteration of a network with no hidden units: the
 * cost of an iteration grows with the hidden layer (about 43 µs at 6 hidden units, 5 ms at 1,024,
 * on this machine), plus a part that does not.
 */
export function trainingWork(settings: Settings): number {
  return settings.iterations * (settings.hiddenUnits + 3);
}

/** Each worker costs about 75 MB of memory: a few at most, however many cores there are. */
const MAX_TRAINING_THREADS = 4;

/**
 * Threads are started only when the runs besides the longest come to at least this much work:
 * 20,000 iterations of the tutorial's network (100 experiments of 200 iterations train in
 * about 1.1 s one after another, and hardly faster on two threads; 100 of 2,000 in 8.2 s one
 * after another and 5.6 s on two: `npm run bench:scale`).
 */
export const THREADS_FROM_WORK =
  20_000 * trainingWork({ iterations: 1, hiddenUnits: 6 } as Settings);

/**
 * How many threads to train `jobs` on: 1 (the main thread) unless there is work enough for more.
 * `asked` (FIGURES_TRAINING_THREADS, for the benchmark and the tests) overrides the choice.
 */
export function trainingThreads(
  jobs: readonly TrainingJob[],
  cores = availableParallelism(),
  asked = process.env.FIGURES_TRAINING_THREADS,
): number {
  if (asked !== undefined && /^[1-9][0-9]*$/.test(asked))
    return Math.min(Number(asked), Math.max(1, jobs.length));
  const work = jobs.map((job) => trainingWork(job.settings)).sort((a, b) => b - a);
  const besidesLongest = work.slice(1).reduce((sum, w) => sum + w, 0);
  if (cores < 2 || besidesLongest < THREADS_FROM_WORK) return 1;
  return Math.min(cores, jobs.length, MAX_TRAINING_THREADS);
}

/**
 * `jobs` in `threads` shares of about equal work: longest first, each to the share with the
 * least so far. Shares, not a queue: a thread then needs one message each way, and never waits
 * for the main thread (busy training its own share) to hand it the next job.
 */
export function shareWork(jobs: readonly TrainingJob[], threads: number): TrainingJob[][] {
  const shares = Array.from({ length: threads }, () => ({ work: 0, jobs: [] as TrainingJob[] }));
  const longestFirst = [...jobs].sort(
    (a, b) => trainingWork(b.settings) - trainingWork(a.settings),
  );
  for (const job of longestFirst) {
    const least = shares.reduce((a, b) => (b.work < a.work ? b : a));
    least.jobs.push(job);
    least.work += trainingWork(job.settings);
  }
  return shares.map((share) => share.jobs);
}

/** What trainAll gives: the runs by name, and how many threads trained them in the end. */
export interface TrainedRuns {
  runs: Map<string, ExperimentRun>;
  threads: number;
}

/** The runs of `jobs`, trained on `threads` threads: the main one and `threads - 1` workers. */
export async function trainAll(
  jobs: readonly TrainingJob[],
  threads: number,
): Promise<TrainedRuns> {
  const [mine = [], ...theirs] = shareWork(jobs, Math.max(1, threads));
  // If the main thread's share fails, the workers stop with it.
  const stop = new AbortController();
  const workers = theirs.map((share) => trainOnWorker(share, stop.signal));
  // Until they are awaited below, a failure must not count as unhandled.
  for (const worker of workers) worker.catch(() => undefined);
  const runs = new Map<string, ExperimentRun>();
  const trainHere = (share: readonly TrainingJob[]) => {
    for (const job of share) runs.set(job.name, trainExperiment(job.settings, job.datasets));
  };
  let used = 1;
  try {
    trainHere(mine);
    for (const [k, worker] of workers.entries()) {
      const trained = await worker.catch(() => null);
      // A share its thread could not train is trained here, where its error shows as it is.
      if (trained === null) trainHere(theirs[k]!);
      else {
        for (const [name, run] of trained) runs.set(name, run);
        if (theirs[k]!.length > 0) used++;
      }
    }
  } finally {
    stop.abort();
  }
  return { runs: new Map(jobs.map((job) => [job.name, runs.get(job.name)!])), threads: used };
}

/** Trains `share` on a new worker thread running train-worker.ts (bundled, or through tsx), until `signal` aborts. */
export async function trainOnWorker(
  share: readonly TrainingJob[],
  signal?: AbortSignal,
): Promise<Map<string, ExperimentRun>> {
  if (share.length === 0) return new Map();
  const worker = startBuildWorker(new URL('./train-worker.ts', import.meta.url));
  const stop = () => void worker.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const runs: ExperimentRun[] = [];
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { run?: unknown; error?: string }) => {
        if (message.run === undefined) reject(new Error(message.error));
        else if (runs.push(revivedRun(message.run)) === share.length) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the training thread stopped (${code})`)));
      worker.postMessage(share.map(({ settings, datasets }) => ({ settings, datasets })));
    });
    return new Map(share.map((job, k) => [job.name, runs[k]!]));
  } finally {
    signal?.removeEventListener('abort', stop);
    await worker.terminate();
  }
}
