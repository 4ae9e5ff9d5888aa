/** The matrices' memory: zero-filled arrays cut from shared blocks, never shared between two matrices. */
import { describe, expect, it } from 'vitest';
import { zeroFloats } from '../../src/nn/float-blocks.ts';

describe('zeroFloats', () => {
  it('gives arrays of the length asked for, all zeros', () => {
    for (const length of [0, 1, 7, 144, 1000, 100_000]) {
      const floats = zeroFloats(length);
      expect(floats).toBeInstanceOf(Float64Array);
      expect(floats.length).toBe(length);
      expect(floats.every((x) => x === 0)).toBe(true);
    }
  });

  it('never gives two arrays the same memory, across the end of a block', () => {
    // Enough small arrays to fill several blocks: each is written with its own number and read back.
    const arrays = Array.from({ length: 3000 }, (_, k) => zeroFloats(1 + (k % 50)));
    for (const [k, a] of arrays.entries()) a.fill(k);
    const wrong = arrays.flatMap((a, k) => (a.every((x) => x === k) ? [] : [k]));
    expect(wrong).toEqual([]);
  });
});
