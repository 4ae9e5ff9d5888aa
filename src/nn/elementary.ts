/**
 * The exponential and the natural logarithm, computed here with plain IEEE double arithmetic
 * (the classic algorithms of Sun's fdlibm, e_exp.c and e_log.c), rather than with Math.exp and
 * Math.log. JavaScript leaves the last bit of those to each engine, and engines differ: Node and
 * a browser can disagree about the loss in its last digit. With these, every engine computes the
 * same doubles, so the explorer in the page reproduces the build's numbers bit for bit.
 */

// A scratch double with its two 32-bit halves (little-endian: [1] is the high word, sign and
// exponent). Only these two functions use it, and neither calls out while it holds a value.
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** The high 32 bits of x (sign, exponent and the top 20 bits of the fraction), as a signed integer. */
function highWord(x: number): number {
  scratch[0] = x;
  return words[1]! | 0;
}

/** x with its high word replaced. */
function withHighWord(x: number, high: number): number {
  scratch[0] = x;
  words[1] = high >>> 0;
  return scratch[0];
}

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E;
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019411;
const TWO_M1000 = 9.332636185032189e-302;
// The polynomial for exp on [-ln2/2, ln2/2] (a Remez fit, as in fdlibm).
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 0.00006613756321437934;
const P4 = -0.0000016533902205465252;
const P5 = 4.1381367970572385e-8;

/** e^x: x = k ln2 + r with |r| <= ln2 / 2, then e^r from a rational approximation, scaled by 2^k. */
export function exp(x: number): number {
  const high = highWord(x);
  const negative = high < 0 ? 1 : 0;
  const top = high & 0x7fffffff;
  if (top >= 0x40862e42) {
    // |x| >= 709.78: NaN, infinities, overflow and underflow.
    if (Number.isNaN(x)) return x;
    if (x === Infinity) return Infinity;
    if (x === -Infinity) return 0;
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  // fdlibm's e^1 is one unit in the last place above e; JavaScript engines return Math.E.
  if (x === 1) return Math.E;
  let k = 0;
  let hi = 0;
  let lo = 0;
  if (top > 0x3fd62e42) {
    // |x| > ln2 / 2: reduce.
    if (top < 0x3ff0a2b2) {
      hi = x - (negative ? -LN2_HI : LN2_HI);
      lo = negative ? -LN2_LO : LN2_LO;
      k = 1 - negative - negative;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (top < 0x3e300000) {
    // |x| < 2^-28: e^x = 1 + x to double precision.
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // Multiply by 2^k by adding k to the exponent (in two steps near the bottom of the range).
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
}

const TWO_54 = 2 ** 54;
// The polynomial for log(1 + f) on the reduced range (as in fdlibm).
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

/** ln x: x = 2^k (1 + f) with sqrt(2)/2 <= 1 + f < sqrt(2), then log(1 + f) from s = f / (2 + f). */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  let high = highWord(x);
  if (high < 0x00100000) {
    // Subnormal: scale into the normal range first.
    k -= 54;
    x *= TWO_54;
    high = highWord(x);
  }
  k += (high >> 20) - 1023;
  high &= 0x000fffff;
  const i = (high + 0x95f64) & 0x100000;
  // Normalise x to [sqrt(2)/2, sqrt(2)): its exponent becomes 0, or -1 when the fraction is large.
  x = withHighWord(x, high | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + high)) < 3) {
    // |f| < 2^-20: a short series is enough.
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((high - 0x6147a) | (0x6b851 - high)) > 0) {
    const halfSquare = 0.5 * f * f;
    if (k === 0) return f - (halfSquare - s * (halfSquare + r));
    return dk * LN2_HI - (halfSquare - (s * (halfSquare + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
