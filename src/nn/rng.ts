/**
 * A seeded random generator that reproduces numpy's `numpy.random.default_rng(seed)` bit for bit:
 * SeedSequence turns the seed into four 64-bit words, PCG64 (a 128-bit LCG with the XSL-RR
 * output) turns them into a stream of 64-bit integers, and `random`, `uniform` and `normal`
 * (numpy's 256-layer ziggurat) turn those into doubles exactly as numpy's Generator does.
 */
import { exp } from './elementary.ts';
import { createPcg64, type Pcg64 } from './pcg64.ts';
import { assertValidSeed } from './seed-sequence.ts';
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

/** The top 53 bits of the generator's next output, scaled into [0, 1). */
function nextDouble(bits: Pcg64): number {
  bits.advance();
  return (bits.hi * 2 ** 21 + (bits.lo >>> 11)) * 2 ** -53;
}

/** A draw beyond the ziggurat's last layer, at r: Marsaglia's tail method. */
function normalTail(bits: Pcg64, negative: boolean): number {
  for (;;) {
    // log1p(-u) = log(1 - u) never sees log(0).
    const xx = -ZIGGURAT_NOR_INV_R * Math.log1p(-nextDouble(bits));
    const yy = -Math.log1p(-nextDouble(bits));
    if (yy + yy > xx * xx) return negative ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
  }
}

/** numpy's random_standard_normal: the 256-layer ziggurat. */
function standardNormal(bits: Pcg64): number {
  for (;;) {
    bits.advance();
    const { hi, lo } = bits;
    // Bits 0-7 pick the layer, bit 8 the sign, bits 9-60 the 52-bit magnitude.
    const layer = lo & 0xff;
    const negative = (lo >>> 8) & 1;
    const magnitude = (hi & 0x1fffffff) * 2 ** 23 + (lo >>> 9);
    let x = magnitude * ZIGGURAT_WI[layer]!;
    if (negative) x = -x;
    if (magnitude < ZIGGURAT_KI[layer]!) return x; // inside the layer's rectangle
    // The tail's sign comes from bit 8 of the magnitude (bit 17 of the draw).
    if (layer === 0) return normalTail(bits, ((lo >>> 17) & 1) === 1);
    // Wedge between this layer's rectangle and the curve: accept under the density.
    const fiOuter = ZIGGURAT_FI[layer]!;
    const fiInner = ZIGGURAT_FI[layer - 1]!;
    if ((fiInner - fiOuter) * nextDouble(bits) + fiOuter < exp(-0.5 * x * x)) return x;
  }
}

/** A generator equal to numpy's `default_rng(seed)`; seed is an integer in 0 .. 2^53 - 1. */
export function createRng(seed: number): Rng {
  assertValidSeed(seed);
  const bits = createPcg64(seed);
  return {
    nextUint64(): bigint {
      bits.advance();
      return (BigInt(bits.hi) << 32n) | BigInt(bits.lo);
    },
    random: () => nextDouble(bits),
    uniform(low: number, high: number): number {
      if (!Number.isFinite(low) || !Number.isFinite(high) || !Number.isFinite(high - low)) {
        throw new RangeError(`uniform needs finite bounds, got low ${low}, high ${high}`);
      }
      return low + (high - low) * nextDouble(bits);
    },
    normal(mean = 0, sd = 1): number {
      if (!(sd >= 0)) {
        throw new RangeError(`normal needs a standard deviation of 0 or more, got ${sd}`);
      }
      return mean + sd * standardNormal(bits);
    },
  };
}
