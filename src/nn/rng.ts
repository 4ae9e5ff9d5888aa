/**
 * A seeded random generator that reproduces numpy's `numpy.random.default_rng(seed)` bit for bit:
 * SeedSequence turns the seed into four 64-bit words, PCG64 (a 128-bit LCG with the XSL-RR
 * output) turns them into a stream of 64-bit integers, and `random`, `uniform` and `normal`
 * (numpy's 256-layer ziggurat) turn those into doubles exactly as numpy's Generator does.
 */
import { exp } from './elementary.ts';
import {
  ZIGGURAT_FI,
  ZIGGURAT_KI,
  ZIGGURAT_NOR_INV_R,
  ZIGGURAT_NOR_R,
  ZIGGURAT_WI,
} from './ziggurat-tables.ts';

/** A stream of random numbers; every call advances the stream. */
export interface Rng {
  /** The next raw 64-bit output of PCG64, as numpy's `bit_generator.random_raw()`. */
  nextUint64(): bigint;
  /** A double in [0, 1) with 53 random bits, as numpy's `Generator.random()`. */
  random(): number;
  /** A double in [low, high), as numpy's `Generator.uniform(low, high)`. */
  uniform(low: number, high: number): number;
  /** A normal draw with the given mean and standard deviation, as numpy's `Generator.normal`. */
  normal(mean?: number, sd?: number): number;
}

// SeedSequence hashing constants (numpy/random/bit_generator.pyx).
const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;

const TWO_POW_32 = 2 ** 32;

/** The largest seed: 2^53 - 1, the largest integer a double holds exactly (and so a JSON or URL round trip). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Throws unless `seed` is an integer in 0 .. 2^53 - 1 (the integers a double holds exactly). */
function assertValidSeed(seed: unknown): asserts seed is number {
  if (typeof seed !== 'number' || Number.isNaN(seed)) {
    throw new RangeError(`Random seed must be a number, got ${String(seed)}`);
  }
  if (!Number.isInteger(seed)) {
    throw new RangeError(`Random seed must be an integer, got ${seed}`);
  }
  if (seed < 0) {
    throw new RangeError(`Random seed must be 0 or greater, got ${seed}`);
  }
  if (seed > MAX_SEED) {
    throw new RangeError(`Random seed must be at most ${MAX_SEED} (2^53 - 1), got ${seed}`);
  }
}

/** The seed as 32-bit words, least significant first, as numpy splits an integer seed. */
function seedToWords(seed: number): number[] {
  const low = seed % TWO_POW_32;
  const high = Math.floor(seed / TWO_POW_32);
  return high > 0 ? [low, high] : [low];
}

/** SeedSequence's 4-word entropy pool for `seed` (numpy's `SeedSequence(seed).pool`). */
function seedSequencePool(seed: number): number[] {
  const entropy = seedToWords(seed);
  let hashConst = INIT_A;
  // One step of the running hash: every call also advances the hash constant.
  const hashmix = (value: number): number => {
    let v = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    return (v ^ (v >>> XSHIFT)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    // The difference of two int32 products is exact; >>> 0 reduces it modulo 2^32.
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> XSHIFT)) >>> 0;
  };

  const pool: number[] = [];
  for (let i = 0; i < POOL_SIZE; i++) {
    // Missing entropy words hash as 0, so the pool is filled either way.
    pool.push(hashmix(entropy[i] ?? 0));
  }
  // Mix every word into every other so late words influence early ones.
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst]!, hashmix(pool[src]!));
    }
  }
  // Entropy beyond the pool size (never for seeds below 2^64, kept for fidelity).
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      pool[dst] = mix(pool[dst]!, hashmix(entropy[src]!));
    }
  }
  return pool;
}

/**
 * The first `words32` 32-bit words of `SeedSequence(seed).generate_state(words32, np.uint32)`,
 * as unsigned integers.
 */
export function seedSequenceState(seed: number, words32 = 8): number[] {
  assertValidSeed(seed);
  if (!Number.isInteger(words32) || words32 < 0) {
    throw new RangeError(`Word count must be a non-negative integer, got ${words32}`);
  }
  const pool = seedSequencePool(seed);
  let hashConst = INIT_B;
  const out: number[] = [];
  for (let i = 0; i < words32; i++) {
    let v = (pool[i % POOL_SIZE]! ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    v = Math.imul(v, hashConst) >>> 0;
    out.push((v ^ (v >>> XSHIFT)) >>> 0);
  }
  return out;
}

/**
 * `SeedSequence(seed).generate_state(words64, np.uint64)`: pairs of 32-bit words, low word
 * first, joined into 64-bit words.
 */
export function seedSequenceState64(seed: number, words64 = 4): bigint[] {
  const words = seedSequenceState(seed, 2 * words64);
  const out: bigint[] = [];
  for (let i = 0; i < words64; i++) {
    out.push((BigInt(words[2 * i + 1]!) << 32n) | BigInt(words[2 * i]!));
  }
  return out;
}

// PCG64 works on 128-bit integers. They are kept as eight 16-bit limbs (least significant
// first) in doubles: a limb product is below 2^32 and a column of eight of them plus carries
// stays far below 2^53, so the multiply is exact without BigInt on the hot path.
const LIMBS = 8;
const LIMB = 0x10000;
const PCG_MULTIPLIER = 0x2360ed051fc65da44385df649fccf645n;
const MASK_128 = (1n << 128n) - 1n;

/** A 128-bit integer as eight 16-bit limbs, least significant first. */
function toLimbs(x: bigint): Float64Array {
  const limbs = new Float64Array(LIMBS);
  for (let i = 0; i < LIMBS; i++) {
    limbs[i] = Number((x >> BigInt(16 * i)) & 0xffffn);
  }
  return limbs;
}

const MULTIPLIER_LIMBS = toLimbs(PCG_MULTIPLIER);

/** One LCG step on 128-bit integers: state * multiplier + increment (mod 2^128), by BigInt. */
function lcgStepBig(state: bigint, increment: bigint): bigint {
  return (state * PCG_MULTIPLIER + increment) & MASK_128;
}

/** A generator equal to numpy's `default_rng(seed)`; seed is an integer in 0 .. 2^53 - 1. */
export function createRng(seed: number): Rng {
  assertValidSeed(seed);
  const [w0, w1, w2, w3] = seedSequenceState64(seed, 4) as [bigint, bigint, bigint, bigint];
  // numpy's PCG64 seeding (pcg_setseq_128_srandom_r): odd increment from the second pair,
  // then state 0, step, add the first pair, step.
  const initState = (w0 << 64n) | w1;
  const initSeq = (w2 << 64n) | w3;
  const incBig = ((initSeq << 1n) | 1n) & MASK_128;
  const stateBig = lcgStepBig((lcgStepBig(0n, incBig) + initState) & MASK_128, incBig);

  const state = toLimbs(stateBig);
  const inc = toLimbs(incBig);
  const next = new Float64Array(LIMBS);
  // The latest 64-bit output as two unsigned 32-bit halves, set by draw().
  let outHi = 0;
  let outLo = 0;

  /** Advances the LCG and stores its XSL-RR output in outHi/outLo. */
  const draw = (): void => {
    let carry = 0;
    for (let k = 0; k < LIMBS; k++) {
      let column = carry + inc[k]!;
      for (let i = 0; i <= k; i++) column += state[i]! * MULTIPLIER_LIMBS[k - i]!;
      const limb = column % LIMB;
      next[k] = limb;
      carry = (column - limb) / LIMB;
    }
    state.set(next);
    // XSL: fold the high 64 bits onto the low 64 bits.
    let lo = ((state[0]! | (state[1]! << 16)) ^ (state[4]! | (state[5]! << 16))) >>> 0;
    let hi = ((state[2]! | (state[3]! << 16)) ^ (state[6]! | (state[7]! << 16))) >>> 0;
    // RR: rotate right by the state's top 6 bits (bits 122..127 = top 6 bits of limb 7).
    let rot = state[7]! >>> 10;
    if (rot >= 32) {
      const t = lo;
      lo = hi;
      hi = t;
      rot -= 32;
    }
    if (rot > 0) {
      const newLo = ((lo >>> rot) | (hi << (32 - rot))) >>> 0;
      hi = ((hi >>> rot) | (lo << (32 - rot))) >>> 0;
      lo = newLo;
    }
    outHi = hi;
    outLo = lo;
  };

  /** The top 53 bits of the next output, scaled into [0, 1). */
  const nextDouble = (): number => {
    draw();
    return (outHi * 2 ** 21 + (outLo >>> 11)) * 2 ** -53;
  };

  /** numpy's random_standard_normal: the 256-layer ziggurat. */
  const standardNormal = (): number => {
    for (;;) {
      draw();
      // Bits 0-7 pick the layer, bit 8 the sign, bits 9-60 the 52-bit magnitude.
      const layer = outLo & 0xff;
      const negative = (outLo >>> 8) & 1;
      const magnitude = (outHi & 0x1fffffff) * 2 ** 23 + (outLo >>> 9);
      let x = magnitude * ZIGGURAT_WI[layer]!;
      if (negative) x = -x;
      if (magnitude < ZIGGURAT_KI[layer]!) return x; // inside the layer's rectangle
      if (layer === 0) {
        // Beyond r: Marsaglia's tail method. log1p(-u) = log(1 - u) never sees log(0).
        // The sign comes from bit 8 of the magnitude (bit 17 of the draw).
        const tailNegative = (outLo >>> 17) & 1;
        for (;;) {
          const xx = -ZIGGURAT_NOR_INV_R * Math.log1p(-nextDouble());
          const yy = -Math.log1p(-nextDouble());
          if (yy + yy > xx * xx) {
            return tailNegative ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
          }
        }
      }
      // Wedge between this layer's rectangle and the curve: accept under the density.
      const fiOuter = ZIGGURAT_FI[layer]!;
      const fiInner = ZIGGURAT_FI[layer - 1]!;
      if ((fiInner - fiOuter) * nextDouble() + fiOuter < exp(-0.5 * x * x)) return x;
    }
  };

  return {
    nextUint64(): bigint {
      draw();
      return (BigInt(outHi) << 32n) | BigInt(outLo);
    },
    random: nextDouble,
    uniform(low: number, high: number): number {
      if (!Number.isFinite(low) || !Number.isFinite(high) || !Number.isFinite(high - low)) {
        throw new RangeError(`uniform needs finite bounds, got low ${low}, high ${high}`);
      }
      return low + (high - low) * nextDouble();
    },
    normal(mean = 0, sd = 1): number {
      if (!(sd >= 0)) {
        throw new RangeError(`normal needs a standard deviation of 0 or more, got ${sd}`);
      }
      return mean + sd * standardNormal();
    },
  };
}
