import { describe, expect, it } from 'vitest';
import type { Rng } from '../../src/nn/rng.ts';
import { createRng } from '../../src/nn/rng.ts';
import { seedSequenceState, seedSequenceState64 } from '../../src/nn/seed-sequence.ts';
import type { NumpySeedCase } from './fixtures/numpy-random-expected.ts';
import {
  NUMPY_MAX_SEED_CASE,
  NUMPY_NORMAL_STREAM_SEED_12345,
  NUMPY_SEED_CASES,
  NUMPY_STATE_AT_WORD_BOUNDARY,
  NUMPY_TAILS_SEED_1,
  NUMPY_UNIFORM_SEED_7,
  NUMPY_XAVIER_SEED_7,
} from './fixtures/numpy-random-expected.ts';

/** Describes the first index where the arrays differ under Object.is (bit-exact), or null. */
function firstMismatch(actual: readonly unknown[], expected: readonly unknown[]): string | null {
  if (actual.length !== expected.length) {
    return `length ${actual.length}, expected ${expected.length}`;
  }
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      return `index ${i}: got ${String(actual[i])}, expected ${String(expected[i])}`;
    }
  }
  return null;
}

/** 32-bit FNV-1a over the little-endian bytes of the doubles: a fingerprint of exact bits. */
function fnv1a32(values: readonly number[]): number {
  const bytes = new Uint8Array(new Float64Array(values).buffer);
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** `count` successive values of `next`. */
function take<T>(count: number, next: () => T): T[] {
  return Array.from({ length: count }, () => next());
}

/**
 * PCG64 written straight from its definition with BigInt, independent of the engine's limb
 * arithmetic: seeding from four 64-bit words, a 128-bit LCG step, XSL-RR output.
 */
function referencePcg64(words: readonly bigint[]): () => bigint {
  const mask128 = (1n << 128n) - 1n;
  const mask64 = (1n << 64n) - 1n;
  const multiplier = 0x2360ed051fc65da44385df649fccf645n;
  const [w0, w1, w2, w3] = words as [bigint, bigint, bigint, bigint];
  const inc = (2n * ((w2 << 64n) + w3) + 1n) & mask128;
  const step = (s: bigint): bigint => (s * multiplier + inc) & mask128;
  let state = step((step(0n) + ((w0 << 64n) + w1)) & mask128);
  return () => {
    state = step(state);
    const folded = (state >> 64n) ^ (state & mask64);
    const rot = state >> 122n;
    return ((folded >> rot) | (folded << ((64n - rot) & 63n))) & mask64;
  };
}

function checkSeedCase(c: NumpySeedCase): void {
  expect(firstMismatch(seedSequenceState(c.seed, 8), c.stateUint32)).toBeNull();
  expect(firstMismatch(seedSequenceState64(c.seed, 4), c.stateUint64)).toBeNull();
  const raw = createRng(c.seed);
  expect(
    firstMismatch(
      take(6, () => raw.nextUint64()),
      c.raw,
    ),
  ).toBeNull();
  const uniform01 = createRng(c.seed);
  expect(
    firstMismatch(
      take(6, () => uniform01.random()),
      c.random,
    ),
  ).toBeNull();
  const normal = createRng(c.seed);
  expect(
    firstMismatch(
      take(8, () => normal.normal()),
      c.normal,
    ),
  ).toBeNull();
}

describe('createRng matches numpy.random.default_rng', () => {
  it('has one case for each seed of the reference vectors', () => {
    expect(NUMPY_SEED_CASES.map((c) => c.seed)).toEqual([0, 7, 42, 12345, 2 ** 40 + 17]);
  });

  for (const c of NUMPY_SEED_CASES) {
    it(`seed ${c.seed}: SeedSequence state, raw PCG64, random() and normal()`, () => {
      checkSeedCase(c);
    });
  }

  it('the largest seed, 2^53 - 1, which SeedSequence splits into two 32-bit words', () => {
    expect(NUMPY_MAX_SEED_CASE.seed).toBe(Number.MAX_SAFE_INTEGER);
    checkSeedCase(NUMPY_MAX_SEED_CASE);
  });

  it('SeedSequence state on both sides of the one-word / two-word boundary (2^32)', () => {
    for (const c of NUMPY_STATE_AT_WORD_BOUNDARY) {
      expect(firstMismatch(seedSequenceState(c.seed), c.stateUint32)).toBeNull();
    }
  });

  it('default_rng(12345).normal(size=4000), every value bit-exact (tail and wedge included)', () => {
    const rng = createRng(12345);
    const values = take(NUMPY_NORMAL_STREAM_SEED_12345.length, () => rng.normal());
    expect(values).toHaveLength(4000);
    expect(firstMismatch(values, NUMPY_NORMAL_STREAM_SEED_12345)).toBeNull();
  });

  it('default_rng(1).normal(size=20000): tail values of both signs and a bit-exact fingerprint', () => {
    const rng = createRng(1);
    const values = take(NUMPY_TAILS_SEED_1.count, () => rng.normal());
    const tail = NUMPY_TAILS_SEED_1.tail.map(({ index }) => values[index]);
    expect(
      firstMismatch(
        tail,
        NUMPY_TAILS_SEED_1.tail.map((t) => t.value),
      ),
    ).toBeNull();
    expect(fnv1a32(values)).toBe(NUMPY_TAILS_SEED_1.fnv1a32);
  });

  it('Xavier W1 (6x9) then W2 (2x6) for seed 7: normals divided by sqrt(fan-in)', () => {
    const rng = createRng(7);
    const w1 = take(6, () => take(9, () => rng.normal() / Math.sqrt(9)));
    const w2 = take(2, () => take(6, () => rng.normal() / Math.sqrt(6)));
    expect(firstMismatch(w1.flat(), NUMPY_XAVIER_SEED_7.W1.flat())).toBeNull();
    expect(firstMismatch(w2.flat(), NUMPY_XAVIER_SEED_7.W2.flat())).toBeNull();
  });

  it('default_rng(7).uniform(0.7, 1.0, size=6)', () => {
    const rng = createRng(7);
    expect(
      firstMismatch(
        take(6, () => rng.uniform(0.7, 1.0)),
        NUMPY_UNIFORM_SEED_7,
      ),
    ).toBeNull();
  });
});

describe('createRng internals against independent arithmetic', () => {
  it('raw outputs equal a plain BigInt PCG64 for 5000 draws on several seeds', () => {
    for (const seed of [0, 1, 7, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
      const reference = referencePcg64(seedSequenceState64(seed, 4));
      const rng = createRng(seed);
      const got = take(5000, () => rng.nextUint64());
      const want = take(5000, reference);
      expect(firstMismatch(got, want)).toBeNull();
    }
  });

  it('random() is the top 53 bits of the raw output times 2^-53', () => {
    const raw = createRng(99);
    const rng = createRng(99);
    for (let i = 0; i < 200; i++) {
      const expected = Number(raw.nextUint64() >> 11n) / 2 ** 53;
      expect(Object.is(rng.random(), expected)).toBe(true);
    }
  });

  it('uniform(low, high) = low + (high - low) * random() and normal(mean, sd) = mean + sd * normal()', () => {
    const a = createRng(3);
    const b = createRng(3);
    for (let i = 0; i < 100; i++) {
      expect(Object.is(a.uniform(-2, 5), -2 + 7 * b.random())).toBe(true);
    }
    const c = createRng(4);
    const d = createRng(4);
    for (let i = 0; i < 100; i++) {
      expect(Object.is(c.normal(1.5, 0.25), 1.5 + 0.25 * d.normal())).toBe(true);
    }
  });

  it('generators with the same seed are independent objects giving the same stream', () => {
    const a = createRng(11);
    const b = createRng(11);
    const fromA = take(10, () => a.normal());
    const fromB = take(10, () => b.normal());
    expect(firstMismatch(fromA, fromB)).toBeNull();
    expect(createRng(12).normal()).not.toBe(createRng(11).normal());
  });
});

describe('seed validation', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a negative seed', -1, /0 or greater/],
    ['a fractional seed', 1.5, /integer/],
    ['NaN', Number.NaN, /must be a number/],
    ['Infinity', Number.POSITIVE_INFINITY, /integer/],
    ['2^53', 2 ** 53, /at most 9007199254740991/],
    ['a string', '7', /must be a number/],
  ];
  for (const [what, seed, message] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => createRng(seed as number)).toThrow(RangeError);
      expect(() => createRng(seed as number)).toThrow(message);
      expect(() => seedSequenceState(seed as number)).toThrow(message);
    });
  }

  it('accepts 0 and 2^53 - 1', () => {
    const rngs: Rng[] = [createRng(0), createRng(Number.MAX_SAFE_INTEGER)];
    for (const rng of rngs) expect(Number.isFinite(rng.normal())).toBe(true);
  });

  it('rejects a negative standard deviation and non-finite uniform bounds', () => {
    const rng = createRng(1);
    expect(() => rng.normal(0, -1)).toThrow(/standard deviation/);
    expect(() => rng.uniform(0, Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});
