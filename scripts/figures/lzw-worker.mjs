// @ts-check
/**
 * A worker thread that LZW-compresses GIF frame patches with gif-encoder-2's own LZWEncoder, so
 * the animation's frames are compressed on the second core while the main thread draws the next
 * ones (scripts/figures/lzw-pool.ts). Plain JavaScript: a worker starts without a TypeScript loader.
 *
 * Message in: { id, width, height, indices } (palette indices, row-major); message out: { id, bytes },
 * the image data exactly as GIFEncoder.writePixels would write it (code size, sub-blocks, terminator).
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

/** @type {new (width: number, height: number, pixels: Uint8Array, colorDepth: number) => { encode(out: ByteSink): void }} */
const LZWEncoder = createRequire(import.meta.url)('gif-encoder-2/src/LZWEncoder.js');

/** Every palette index fits in 8 bits: the fixed palette has 256 entries (src/figures/gif-palette.ts). */
const COLOR_DEPTH = 8;

/** The writeByte / writeBytes interface LZWEncoder writes to, into a growing byte array. */
class ByteSink {
  constructor() {
    this.bytes = new Uint8Array(1 << 16);
    this.length = 0;
  }

  /** @param {number} byte */
  writeByte(byte) {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(2 * this.bytes.length);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }

  /** @param {ArrayLike<number>} array @param {number} offset @param {number} length */
  writeBytes(array, offset, length) {
    for (let i = offset; i < offset + length; i++) this.writeByte(/** @type {number} */ (array[i]));
  }
}

parentPort?.on(
  'message',
  /** @param {{ id: number; width: number; height: number; indices: Uint8Array }} job */
  ({ id, width, height, indices }) => {
    const sink = new ByteSink();
    new LZWEncoder(width, height, indices, COLOR_DEPTH).encode(sink);
    const bytes = sink.bytes.slice(0, sink.length);
    parentPort?.postMessage({ id, bytes }, [bytes.buffer]);
  },
);
