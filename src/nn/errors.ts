/**
 * The engine's error types. Each one names what went wrong and where, so a caller
 * (the command line, the build, the explorer) can show the message as it is.
 */
import type { HistoryEntry } from './types.ts';

/** A setting with a bad value or an unknown name; `source` is the file or place it came from. */
export class SettingsError extends Error {
  readonly source: string;
  /** The setting's name (e.g. "learningRate"), or "" when the whole input is wrong. */
  readonly field: string;

  constructor(source: string, field: string, problem: string) {
    super(field === '' ? `${source}: ${problem}` : `${source}: "${field}" ${problem}`);
    this.name = 'SettingsError';
    this.source = source;
    this.field = field;
  }
}

/** A data file that cannot be used; `line` and `column` are 1-based and absent when they do not apply. */
export class DataError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(file: string, problem: string, line?: number, column?: number) {
    const where =
      line === undefined
        ? file
        : column === undefined
          ? `${file}, line ${line}`
          : `${file}, line ${line}, column ${column}`;
    super(`${where}: ${problem}`);
    this.name = 'DataError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** Training produced a loss that is NaN or infinite at `iteration`; `history` holds the states before it. */
export class DivergenceError extends Error {
  readonly iteration: number;
  readonly learningRate: number;
  readonly loss: number;
  readonly history: readonly HistoryEntry[];

  constructor(
    iteration: number,
    learningRate: number,
    loss: number,
    history: readonly HistoryEntry[] = [],
  ) {
    super(
      `training diverged: the loss is ${loss} at iteration ${iteration} with learning rate ${learningRate}; ` +
        `try a smaller learning rate (for example ${Number((learningRate / 10).toPrecision(3))})`,
    );
    this.name = 'DivergenceError';
    this.iteration = iteration;
    this.learningRate = learningRate;
    this.loss = loss;
    this.history = history;
  }
}
