/**
 * The dense matrix type, on cases small enough to work out by hand (the expected values are
 * written out in the comments), and the shape checks that keep the equations honest.
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from '../../src/nn/matrix.ts';

// A = [[1, 2, 3], [4, 5, 6]] (2 x 3) and B = [[7, 8], [9, 10], [11, 12]] (3 x 2).
const A = () =>
  Matrix.fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);
const B = () =>
  Matrix.fromRows([
    [7, 8],
    [9, 10],
    [11, 12],
  ]);

describe('Matrix construction', () => {
  it('stores rows one after another (row-major)', () => {
    const m = A();
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.get(1, 0)).toBe(4);
    expect(m.get(0, 2)).toBe(3);
  });

  it('builds from columns as the transpose of building from rows', () => {
    // Two images of three pixels become a 3 x 2 matrix, one image per column.
    const m = Matrix.fromColumns([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.toRows()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(m.column(1)).toEqual([4, 5, 6]);
  });

  it('starts at zero', () => {
    expect(Matrix.zeros(2, 2).toRows()).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  // Each case: a shape or data that cannot make a matrix, and the words its error must contain.
  const badShapes: [string, () => Matrix, string][] = [
    ['negative rows', () => new Matrix(-1, 2), 'bad shape -1x2'],
    ['fractional columns', () => new Matrix(2, 1.5), 'bad shape 2x1.5'],
    ['too few values', () => new Matrix(2, 2, new Float64Array(3)), 'needs 4 values, got 3'],
    ['ragged rows', () => Matrix.fromRows([[1, 2], [3]]), 'row 1 has 1 values, expected 2'],
  ];
  for (const [name, make, message] of badShapes) {
    it(`refuses ${name}`, () => expect(make).toThrow(message));
  }
});

describe('Matrix arithmetic', () => {
  it('transposes (2 x 3 -> 3 x 2)', () => {
    expect(A().transpose().toRows()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('multiplies (2 x 3) by (3 x 2)', () => {
    // [1*7 + 2*9 + 3*11, 1*8 + 2*10 + 3*12] = [58, 64]; [4*7 + 5*9 + 6*11, 4*8 + 5*10 + 6*12] = [139, 154].
    expect(A().matmul(B()).toRows()).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it('refuses a product whose inner sizes differ', () => {
    expect(() => A().matmul(A())).toThrow('2x3 times 2x3');
  });

  it('maps every entry, telling the function its row and column', () => {
    expect(
      A()
        .map((v, r, c) => v * 10 + r + c)
        .toRows(),
    ).toEqual([
      [10, 21, 32],
      [41, 52, 63],
    ]);
  });

  it('subtracts and multiplies entry by entry', () => {
    const ones = A().map(() => 1);
    expect(A().sub(ones).toRows()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(A().mul(A()).toRows()).toEqual([
      [1, 4, 9],
      [16, 25, 36],
    ]);
    expect(() => A().sub(B())).toThrow('2x3 and 3x2');
  });

  it('adds a column vector to every column, as numpy broadcasts b in W x + b', () => {
    const b = Matrix.fromColumns([[10, 20]]);
    expect(A().addColumn(b).toRows()).toEqual([
      [11, 12, 13],
      [24, 25, 26],
    ]);
    expect(() => A().addColumn(A())).toThrow('2x3 plus 2x3');
  });

  it('sums each row into a column vector', () => {
    // 1 + 2 + 3 = 6 and 4 + 5 + 6 = 15.
    const sums = A().sumRows();
    expect([sums.rows, sums.cols]).toEqual([2, 1]);
    expect(Array.from(sums.data)).toEqual([6, 15]);
  });

  it('finds the largest entry of each column, the first one on a tie', () => {
    const m = Matrix.fromRows([
      [0.2, 0.9, 0.5],
      [0.8, 0.1, 0.5],
    ]);
    expect(m.argmaxColumns()).toEqual([1, 0, 0]);
  });

  it('finds the largest absolute value', () => {
    expect(Matrix.fromRows([[1, -7, 3]]).maxAbs()).toBe(7);
    expect(Matrix.zeros(0, 0).maxAbs()).toBe(0);
  });

  it('never changes its inputs', () => {
    const a = A();
    const before = Array.from(a.data);
    a.transpose();
    a.matmul(B());
    a.map((v) => -v);
    a.sub(a);
    a.mul(a);
    a.addColumn(Matrix.fromColumns([[1, 1]]));
    a.sumRows();
    expect(Array.from(a.data)).toEqual(before);
  });
});

describe('Matrix.packed', () => {
  it('copies the matrices, values and shapes, into one buffer of exactly their size', () => {
    const a = Matrix.fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = Matrix.fromRows([[5, 6, 7]]);
    const [pa, pb] = Matrix.packed([a, b]);
    expect([pa!.rows, pa!.cols, [...pa!.data]]).toEqual([2, 2, [1, 2, 3, 4]]);
    expect([pb!.rows, pb!.cols, [...pb!.data]]).toEqual([1, 3, [5, 6, 7]]);
    expect(pa!.data.buffer).toBe(pb!.data.buffer);
    expect(pa!.data.buffer.byteLength).toBe(7 * 8);
    // Copies: the originals' arrays are not shared.
    expect(pa!.data.buffer).not.toBe(a.data.buffer);
  });
});
