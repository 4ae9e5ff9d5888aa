/**
 * A small dense matrix over Float64Array, stored row-major, with just the operations
 * the tutorial's equations use. Every operation returns a new matrix; none mutates its inputs.
 */
import { zeroFloats } from './float-blocks.ts';

export class Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major values: the entry (r, c) sits at data[r * cols + c]. */
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new Error(`Matrix: bad shape ${rows}x${cols}`);
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new Error(`Matrix: ${rows}x${cols} needs ${rows * cols} values, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? zeroFloats(rows * cols);
  }

  /** A matrix of zeros, rows x cols. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /**
   * Copies of `matrices` in one new buffer of exactly their size. Matrices made in a training
   * step share larger blocks of memory (float-blocks.ts); a copy kept for long, a snapshot's,
   * then holds only its own values alive, not the block it was cut from.
   */
  static packed(matrices: readonly Matrix[]): Matrix[] {
    const all = new Float64Array(matrices.reduce((n, m) => n + m.data.length, 0));
    let offset = 0;
    return matrices.map((m) => {
      const data = all.subarray(offset, offset + m.data.length);
      data.set(m.data);
      offset += m.data.length;
      return new Matrix(m.rows, m.cols, data);
    });
  }

  /** A matrix from nested arrays, one inner array per row. */
  static fromRows(rows: readonly (readonly number[])[]): Matrix {
    const cols = rows[0]?.length ?? 0;
    const m = new Matrix(rows.length, cols);
    rows.forEach((row, r) => {
      if (row.length !== cols)
        throw new Error(`Matrix.fromRows: row ${r} has ${row.length} values, expected ${cols}`);
      m.data.set(row, r * cols);
    });
    return m;
  }

  /** A matrix whose column j is columns[j] (so n images of 9 pixels become 9 x n). */
  static fromColumns(columns: readonly (readonly number[])[]): Matrix {
    return Matrix.fromRows(columns).transpose();
  }

  /** The entry at row r, column c. */
  get(r: number, c: number): number {
    return this.data[r * this.cols + c]!;
  }

  /** Nested arrays, one per row (for JSON and for tests). */
  toRows(): number[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from(this.data.subarray(r * this.cols, (r + 1) * this.cols)),
    );
  }

  /** Column c as a plain array. */
  column(c: number): number[] {
    return Array.from({ length: this.rows }, (_, r) => this.get(r, c));
  }

  /** The transpose: (rows x cols) -> (cols x rows). */
  transpose(): Matrix {
    const t = new Matrix(this.cols, this.rows);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) t.data[c * this.rows + r] = this.data[r * this.cols + c]!;
    }
    return t;
  }

  /** The matrix product this * other: (n x k) * (k x m) -> (n x m). */
  matmul(other: Matrix): Matrix {
    if (this.cols !== other.rows) {
      throw new Error(`Matrix.matmul: ${this.rows}x${this.cols} times ${other.rows}x${other.cols}`);
    }
    const out = new Matrix(this.rows, other.cols);
    // Locals instead of property reads in the inner loop: this is the engine's hottest code.
    const a = this.data;
    const b = other.data;
    const o = out.data;
    const n = this.cols;
    const m = other.cols;
    for (let r = 0; r < this.rows; r++) {
      const row = r * m;
      for (let k = 0; k < n; k++) {
        const x = a[r * n + k]!;
        const from = k * m;
        for (let c = 0; c < m; c++) o[row + c]! += x * b[from + c]!;
      }
    }
    return out;
  }

  /** A new matrix with f applied to every entry (f also receives the entry's row and column). */
  map(f: (value: number, r: number, c: number) => number): Matrix {
    const out = new Matrix(this.rows, this.cols);
    const d = this.data;
    for (let r = 0, i = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++, i++) out.data[i] = f(d[i]!, r, c);
    }
    return out;
  }

  /** Entry-wise combination of two matrices of the same shape. */
  zip(other: Matrix, f: (a: number, b: number) => number): Matrix {
    if (this.rows !== other.rows || this.cols !== other.cols) {
      throw new Error(`Matrix.zip: ${this.rows}x${this.cols} and ${other.rows}x${other.cols}`);
    }
    const out = new Matrix(this.rows, this.cols);
    for (let i = 0; i < this.data.length; i++) out.data[i] = f(this.data[i]!, other.data[i]!);
    return out;
  }

  /** Entry-wise difference this - other (same shapes). */
  sub(other: Matrix): Matrix {
    return this.zip(other, (a, b) => a - b);
  }

  /** Entry-wise (Hadamard) product. */
  mul(other: Matrix): Matrix {
    return this.zip(other, (a, b) => a * b);
  }

  /** Adds a column vector (rows x 1) to every column: numpy's broadcasting of b in W x + b. */
  addColumn(vector: Matrix): Matrix {
    if (vector.rows !== this.rows || vector.cols !== 1) {
      throw new Error(
        `Matrix.addColumn: ${this.rows}x${this.cols} plus ${vector.rows}x${vector.cols}`,
      );
    }
    const out = new Matrix(this.rows, this.cols);
    for (let r = 0, i = 0; r < this.rows; r++) {
      const b = vector.data[r]!;
      for (let c = 0; c < this.cols; c++, i++) out.data[i] = this.data[i]! + b;
    }
    return out;
  }

  /** The sum of each row, as a column vector (rows x 1): numpy's sum(axis=1, keepdims=True). */
  sumRows(): Matrix {
    const out = new Matrix(this.rows, 1);
    for (let r = 0; r < this.rows; r++) {
      let s = 0;
      for (let c = 0; c < this.cols; c++) s += this.data[r * this.cols + c]!;
      out.data[r] = s;
    }
    return out;
  }

  /** The index of the largest entry of each column (the first on ties): numpy's argmax(axis=0). */
  argmaxColumns(): number[] {
    return Array.from({ length: this.cols }, (_, c) => {
      let best = 0;
      for (let r = 1; r < this.rows; r++) if (this.get(r, c) > this.get(best, c)) best = r;
      return best;
    });
  }

  /** The largest absolute value of any entry (0 for an empty matrix). */
  maxAbs(): number {
    let m = 0;
    for (const v of this.data) m = Math.max(m, Math.abs(v));
    return m;
  }
}
