/**
 * numpy's SeedSequence for an integer seed: it hashes the seed into a pool of four 32-bit words
 * and draws from the pool as many words as a bit generator needs to start (PCG64 takes four
 * 64-bit words). The same seed gives the same words as `SeedSequence(seed).generate_state`.
 */

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
export function assertValidSeed(seed: unknown): asserts seed is number {
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
