/**
 * numpy's PCG64 bit generator: a 128-bit linear congruential generator whose state is folded
 * and rotated into each 64-bit output (XSL-RR), started from a seed as `default_rng(seed)`
 * starts it (SeedSequence's four words).
 */
import { seedSequenceState64 } from './seed-sequence.ts';

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

/** A stream of 64-bit outputs: each `advance()` leaves the next one in `hi` and `lo`. */
export interface Pcg64 {
  /** Steps the generator and stores its next output. */
  advance(): void;
  /** The high 32 bits of the latest output, unsigned. */
  hi: number;
  /** Its low 32 bits, unsigned. */
  lo: number;
}

/** The 128-bit state and odd increment that numpy's PCG64 starts from for `seed`. */
function seededState(seed: number): { state: bigint; increment: bigint } {
  const [w0, w1, w2, w3] = seedSequenceState64(seed, 4) as [bigint, bigint, bigint, bigint];
  // numpy's PCG64 seeding (pcg_setseq_128_srandom_r): odd increment from the second pair,
  // then state 0, step, add the first pair, step.
  const initState = (w0 << 64n) | w1;
  const initSeq = (w2 << 64n) | w3;
  const increment = ((initSeq << 1n) | 1n) & MASK_128;
  const state = lcgStepBig((lcgStepBig(0n, increment) + initState) & MASK_128, increment);
  return { state, increment };
}

/** Stores in `out` the XSL-RR output of a 128-bit state in limbs, as unsigned 32-bit halves. */
function storeXslRr(state: Float64Array, out: Pcg64): void {
  // XSL: fold the high 64 bits onto the low 64 bits.
  let lo = ((state[0]! | (state[1]! << 16)) ^ (state[4]! | (state[5]! << 16))) >>> 0;
  let hi = ((state[2]! | (state[3]! << 16)) ^ (state[6]! | (state[7]! << 16))) >>> 0;
  // RR: rotate right by the state's top 6 bits (bits 122..127 = top 6 bits of limb 7).
  let rot = state[7]! >>> 10;
  if (rot >= 32) {
    const swapped = lo;
    lo = hi;
    hi = swapped;
    rot -= 32;
  }
  if (rot > 0) {
    const rotatedLo = ((lo >>> rot) | (hi << (32 - rot))) >>> 0;
    hi = ((hi >>> rot) | (lo << (32 - rot))) >>> 0;
    lo = rotatedLo;
  }
  out.hi = hi;
  out.lo = lo;
}

/** PCG64 as numpy's `default_rng(seed)` seeds it (createRng checks the seed first). */
export function createPcg64(seed: number): Pcg64 {
  const seeded = seededState(seed);
  const state = toLimbs(seeded.state);
  const increment = toLimbs(seeded.increment);
  const next = new Float64Array(LIMBS);
  const generator: Pcg64 = {
    hi: 0,
    lo: 0,
    advance() {
      // state = state * multiplier + increment (mod 2^128), column by column of limbs.
      let carry = 0;
      for (let k = 0; k < LIMBS; k++) {
        let column = carry + increment[k]!;
        for (let i = 0; i <= k; i++) column += state[i]! * MULTIPLIER_LIMBS[k - i]!;
        const limb = column % LIMB;
        next[k] = limb;
        carry = (column - limb) / LIMB;
      }
      state.set(next);
      storeXslRr(state, generator);
    },
  };
  return generator;
}
