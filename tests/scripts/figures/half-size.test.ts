/**
 * The half-size copy of a raster figure, checked on images small enough to average by hand, and
 * against Skia: Skia's drawImage, halving a drawing with its linear filter (the mean of each
 * 2 x 2 block when the source is exactly twice the size), must agree to within its rounding.
 */
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { halveImage } from '../../../scripts/figures/half-size.ts';

/** An RGBA image from pixels given as [r, g, b, a], row after row. */
function image(width: number, pixels: number[][]) {
  return { rgba: Uint8Array.from(pixels.flat()), width, height: pixels.length / width };
}

/** The pixels of an RGBA image as [r, g, b, a] lists. */
function pixelsOf(rgba: Uint8Array | Uint8ClampedArray): number[][] {
  return Array.from({ length: rgba.length / 4 }, (_, p) => [...rgba.subarray(4 * p, 4 * p + 4)]);
}

/**
 * 4 x 2 opaque pixels: two blocks. Reds of the first: 0, 1, 2, 3 -> 6 / 4 = 1.5 -> 2. Greens:
 * 10, 10, 10, 11 -> 10.25 -> 10. Blues: 255 each. The second block: 100, 200, 50, 51 -> 100.25
 * -> 100; 0, 0, 0, 2 -> 0.5 -> 1; 7, 8, 9, 10 -> 8.5 -> 9.
 */
const FOUR_BY_TWO = [
  [0, 10, 255, 255],
  [1, 10, 255, 255],
  [100, 0, 7, 255],
  [200, 0, 8, 255],
  [2, 10, 255, 255],
  [3, 11, 255, 255],
  [50, 0, 9, 255],
  [51, 2, 10, 255],
];
/** FOUR_BY_TWO halved, worked out by hand above. */
const FOUR_BY_TWO_HALVED = [
  [2, 10, 255, 255],
  [100, 1, 9, 255],
];

describe('halveImage', () => {
  it('averages each 2 x 2 block of opaque pixels, rounding half up', () => {
    const halved = halveImage(image(4, FOUR_BY_TWO));
    expect(halved.width).toBe(2);
    expect(halved.height).toBe(1);
    expect(pixelsOf(halved.rgba)).toEqual(FOUR_BY_TWO_HALVED);
  });

  it('keeps an odd last column and row as pixels of their own, averaging what they hold', () => {
    // 3 x 3: the corner block is 2 x 2, the right edge 1 x 2, the bottom edge 2 x 1, and the
    // bottom right corner one pixel. Greys only, written as their levels.
    const levels = [10, 20, 31, 40, 50, 60, 70, 81, 90];
    const halved = halveImage(
      image(
        3,
        levels.map((v) => [v, v, v, 255]),
      ),
    );
    expect([halved.width, halved.height]).toEqual([2, 2]);
    // (10 + 20 + 40 + 50) / 4 = 30; (31 + 60) / 2 = 45.5 -> 46; (70 + 81) / 2 = 75.5 -> 76; 90.
    expect(pixelsOf(halved.rgba).map((p) => p[0])).toEqual([30, 46, 76, 90]);
    expect(pixelsOf(halved.rgba).every((p) => p[3] === 255 && p[1] === p[0])).toBe(true);
  });

  it('weights colours by alpha: a transparent pixel adds none, and a clear block stays clear', () => {
    const halved = halveImage(
      image(4, [
        [200, 0, 0, 255],
        [0, 0, 255, 0],
        [9, 9, 9, 0],
        [9, 9, 9, 0],
        [100, 0, 0, 85],
        [0, 0, 255, 0],
        [9, 9, 9, 0],
        [9, 9, 9, 0],
      ]),
    );
    // Red: (200 * 255 + 100 * 85) / (255 + 85) = 59,500 / 340 = 175. Alpha: 340 / 4 = 85.
    expect(pixelsOf(halved.rgba)).toEqual([
      [175, 0, 0, 85],
      [0, 0, 0, 0],
    ]);
  });

  it('agrees with Skia halving a figure-like drawing to within one level', () => {
    const width = 64;
    const height = 40;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.strokeStyle = '#1f77b4';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(2, 38);
    ctx.bezierCurveTo(20, -10, 40, 60, 62, 3);
    ctx.stroke();
    ctx.fillStyle = '#d62728';
    ctx.fillRect(9, 11, 13, 7);
    const drawing = ctx.getImageData(0, 0, width, height).data;
    const halved = halveImage({ rgba: drawing, width, height });

    const small = createCanvas(width / 2, height / 2);
    const smallCtx = small.getContext('2d');
    const source = createCanvas(width, height);
    source.getContext('2d').putImageData(new ImageData(drawing, width, height), 0, 0);
    smallCtx.imageSmoothingEnabled = true;
    smallCtx.imageSmoothingQuality = 'low';
    smallCtx.drawImage(source, 0, 0, width / 2, height / 2);
    const skia = smallCtx.getImageData(0, 0, width / 2, height / 2).data;

    let largest = 0;
    for (let i = 0; i < skia.length; i++)
      largest = Math.max(largest, Math.abs(skia[i]! - halved.rgba[i]!));
    expect(largest).toBeLessThanOrEqual(1);
    // The drawing has edges to average: the copy is not all paper.
    expect(new Set(pixelsOf(halved.rgba).map((p) => p.join())).size).toBeGreaterThan(10);
  });

  it('reads pixels that do not start at a multiple of four bytes in their buffer', () => {
    // FOUR_BY_TWO, one byte into a larger buffer.
    const buffer = new Uint8Array(1 + 32);
    buffer.set(FOUR_BY_TWO.flat(), 1);
    const halved = halveImage({ rgba: buffer.subarray(1), width: 4, height: 2 });
    expect(pixelsOf(halved.rgba)).toEqual(FOUR_BY_TWO_HALVED);
  });

  it('refuses bytes that are not the size it is told', () => {
    expect(() => halveImage({ rgba: new Uint8Array(12), width: 2, height: 2 })).toThrow(
      /12 bytes are not 2 x 2/,
    );
  });
});
