/**
 * The run record as plain JSON-ready data (arrays instead of matrices), the shape the
 * command line prints with --json. JSON.stringify then writes every number in full precision.
 */
import type { Matrix } from './matrix.ts';
import type { Dataset, HistoryEntry, Parameters, RunRecord, Settings } from './types.ts';

/** Parameters as arrays: W1 as H rows of 9 numbers, b1 as H numbers, W2 as 2 rows of H, b2 as 2 numbers. */
interface ParametersJson {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/** The run record without its frames, with plain arrays throughout. */
export interface RunRecordJson {
  config: Settings;
  datasets: { train: Dataset; validation: Dataset[] };
  initial: ParametersJson;
  final: ParametersJson;
  history: HistoryEntry[];
  firstPerfectIteration: number | null;
  validation: {
    name: string;
    accuracy: number;
    predictions: number[];
    probabilities: number[][];
  }[];
}

/** A column vector (n x 1) as n numbers. */
function vectorToArray(v: Matrix): number[] {
  return Array.from(v.data);
}

/** Parameters with matrices turned into nested arrays and biases into flat arrays. */
function parametersToJson(params: Parameters): ParametersJson {
  return {
    W1: params.W1.toRows(),
    b1: vectorToArray(params.b1),
    W2: params.W2.toRows(),
    b2: vectorToArray(params.b2),
  };
}

/** The run record (frames left out: they can be recomputed from the settings) as JSON-ready data. */
export function runRecordToJson(record: RunRecord): RunRecordJson {
  return {
    config: { ...record.settings },
    datasets: record.datasets,
    initial: parametersToJson(record.initial),
    final: parametersToJson(record.final),
    history: record.history,
    firstPerfectIteration: record.firstPerfectIteration,
    validation: record.validation.map(({ name, accuracy, predictions, probabilities }) => ({
      name,
      accuracy,
      predictions,
      probabilities,
    })),
  };
}
