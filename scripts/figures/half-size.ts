/**
 * A raster figure at half its pixels across: all that a screen needs of a figure drawn at two
 * device pixels per CSS pixel where it shows at most one pixel of the copy per device pixel (most
 * desktop screens, and phones whose column times their density is at most the figure's width),
 * in a quarter of the pixels to decode and under half the bytes to fetch. Each pixel of the copy
 * is the mean of a 2 x 2 block of the drawing, as if the drawing were a supersampled rendering
 * of the copy.
 */

/** An image as straight (not premultiplied) RGBA bytes, row after row. */
export interface RgbaImage {
  rgba: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * `image` at half its size, rounded up (an odd last column or row becomes pixels of its own, the
 * mean of the two pixels or the one it holds). A pixel's colour is its block's mean weighted by
 * each pixel's alpha (a transparent pixel adds no colour), rounded half up; its alpha is the
 * block's mean alpha. For opaque pixels that is the plain mean of each channel.
 */
export function halveImage(image: RgbaImage): RgbaImage {
  const { rgba, width, height } = image;
  if (rgba.length !== 4 * width * height)
    throw new Error(`halveImage: ${rgba.length} bytes are not ${width} x ${height} RGBA pixels`);
  const half = { width: Math.ceil(width / 2), height: Math.ceil(height / 2) };
  const out = new Uint8Array(4 * half.width * half.height);
  const source = { ...image, pixels: LITTLE_ENDIAN ? wholePixels(rgba) : null };
  const target = { rgba: out, pixels: new Uint32Array(out.buffer), width: half.width };
  for (let y = 0; y < half.height; y++) halveRows(source, target, y);
  return { rgba: out, ...half };
}

/** Whether typed arrays are little-endian here, as on x86 and ARM: a pixel's word is then 0xAABBGGRR. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The pixels as 32-bit words, 0xAABBGGRR (little-endian). */
function wholePixels(rgba: Uint8Array | Uint8ClampedArray): Uint32Array {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
}

/** The image being halved: its bytes and size, and its pixels as words (null where they would not be 0xAABBGGRR). */
interface Source extends RgbaImage {
  pixels: Uint32Array | null;
}

/** The copy being written: its bytes, the same as words, and its width. */
interface Target {
  rgba: Uint8Array;
  pixels: Uint32Array;
  width: number;
}

/** The low byte of each 16-bit half of a word: red and blue of a pixel, or green and alpha shifted down. */
const LOW_BYTES = 0x00ff00ff;

/**
 * Writes row `y` of the copy, from rows 2y and 2y + 1 of `source`. The common case, an opaque
 * 2 x 2 block, is done on whole pixels: two channels are added at once, one in each 16-bit half
 * of a word (four bytes add up to at most 1,020, so the halves never carry into each other), and
 * adding 2 and shifting by 2 divides each sum by four, rounded half up. Any other block (one
 * that is not opaque, or at an odd edge), and every block on a big-endian machine, goes through
 * averageBlock.
 */
function halveRows(source: Source, target: Target, y: number): void {
  const { pixels, width } = source;
  const rows = 2 * y + 1 < source.height ? 2 : 1;
  const pairs = rows === 2 && pixels !== null ? width >> 1 : 0; // whole 2 x 2 blocks, as words
  if (pixels !== null) {
    let top = 2 * y * width;
    let at = y * target.width;
    for (let x = 0; x < pairs; x++, top += 2, at++) {
      const p = pixels[top]!;
      const q = pixels[top + 1]!;
      const r = pixels[top + width]!;
      const s = pixels[top + width + 1]!;
      if ((p & q & r & s) >>> 24 !== 0xff) {
        const block = { x: 2 * x, y: 2 * y, columns: 2, rows, width };
        averageBlock(source.rgba, block, target.rgba, 4 * at);
        continue;
      }
      const redBlue =
        ((p & LOW_BYTES) + (q & LOW_BYTES) + (r & LOW_BYTES) + (s & LOW_BYTES) + 0x00020002) >>> 2;
      const greenAlpha =
        (((p >>> 8) & LOW_BYTES) +
          ((q >>> 8) & LOW_BYTES) +
          ((r >>> 8) & LOW_BYTES) +
          ((s >>> 8) & LOW_BYTES) +
          0x00020002) >>>
        2;
      target.pixels[at] = (redBlue & LOW_BYTES) | ((greenAlpha & LOW_BYTES) << 8);
    }
  }
  // What is left of the row: an odd last column, or every block of an odd last row (or of every
  // row, on a big-endian machine).
  for (let x = pairs; x < target.width; x++) {
    const columns = 2 * x + 1 < width ? 2 : 1;
    const block = { x: 2 * x, y: 2 * y, columns, rows, width };
    averageBlock(source.rgba, block, target.rgba, 4 * (y * target.width + x));
  }
}

/** Where a block starts in an image `width` wide, and its size (1 or 2 each way). */
interface Block {
  x: number;
  y: number;
  columns: number;
  rows: number;
  width: number;
}

/** Writes the mean of `block`'s pixels (colour weighted by alpha) to `out` at byte `at`. */
function averageBlock(
  rgba: Uint8Array | Uint8ClampedArray,
  block: Block,
  out: Uint8Array,
  at: number,
): void {
  let r = 0;
  let g = 0;
  let b = 0;
  let alpha = 0;
  for (let row = 0; row < block.rows; row++) {
    for (let column = 0; column < block.columns; column++) {
      const i = 4 * ((block.y + row) * block.width + block.x + column);
      const a = rgba[i + 3]!;
      r += rgba[i]! * a;
      g += rgba[i + 1]! * a;
      b += rgba[i + 2]! * a;
      alpha += a;
    }
  }
  if (alpha === 0) return; // every pixel transparent: so is the mean (the bytes stay zero)
  // Rounded half up: floor(sum / weight + 1/2), in integers.
  out[at] = Math.floor((2 * r + alpha) / (2 * alpha));
  out[at + 1] = Math.floor((2 * g + alpha) / (2 * alpha));
  out[at + 2] = Math.floor((2 * b + alpha) / (2 * alpha));
  const n = block.rows * block.columns;
  out[at + 3] = Math.floor((2 * alpha + n) / (2 * n));
}
