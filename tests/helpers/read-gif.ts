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

/** Parses a GIF file (throws on a malformed one). */
export function readGif(bytes: Uint8Array): GifInfo {
  const text = String.fromCharCode(...bytes.subarray(0, 6));
  if (text !== 'GIF89a' && text !== 'GIF87a') throw new Error(`not a GIF: ${text}`);
  let p = 6;
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8);
  const width = u16(p);
  const height = u16(p + 2);
  const packed = bytes[p + 4]!;
  p += 7;
  let globalTable: Uint8Array | null = null;
  if (packed & 0x80) {
    const size = 3 * (1 << ((packed & 7) + 1));
    globalTable = bytes.slice(p, p + size);
    p += size;
  }
  const info: GifInfo = {
    width,
    height,
    globalTable,
    loopCount: null,
    frames: [],
    imageDescriptors: 0,
    graphicControlExtensions: 0,
  };
  let control = { delayCs: 0, disposal: 0, transparentIndex: null as number | null };
  const readSubBlocks = (): Uint8Array => {
    const parts: number[] = [];
    for (;;) {
      const size = bytes[p++]!;
      if (size === 0) break;
      for (let i = 0; i < size; i++) parts.push(bytes[p + i]!);
      p += size;
    }
    return Uint8Array.from(parts);
  };
  for (;;) {
    const block = bytes[p++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[p++]!;
      if (label === 0xf9) {
        info.graphicControlExtensions++;
        const flags = bytes[p + 1]!;
        control = {
          delayCs: u16(p + 2),
          disposal: (flags >> 2) & 7,
          transparentIndex: flags & 1 ? bytes[p + 4]! : null,
        };
        p += 1 + bytes[p]!;
        readSubBlocks();
      } else if (label === 0xff) {
        const appSize = bytes[p]!;
        const app = String.fromCharCode(...bytes.subarray(p + 1, p + 1 + appSize));
        p += 1 + appSize;
        const data = readSubBlocks();
        if (app === 'NETSCAPE2.0' && data[0] === 1) info.loopCount = data[1]! | (data[2]! << 8);
      } else {
        readSubBlocks();
      }
    } else if (block === 0x2c) {
      info.imageDescriptors++;
      const x = u16(p);
      const y = u16(p + 2);
      const w = u16(p + 4);
      const h = u16(p + 6);
      const flags = bytes[p + 8]!;
      p += 9;
      const hasLocalTable = (flags & 0x80) !== 0;
      if (hasLocalTable) p += 3 * (1 << ((flags & 7) + 1));
      const minCodeSize = bytes[p++]!;
      const indices = lzwDecode(readSubBlocks(), minCodeSize, w * h);
      info.frames.push({ ...control, x, y, width: w, height: h, hasLocalTable, indices });
      control = { delayCs: 0, disposal: 0, transparentIndex: null };
    } else {
      throw new Error(`unknown GIF block 0x${block?.toString(16)} at byte ${p - 1}`);
    }
  }
  return info;
}

/** GIF's variable-width LZW decoder (a code's string is its prefix code's string plus one suffix byte). */
function lzwDecode(data: Uint8Array, minCodeSize: number, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < clear; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let codeSize = minCodeSize + 1;
  let next = clear + 2;
  let previous = -1;
  let written = 0;
  let bitPos = 0;
  const totalBits = data.length * 8;
  const emit = (code: number) => {
    const n = length[code]!;
    let c = code;
    for (let k = n - 1; k >= 0; k--) {
      if (written + k < pixelCount) out[written + k] = suffix[c]!;
      c = prefix[c]!;
    }
    written += n;
  };
  while (bitPos + codeSize <= totalBits) {
    let code = 0;
    for (let i = 0; i < codeSize; i++)
      code |= ((data[(bitPos + i) >> 3]! >> ((bitPos + i) & 7)) & 1) << i;
    bitPos += codeSize;
    if (code === clear) {
      codeSize = minCodeSize + 1;
      next = clear + 2;
      previous = -1;
      continue;
    }
    if (code === end) break;
    if (previous === -1) {
      if (code >= clear) throw new Error(`bad first LZW code ${code}`);
      emit(code);
      previous = code;
      continue;
    }
    let firstOfEntry: number;
    if (code < next) firstOfEntry = first[code]!;
    else if (code === next) firstOfEntry = first[previous]!;
    else throw new Error(`bad LZW code ${code} (next free ${next})`);
    if (next < 4096) {
      prefix[next] = previous;
      suffix[next] = firstOfEntry;
      first[next] = first[previous]!;
      length[next] = length[previous]! + 1;
      next++;
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
    }
    emit(code);
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
