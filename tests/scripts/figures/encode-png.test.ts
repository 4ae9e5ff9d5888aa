/**
 * The PNG writer checked from the outside: its chunks walked and their CRCs recomputed with a
 * table written here from the PNG specification, its rows inflated back, and the file decoded by
 * Skia (@napi-rs/canvas's loadImage), a decoder that shares no code with the writer.
 */
import { inflateSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../scripts/figures/encode-png.ts';

/** CRC-32 as the PNG specification's annex D computes it, bit by bit. */
function referenceCrc(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
  /** The CRC of the chunk's type and data, recomputed. */
  expectedCrc: number;
}

/** The chunks after the signature, in order. */
function chunks(file: Buffer): Chunk[] {
  const found: Chunk[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    const crc = file.readUInt32BE(at + 8 + length);
    found.push({
      type,
      data,
      crc,
      expectedCrc: referenceCrc(file.subarray(at + 4, at + 8 + length)),
    });
    at += 12 + length;
  }
  return found;
}

/** A 5 x 3 test image: a different colour at every pixel, alpha 255 unless `alphas` says otherwise. */
function testImage(alphas: number[] = []): Uint8Array {
  const rgba = new Uint8Array(4 * 5 * 3);
  for (let p = 0; p < 15; p++)
    rgba.set([17 * p, 255 - 13 * p, (p * 71) % 256, alphas[p] ?? 255], 4 * p);
  return rgba;
}

/** `rgba` (5 x 3) with its middle row made a copy of its first. */
function withRepeatedRow(rgba: Uint8Array): Uint8Array {
  const copy = rgba.slice();
  copy.copyWithin(20, 0, 20);
  return copy;
}

describe('encodePng', () => {
  it('writes the signature, then IHDR, IDAT and IEND, each with a correct CRC', async () => {
    const file = await encodePng(testImage(), 5, 3);
    expect([...file.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const found = chunks(file);
    expect(found.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const c of found) expect(c.crc).toBe(c.expectedCrc);
    // Width, height, bit depth 8, colour type 6 (RGBA), compression, filter and interlace 0.
    expect([...found[0]!.data]).toEqual([0, 0, 0, 5, 0, 0, 0, 3, 8, 6, 0, 0, 0]);
    expect(found[2]!.data.length).toBe(0);
  });

  it('stores each new row behind filter byte 0 (None), with the pixels as given, transparent ones included', async () => {
    const rgba = testImage([255, 0, 128, 1]);
    const idat = chunks(await encodePng(rgba, 5, 3)).find((c) => c.type === 'IDAT')!;
    const rows = inflateSync(idat.data);
    expect(rows.length).toBe(3 * (1 + 4 * 5));
    for (let y = 0; y < 3; y++) {
      const row = rows.subarray(y * 21, (y + 1) * 21);
      expect(row[0]).toBe(0);
      expect([...row.subarray(1)]).toEqual([...rgba.subarray(y * 20, (y + 1) * 20)]);
    }
  });

  it('stores a row equal to the one above behind filter byte 2 (Up), as zeros', async () => {
    const rgba = withRepeatedRow(testImage());
    const rows = inflateSync(
      chunks(await encodePng(rgba, 5, 3)).find((c) => c.type === 'IDAT')!.data,
    );
    expect(rows[0]).toBe(0);
    expect(rows[21]).toBe(2);
    expect([...rows.subarray(22, 42)]).toEqual(new Array(20).fill(0));
    // The row after it differs from it again: stored as it is.
    expect(rows[42]).toBe(0);
    expect([...rows.subarray(43)]).toEqual([...rgba.subarray(40)]);
  });

  it('decodes, in a decoder that is not its own, to exactly the pixels it was given', async () => {
    for (const rgba of [testImage(), withRepeatedRow(testImage())]) {
      const image = await loadImage(await encodePng(rgba, 5, 3));
      expect([image.width, image.height]).toEqual([5, 3]);
      const ctx = createCanvas(5, 3).getContext('2d');
      ctx.drawImage(image, 0, 0);
      expect([...ctx.getImageData(0, 0, 5, 3).data]).toEqual([...rgba]);
    }
  });

  it('reads a view into a larger buffer from its offset, as a Uint8ClampedArray', async () => {
    const rgba = withRepeatedRow(testImage());
    const larger = new Uint8ClampedArray(rgba.length + 8);
    larger.set(rgba, 4);
    const view = larger.subarray(4, 4 + rgba.length);
    expect(await encodePng(view, 5, 3)).toEqual(await encodePng(rgba, 5, 3));
  });

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(testImage(), 4, 3)).rejects.toThrow(
      /60 bytes are not 4 x 3 RGBA pixels/,
    );
  });
});
