/**
 * A small, independent GIF reader for the tests: it walks the blocks of a GIF file, reports each
 * frame's delay and rectangle, and decodes (LZW) and composites the frames, so a test can check
 * what a viewer would show. Written from the GIF89a specification, not from the encoder.
 */

/** One image of the file with the graphic control extension before it. */
interface GifFrameInfo {
  delayCs: number;
  disposal: number;
  transparentIndex: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  hasLocalTable: boolean;
  /** Decoded palette indices of the image's rectangle. */
  indices: Uint8Array;
}

/** The parsed file. */
export interface GifInfo {
  width: number;
  height: number;
  globalTable: Uint8Array | null;
  /** Loop count from the NETSCAPE2.0 extension (0 = forever), or null if absent. */
  loopCount: number | null;
  frames: GifFrameInfo[];
  /** Number of 0x2C image descriptors and 0xF9 graphic control extensions seen. */
  imageDescriptors: number;
  graphicControlExtensions: number;
}

/** The graphic control extension's settings, which apply to the next image. */
type FrameControl = Pick<GifFrameInfo, 'delayCs' | 'disposal' | 'transparentIndex'>;

const NO_CONTROL: FrameControl = { delayCs: 0, disposal: 0, transparentIndex: null };

/** The file's bytes and the position of the next byte to read. */
interface Cursor {
  bytes: Uint8Array;
  p: number;
}

/** The little-endian 16-bit number at `at`. */
function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

/** The data sub-blocks from the cursor on (each a size byte, then that many bytes), joined. */
function readSubBlocks(c: Cursor): Uint8Array {
  const parts: number[] = [];
  for (;;) {
    const size = c.bytes[c.p++]!;
    if (size === 0) break;
    for (let i = 0; i < size; i++) parts.push(c.bytes[c.p + i]!);
    c.p += size;
  }
  return Uint8Array.from(parts);
}

/** The header and logical screen descriptor, and the global colour table if there is one. */
function readScreen(c: Cursor): Pick<GifInfo, 'width' | 'height' | 'globalTable'> {
  const { bytes } = c;
  const text = String.fromCharCode(...bytes.subarray(0, 6));
  if (text !== 'GIF89a' && text !== 'GIF87a') throw new Error(`not a GIF: ${text}`);
  const width = u16(bytes, 6);
  const height = u16(bytes, 8);
  const packed = bytes[10]!;
  c.p = 13;
  let globalTable: Uint8Array | null = null;
  if (packed & 0x80) {
    const size = 3 * (1 << ((packed & 7) + 1));
    globalTable = bytes.slice(c.p, c.p + size);
    c.p += size;
  }
  return { width, height, globalTable };
}

/** An extension (after its 0x21): a graphic control's settings are returned, a loop count kept in `info`. */
function readExtension(c: Cursor, info: GifInfo, control: FrameControl): FrameControl {
  const { bytes } = c;
  const label = bytes[c.p++]!;
  if (label === 0xf9) {
    info.graphicControlExtensions++;
    const flags = bytes[c.p + 1]!;
    const next = {
      delayCs: u16(bytes, c.p + 2),
      disposal: (flags >> 2) & 7,
      transparentIndex: flags & 1 ? bytes[c.p + 4]! : null,
    };
    c.p += 1 + bytes[c.p]!;
    readSubBlocks(c);
    return next;
  }
  if (label === 0xff) {
    const appSize = bytes[c.p]!;
    const app = String.fromCharCode(...bytes.subarray(c.p + 1, c.p + 1 + appSize));
    c.p += 1 + appSize;
    const data = readSubBlocks(c);
    if (app === 'NETSCAPE2.0' && data[0] === 1) info.loopCount = data[1]! | (data[2]! << 8);
  } else {
    readSubBlocks(c);
  }
  return control;
}

/** An image (after its 0x2C): its rectangle, its decoded indices, with the control before it. */
function readImage(c: Cursor, control: FrameControl): GifFrameInfo {
  const { bytes } = c;
  const x = u16(bytes, c.p);
  const y = u16(bytes, c.p + 2);
  const width = u16(bytes, c.p + 4);
  const height = u16(bytes, c.p + 6);
  const flags = bytes[c.p + 8]!;
  c.p += 9;
  const hasLocalTable = (flags & 0x80) !== 0;
  if (hasLocalTable) c.p += 3 * (1 << ((flags & 7) + 1));
  const minCodeSize = bytes[c.p++]!;
  const indices = lzwDecode(readSubBlocks(c), minCodeSize, width * height);
  return { ...control, x, y, width, height, hasLocalTable, indices };
}

/** Parses a GIF file (throws on a malformed one). */
export function readGif(bytes: Uint8Array): GifInfo {
  const c: Cursor = { bytes, p: 0 };
  const info: GifInfo = {
    ...readScreen(c),
    loopCount: null,
    frames: [],
    imageDescriptors: 0,
    graphicControlExtensions: 0,
  };
  let control = NO_CONTROL;
  for (;;) {
    const block = bytes[c.p++];
    if (block === 0x3b) return info;
    if (block === 0x21) {
      control = readExtension(c, info, control);
    } else if (block === 0x2c) {
      info.imageDescriptors++;
      info.frames.push(readImage(c, control));
      control = NO_CONTROL;
    } else {
      throw new Error(`unknown GIF block 0x${block?.toString(16)} at byte ${c.p - 1}`);
    }
  }
}

/** The LZW code table: each code's string is its prefix code's string plus one suffix byte. */
interface LzwTable {
  /** Each code's prefix code (-1 for a single byte). */
  prefix: Int32Array;
  /** The last byte of each code's string. */
  suffix: Uint8Array;
  /** The first byte of each code's string. */
  first: Uint8Array;
  /** The length of each code's string. */
  length: Int32Array;
}

/** The table with the single-byte codes below `clear`. */
function lzwTable(clear: number): LzwTable {
  const table = {
    prefix: new Int32Array(4096),
    suffix: new Uint8Array(4096),
    first: new Uint8Array(4096),
    length: new Int32Array(4096),
  };
  for (let i = 0; i < clear; i++) {
    table.prefix[i] = -1;
    table.suffix[i] = i;
    table.first[i] = i;
    table.length[i] = 1;
  }
  return table;
}

/** Writes the string of `code` into `out` at `at` (what lies past `out`'s end is dropped); returns its length. */
function writeString(table: LzwTable, code: number, out: Uint8Array, at: number): number {
  const n = table.length[code]!;
  let c = code;
  for (let k = n - 1; k >= 0; k--) {
    if (at + k < out.length) out[at + k] = table.suffix[c]!;
    c = table.prefix[c]!;
  }
  return n;
}

/** The `size`-bit code at bit `bitPos` of `data`, least significant bit first. */
function readCode(data: Uint8Array, bitPos: number, size: number): number {
  let code = 0;
  for (let i = 0; i < size; i++)
    code |= ((data[(bitPos + i) >> 3]! >> ((bitPos + i) & 7)) & 1) << i;
  return code;
}

/** GIF's variable-width LZW decoder. */
function lzwDecode(data: Uint8Array, minCodeSize: number, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const table = lzwTable(clear);
  let codeSize = minCodeSize + 1;
  let next = clear + 2;
  let previous = -1;
  let written = 0;
  for (let bitPos = 0; bitPos + codeSize <= data.length * 8; ) {
    const code = readCode(data, bitPos, codeSize);
    bitPos += codeSize;
    if (code === clear) {
      codeSize = minCodeSize + 1;
      next = clear + 2;
      previous = -1;
      continue;
    }
    if (code === end) break;
    if (previous === -1 && code >= clear) throw new Error(`bad first LZW code ${code}`);
    if (previous !== -1) {
      if (code > next) throw new Error(`bad LZW code ${code} (next free ${next})`);
      // A new entry: the previous string plus the first byte of this code's string. A code that
      // is the entry being made (the KwKwK case) starts with the previous string's first byte.
      const firstOfEntry = code < next ? table.first[code]! : table.first[previous]!;
      if (next < 4096) {
        table.prefix[next] = previous;
        table.suffix[next] = firstOfEntry;
        table.first[next] = table.first[previous]!;
        table.length[next] = table.length[previous]! + 1;
        next++;
        if (next === 1 << codeSize && codeSize < 12) codeSize++;
      }
    }
    written += writeString(table, code, out, written);
    previous = code;
  }
  if (written !== pixelCount)
    throw new Error(`LZW data gave ${written} pixels, expected ${pixelCount}`);
  return out;
}

/** The full-canvas palette indices a viewer shows after each frame (disposal 0/1: draw over the last). */
export function compositeFrames(info: GifInfo): Uint8Array[] {
  const canvas = new Uint8Array(info.width * info.height);
  const shown: Uint8Array[] = [];
  for (const frame of info.frames) {
    if (frame.disposal > 1)
      throw new Error(`disposal ${frame.disposal} not handled by this reader`);
    for (let row = 0; row < frame.height; row++) {
      for (let col = 0; col < frame.width; col++) {
        const v = frame.indices[row * frame.width + col]!;
        if (v !== frame.transparentIndex) canvas[(frame.y + row) * info.width + frame.x + col] = v;
      }
    }
    shown.push(canvas.slice());
  }
  return shown;
}
