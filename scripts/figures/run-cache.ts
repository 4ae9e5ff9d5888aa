/**
 * Trained runs kept between builds, so that a figure comparing several experiments, when one of
 * them changes, retrains that one alone: each run is stored under src/generated/.runs/ with the
 * key of everything it was trained from, and used again only while that key matches. A cache, not
 * an output: a missing or unreadable entry only means training again.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Matrix } from '../../src/nn/matrix.ts';
import type { ExperimentRun } from './experiment-run.ts';
import { writeFileAtomicAsync } from './write-outputs.ts';

/** The folder of stored runs inside src/generated/ (a dot folder: the site never imports it). */
const RUNS_DIR = '.runs';

/**
 * A matrix as JSON: its shape and its values' bytes in base64 (the doubles exactly, -0 and all,
 * and in a third of the time that writing them as decimal numbers takes). A run stored before
 * holds the values as numbers, which read back as the same doubles too.
 */
type MatrixJson = { rows: number; cols: number; data: string | number[] };

const toJson = (m: Matrix): MatrixJson => ({
  rows: m.rows,
  cols: m.cols,
  data: Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength).toString('base64'),
});

/** The doubles of a stored matrix's `data`. */
function storedValues(data: string | number[] | Float64Array): Float64Array {
  if (data instanceof Float64Array) return data;
  if (Array.isArray(data)) return Float64Array.from(data);
  const bytes = Buffer.from(data, 'base64');
  // Copied into a buffer of its own, which starts on a multiple of 8 as a Float64Array must.
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

const fromJson = (m: MatrixJson | { rows: number; cols: number; data: Float64Array }): Matrix =>
  new Matrix(m.rows, m.cols, storedValues(m.data));

/** Replaces every matrix in `value` by `convert(matrix)`, keeping everything else. */
function mapMatrices(
  value: unknown,
  isMatrix: (v: object) => boolean,
  convert: (v: never) => unknown,
): unknown {
  if (Array.isArray(value)) {
    // A row of numbers (an image, the labels) holds no matrix: kept as it is.
    if (value.every((v) => typeof v === 'number')) return value;
    return value.map((v) => mapMatrices(v, isMatrix, convert));
  }
  if (typeof value !== 'object' || value === null) return value;
  if (isMatrix(value)) return convert(value as never);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, mapMatrices(v, isMatrix, convert)]),
  );
}

/**
 * A run whose matrices became plain { rows, cols, data } objects (read back from JSON, or copied
 * from a worker thread), with Matrix objects again.
 */
export function revivedRun(record: unknown): ExperimentRun {
  const isPlain = (v: object) =>
    'rows' in v && 'cols' in v && 'data' in v && !(v instanceof Matrix);
  return mapMatrices(record, isPlain, fromJson) as ExperimentRun;
}

/** The stored run of experiment `name` if it was trained from `key`, else null. */
export function storedRun(generatedDir: string, name: string, key: string): ExperimentRun | null {
  try {
    const stored = JSON.parse(
      readFileSync(join(generatedDir, RUNS_DIR, `${name}.json`), 'utf8'),
    ) as {
      key: string;
      record: unknown;
    };
    if (stored.key !== key) return null;
    return revivedRun(stored.record);
  } catch {
    return null;
  }
}

/** Stores the runs trained by this build, and removes the runs of experiments that no longer exist. */
export async function storeRuns(
  generatedDir: string,
  runs: ReadonlyMap<string, { key: string; record: ExperimentRun }>,
  experiments: ReadonlySet<string>,
): Promise<void> {
  const dir = join(generatedDir, RUNS_DIR);
  mkdirSync(dir, { recursive: true });
  const writes = [...runs].map(([name, { key, record }]) => {
    const json = mapMatrices(record, (v) => v instanceof Matrix, toJson);
    return writeFileAtomicAsync(join(dir, `${name}.json`), JSON.stringify({ key, record: json }));
  });
  await Promise.all(writes);
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.json') && !experiments.has(file.slice(0, -'.json'.length)))
      rmSync(join(dir, file));
  }
}
