/**
 * The engine's own exp and log, against Python's math.exp and math.log (glibc: correctly rounded
 * for these inputs, printed by `python3 -c "import math; print(repr(math.exp(x)))"`), within one
 * unit in the last place; at their special values; and through identities over many inputs.
 */
import { describe, expect, it } from 'vitest';
import { exp, log } from '../../src/nn/elementary.ts';

/** The distance between two doubles in units in the last place of b. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const spacing = Math.max(Number.MIN_VALUE, Math.abs(b) * Number.EPSILON);
  return Math.abs(a - b) / spacing;
}

describe('exp', () => {
  // [x, Python's math.exp(x)]
  const cases: [number, number][] = [
    [-700.5, 5.980196118639791e-305],
    [-30.25, 7.287724095819692e-14],
    [-1, 0.36787944117144233],
    [-0.5, 0.6065306597126334],
    [-1e-10, 0.9999999999],
    [0.125, 1.1331484530668263],
    [Math.LN2, 2],
    [2.5, 12.182493960703473],
    [88.7, 3.325986980250579e38],
    [700, 1.0142320547350045e304],
  ];
  for (const [x, expected] of cases) {
    it(`e^${x} is within one ulp of ${expected}`, () =>
      expect(ulps(exp(x), expected)).toBeLessThanOrEqual(1));
  }

  it('has the special values of Math.exp', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-745.13)).toBe(Number.MIN_VALUE);
    expect(exp(Number.NaN)).toBeNaN();
  });

  it('turns sums into products: e^(a+b) = e^a e^b, within the rounding of a + b and a few ulps', () => {
    for (let k = 0; k < 2000; k++) {
      const a = -40 + ((k * 37) % 80) + k / 997;
      const b = -(k % 13) / 7;
      // Rounding a + b alone moves e^(a+b) by up to |a + b| / 2 ulps.
      expect(ulps(exp(a + b), exp(a) * exp(b))).toBeLessThanOrEqual(4 + Math.abs(a + b));
    }
  });
});

describe('log', () => {
  // [x, Python's math.log(x)]
  const cases: [number, number][] = [
    [5e-324, -744.4400719213812],
    [1e-300, -690.7755278982137],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: Python's math.log(0.1), not -Math.LN10
    [0.1, -2.3025850929940455],
    [0.5, -Math.LN2],
    [0.75, -0.2876820724517809],
    [1.0000001, 9.999999505838704e-8],
    [2, Math.LN2],
    [10, Math.LN10],
    [1e10, 23.025850929940457],
    [1.7e308, 709.7268368932282],
  ];
  for (const [x, expected] of cases) {
    it(`ln ${x} is within one ulp of ${expected}`, () =>
      expect(ulps(log(x), expected)).toBeLessThanOrEqual(1));
  }

  it('has the special values of Math.log', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(Infinity)).toBe(Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Number.NaN)).toBeNaN();
  });

  it('undoes exp, and turns products into sums', () => {
    for (let k = 1; k < 2000; k++) {
      const x = k / 97 - 10;
      expect(Math.abs(log(exp(x)) - x)).toBeLessThanOrEqual(
        4 * Number.EPSILON * Math.max(1, Math.abs(x)),
      );
      const a = k * 1.37;
      const b = 1 / k;
      expect(Math.abs(log(a * b) - (log(a) + log(b)))).toBeLessThanOrEqual(
        8 * Number.EPSILON * Math.abs(log(a)) + 1e-15,
      );
    }
  });
});
