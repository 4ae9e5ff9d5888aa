/** Reading a dataset from a CSV file: the "bring your own data" path of every script. */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/nn/csv.ts';
import { DataError } from '../../src/nn/errors.ts';
import type { Dataset } from '../../src/nn/types.ts';
import { fileProblem } from './file-problem.ts';

/** The dataset in the CSV file at `path` (named after the file); any problem is a DataError naming the file (and line and column when it has them). */
export function loadDatasetFile(path: string): Dataset {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DataError(path, fileProblem(error));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(path, 'is not UTF-8 text');
  }
  return parseCsv(text, path);
}
