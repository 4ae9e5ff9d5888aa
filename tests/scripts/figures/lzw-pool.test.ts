import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { startLzwCompressor } from '../../../scripts/figures/lzw-pool.ts';

/** gif-encoder-2's LZW encoder, run here on the main thread: what the worker must give back. */
const LZWEncoder = createRequire(import.meta.url)('gif-encoder-2/src/LZWEncoder.js') as new (
  width: number,
  height: number,
  pixels: Uint8Array,
  colorDepth: number,
) => {
  encode(out: {
    writeByte(b: number): void;
    writeBytes(a: ArrayLike<number>, o: number, n: number): void;
  }): void;
};

/** The bytes LZWEncoder writes for a width x height patch of palette indices. */
function encodedHere(width: number, height: number, indices: Uint8Array): Uint8Array {
  const bytes: number[] = [];
  new LZWEncoder(width, height, indices.slice(), 8).encode({
    writeByte: (b) => bytes.push(b),
    writeBytes: (a, o, n) => {
      for (let i = o; i < o + n; i++) bytes.push(a[i]!);
    },
  });
  return Uint8Array.from(bytes);
}

/** A patch of `width` x `height` indices in stripes, with one transparent (255) run. */
function patch(width: number, height: number, seed: number) {
  const indices = Uint8Array.from({ length: width * height }, (_, i) =>
    i % 17 === 0 ? 255 : (i * seed) % 40,
  );
  return { rect: { x: 0, y: 0, width, height }, indices };
}

describe('the LZW worker', () => {
  it('gives back, in order, the bytes gif-encoder-2 writes for each patch, across several animations', async () => {
    const compressor = startLzwCompressor();
    try {
      const patches = [patch(30, 20, 3), patch(5, 1, 7), patch(64, 48, 11), patch(1, 1, 1)];
      const expected = patches.map((p) => encodedHere(p.rect.width, p.rect.height, p.indices));
      // The patches are handed over (their arrays are moved to the worker), so copies are sent.
      const sent = patches.map((p) => ({ rect: p.rect, indices: p.indices.slice() }));
      expect(await Promise.all(sent.map((p) => compressor.compress(p)))).toEqual(expected);
    } finally {
      await compressor.close();
    }
  });

  it('refuses a patch sent after it stopped, at once, instead of leaving it unanswered', async () => {
    const compressor = startLzwCompressor();
    await compressor.close();
    await expect(compressor.compress(patch(4, 4, 5))).rejects.toThrow(/the LZW worker stopped/);
  });
});
