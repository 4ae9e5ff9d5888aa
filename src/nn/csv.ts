/**
 * Datasets as CSV: a header row, then one image per row with its 9 pixels (row-major) and
 * its class. Reading accepts a UTF-8 byte-order mark, LF or CRLF line ends and a missing final
 * newline; anything else that is wrong is a DataError naming the file, line and column.
 */
import { DECIMAL_NUMBER } from './decimal-number.ts';
import { DataError } from './errors.ts';
import type { Dataset } from './types.ts';

/** The header toCsv writes: pixel (row r, column c) is "r<r>c<c>", counted from 0 as everywhere else, then "class". */
const CSV_HEADER = [
  'r0c0',
  'r0c1',
  'r0c2',
  'r1c0',
  'r1c1',
  'r1c2',
  'r2c0',
  'r2c1',
  'r2c2',
  'class',
] as const;

const COLUMNS = CSV_HEADER.length;

const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** The CSV text of a dataset; numbers are written in full (shortest round-trip) precision. */
export function toCsv(dataset: Dataset): string {
  const rows = dataset.images.map((image, i) =>
    [...image, dataset.labels[i]!].map(String).join(','),
  );
  return `${[CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}

/** The dataset in CSV `text`; `fileName` names it in errors, and its base name (without .csv) names the dataset. */
export function parseCsv(text: string, fileName: string): Dataset {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''));
  const columnNames = readHeader(lines[0]!, fileName);
  const dataset: Dataset = { name: datasetName(fileName), images: [], labels: [] };
  lines.forEach((line, index) => {
    // A final newline leaves an empty last line; blank lines carry no data, wherever they are.
    if (index === 0 || line.trim() === '') return;
    const { pixels, label } = readRow(line, { fileName, line: index + 1, columnNames });
    dataset.images.push(pixels);
    dataset.labels.push(label);
  });
  if (dataset.images.length === 0)
    throw new DataError(fileName, 'no data rows after the header', 2, 1);
  return dataset;
}

/** The column names of the header row, or a DataError if it is missing, has the wrong width or is data. */
function readHeader(header: string, fileName: string): string[] {
  if (header.trim() === '')
    throw new DataError(
      fileName,
      'the file is empty: expected a header row and then one row per image',
      1,
      1,
    );
  const cells = header.split(',');
  if (cells.length !== COLUMNS) {
    throw new DataError(
      fileName,
      `the header has ${cells.length} columns, expected ${COLUMNS} (9 pixels, then the class)`,
      1,
      Math.min(cells.length, COLUMNS) + 1,
    );
  }
  if (cells.every((cell) => DECIMAL_NUMBER.test(cell.trim()))) {
    throw new DataError(fileName, 'expected a header row (column names) but found numbers', 1, 1);
  }
  return cells.map((cell) => cell.trim());
}

/** Where a row is: its file, its line number (1-based) and the header's column names. */
interface RowPlace {
  fileName: string;
  line: number;
  columnNames: readonly string[];
}

/** One image row: its 9 pixels in [0, 1] and its class (0 or 1), or a DataError naming the cell. */
function readRow(line: string, at: RowPlace): { pixels: number[]; label: number } {
  const { fileName, line: lineNumber, columnNames } = at;
  const cells = line.split(',');
  if (cells.length !== COLUMNS) {
    throw new DataError(
      fileName,
      `found ${cells.length} values, expected ${COLUMNS} (9 pixels, then the class)`,
      lineNumber,
      Math.min(cells.length, COLUMNS) + 1,
    );
  }
  const values = cells.map((cell, c) => parseValue(cell, at, c));
  values.slice(0, 9).forEach((pixel, c) => {
    if (pixel < 0 || pixel > 1) {
      throw new DataError(
        fileName,
        `pixel value ${pixel} (column "${columnNames[c]}") is outside [0, 1]`,
        lineNumber,
        c + 1,
      );
    }
  });
  const label = values[9]!;
  if (label !== 0 && label !== 1) {
    throw new DataError(
      fileName,
      `class ${label} is not 0 (vertical line) or 1 (horizontal line)`,
      lineNumber,
      COLUMNS,
    );
  }
  return { pixels: values.slice(0, 9), label };
}

/** The number in the cell of column `c` (0-based) of the row at `at`, or a DataError saying why it is not one. */
function parseValue(cell: string, at: RowPlace, c: number): number {
  const { fileName, line } = at;
  const column = c + 1;
  const text = cell.trim();
  const where = `column "${at.columnNames[c]}"`;
  if (text === '') throw new DataError(fileName, `empty value (${where})`, line, column);
  if (NOT_FINITE.test(text))
    throw new DataError(
      fileName,
      `${text} is not allowed: every value must be a finite number (${where})`,
      line,
      column,
    );
  if (!DECIMAL_NUMBER.test(text))
    throw new DataError(fileName, `"${text}" is not a number (${where})`, line, column);
  const value = Number(text);
  // Digits can still overflow to Infinity (1e999).
  if (!Number.isFinite(value))
    throw new DataError(
      fileName,
      `${text} is too large to be a finite number (${where})`,
      line,
      column,
    );
  return value;
}

/** "data/my-train.csv" -> "my-train" (works with / and \ separators; no node:path, so it runs in a browser). */
function datasetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.csv$/i, '') || base;
}
