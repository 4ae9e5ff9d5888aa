import { describe, expect, it } from 'vitest';
import { median } from '../../../scripts/lib/median.ts';
import { sha256Hex } from '../../../scripts/lib/sha256.ts';

describe('median', () => {
  it.each([
    // Odd count: the middle value after sorting.
    { values: [5, 1, 3], expected: 3 },
    // Even count: the mean of the middle two.
    { values: [4, 1, 3, 2], expected: 2.5 },
    // One value.
    { values: [7], expected: 7 },
  ])('$values -> $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 test vectors', () => {
    // FIPS 180-2, appendix B.1 ("abc") and the empty message.
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
