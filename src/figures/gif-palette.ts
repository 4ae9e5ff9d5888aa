/**
 * A fixed GIF palette built from the figures' colour maps and accent colours, and the mapping of
 * RGBA pixels onto it. Every frame of the animation uses this one palette, so colours never
 * shift between frames, and each pixel takes its nearest palette colour (no dithering noise).
 */
import { divergingAt, fromHex, mixColours, type Rgb } from './colour-maps.ts';
import { inScheme, type SchemeName, schemeBackground } from './colour-scheme.ts';
import { COLOURS } from './theme.ts';

/** Palette index reserved for "unchanged since the previous frame" (transparent). */
export const TRANSPARENT_INDEX = 255;

/** Accent colours whose antialiased edges on the paper (and on black cells) need in-between shades. */
const ACCENTS = [
  COLOURS.loss,
  COLOURS.accuracy,
  COLOURS.marker,
  COLOURS.correct,
  COLOURS.correctOutline,
  COLOURS.wrong,
  COLOURS.wrongOutline,
];

/**
 * The palette of `scheme`: 97 steps of the diverging map, 64 greys (black to white, for
 * activations, pixels and antialiased text), and each of the scheme's accents blended towards its
 * paper and black. On dark paper the text colours get in-between shades too (light text's edges
 * are not grey). At most 255 colours: index 255 stays free for transparency.
 */
export function figurePalette(scheme: SchemeName = 'light'): Rgb[] {
  const colours: Rgb[] = [];
  for (let k = 0; k <= 96; k++) colours.push(divergingAt(k / 96));
  for (let k = 0; k < 64; k++) {
    const level = Math.round((k * 255) / 63);
    colours.push([level, level, level]);
  }
  const paper = fromHex(schemeBackground(scheme));
  const black: Rgb = [0, 0, 0];
  const blends = [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.88];
  for (const hex of ACCENTS) {
    const accent = fromHex(inScheme(hex, scheme));
    for (const f of blends) colours.push(mixColours(accent, paper, f));
    for (const f of [0.35, 0.7]) colours.push(mixColours(accent, black, f));
  }
  for (const hex of [COLOURS.text, COLOURS.mutedText, COLOURS.grid, COLOURS.cellBorder])
    colours.push(fromHex(inScheme(hex, scheme)));
  colours.push(paper); // (white, in the light scheme, is one of the greys already)
  if (scheme !== 'light') {
    for (const hex of [COLOURS.text, COLOURS.mutedText, COLOURS.axis]) {
      const ink = fromHex(inScheme(hex, scheme));
      for (const f of blends) colours.push(mixColours(ink, paper, f));
    }
  }
  const unique = [...new Map(colours.map((c) => [(c[0] << 16) | (c[1] << 8) | c[2], c])).values()];
  if (unique.length > TRANSPARENT_INDEX)
    throw new Error(`figurePalette: ${unique.length} colours, at most ${TRANSPARENT_INDEX} fit`);
  return unique;
}

/** The palette as the flat [r, g, b, r, g, b, ...] list of 256 entries a GIF colour table holds. */
export function paletteBytes(palette: readonly Rgb[]): number[] {
  const bytes = new Array<number>(256 * 3).fill(0);
  palette.forEach((c, i) => {
    bytes.splice(i * 3, 3, c[0], c[1], c[2]);
  });
  return bytes;
}

/** The index of the palette colour nearest to (r, g, b), by a weighted RGB distance (green counts most, as the eye does). */
export function nearestIndex(palette: readonly Rgb[], r: number, g: number, b: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < palette.length; i++) {
    const c = palette[i]!;
    const dr = c[0] - r;
    const dg = c[1] - g;
    const db = c[2] - b;
    const d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

/** Maps colours to palette indices: one colour at a time, or a whole RGBA frame. */
export interface PaletteMapper {
  palette: readonly Rgb[];
  indexOf(r: number, g: number, b: number): number;
  map(rgba: Uint8Array | Uint8ClampedArray): Uint8Array;
}

/** A mapper onto `palette` that remembers each colour's nearest index across calls. */
export function createPaletteMapper(palette: readonly Rgb[]): PaletteMapper {
  // One slot per 24-bit colour, holding its nearest index + 1 (0 = not looked up yet: a fresh
  // array is all zeros, so it costs nothing until used). Frames have few distinct colours but
  // about a million pixels, so each colour's nearest entry is searched for only once.
  const lookup = new Uint8Array(1 << 24);
  const indexOf = (r: number, g: number, b: number): number => {
    const key = (r << 16) | (g << 8) | b;
    const known = lookup[key]!;
    if (known > 0) return known - 1;
    const index = nearestIndex(palette, r, g, b);
    lookup[key] = index + 1;
    return index;
  };
  const map = (rgba: Uint8Array | Uint8ClampedArray): Uint8Array => {
    const out = new Uint8Array(rgba.length >> 2);
    for (let p = 0, i = 0; p < out.length; p++, i += 4)
      out[p] = indexOf(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    return out;
  };
  return { palette, indexOf, map };
}

/** A rectangle of a frame, in device pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of a frame to encode: its rectangle and the palette indices inside it, row-major. */
export interface FramePatch {
  rect: PixelRect;
  indices: Uint8Array;
}

/**
 * How far, in each of red, green and blue (0..255), a pixel on show may be from the frame's own
 * colour before it is painted again: two steps of the diverging map, about three of the greys.
 * A weight that drifts slowly repaints its cell only every few frames, which keeps the animation
 * under 300 KB; no frame is ever further than this from its state, and the last is exact.
 */
export const FRAME_TOLERANCE = 12;

/** For each pair of palette indices (a * 256 + b), 1 if their colours are within `tolerance` of each other in every channel. */
function closenessTable(palette: readonly Rgb[], tolerance: number): Uint8Array {
  const close = new Uint8Array(256 * 256);
  // No tolerance: every change of index is painted, even between two entries of one colour.
  if (tolerance <= 0) return close;
  palette.forEach((ca, a) => {
    palette.forEach((cb, b) => {
      const near =
        Math.abs(ca[0] - cb[0]) <= tolerance &&
        Math.abs(ca[1] - cb[1]) <= tolerance &&
        Math.abs(ca[2] - cb[2]) <= tolerance;
      close[a * 256 + b] = near ? 1 : 0;
    });
  });
  return close;
}

/** What a frame differ keeps between frames: the indices and colours on show, and the next patch's pixels. */
interface OnShow {
  width: number;
  height: number;
  mapper: PaletteMapper;
  /** 1 at a * 256 + b if palette colours a and b are within the tolerance (closenessTable). */
  close: Uint8Array;
  /** The only parts a frame that is not exact can change (the whole frame when not known). */
  changing: readonly PixelRect[];
  /** The palette index on show at each pixel. */
  indices: Uint8Array;
  /** The colour on show at each pixel, one 32-bit word each, updated in place as pixels change. */
  colours: Int32Array;
  /** The same words as bytes (Node's Buffer, for its fast comparison: the build encodes, never a page). */
  colourBytes: Buffer;
  /** The pixels to paint again, TRANSPARENT_INDEX elsewhere. */
  next: Uint8Array;
}

/** The smallest rectangle holding every pixel that was painted again. */
interface Bounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** One frame's scan: the frame, as words and bytes, the last colour looked up, and the bounds so far. */
interface FrameScan {
  show: OnShow;
  rgba: Uint8Array | Uint8ClampedArray;
  current: Int32Array;
  currentBytes: Buffer;
  exact: boolean;
  /** Neighbouring pixels mostly share a colour: its index is looked up once for the whole run. */
  runColour: number;
  runIndex: number;
  bounds: Bounds;
}

/** Marks the pixels x0 <= x < x1 of row y that are to be painted again (see markRepaints). */
function scanRow(scan: FrameScan, y: number, x0: number, x1: number): void {
  const { show, rgba, current, exact, bounds } = scan;
  const { width, mapper, close, indices, colours, next } = show;
  // Most rows of most frames are as they were: one comparison of their bytes skips them.
  // (An exact frame looks at every pixel: one left within the tolerance may be due.)
  const start = 4 * (y * width + x0);
  const end = 4 * (y * width + x1);
  if (!exact && scan.currentBytes.compare(show.colourBytes, start, end, start, end) === 0) return;
  let { runColour, runIndex } = scan;
  for (let x = x0; x < x1; x++) {
    const i = y * width + x;
    // Only pixels whose colour changed can change index.
    const colour = current[i]!;
    if (colour === colours[i] && !exact) continue;
    colours[i] = colour;
    if (colour !== runColour || runIndex < 0) {
      runColour = colour;
      runIndex = mapper.indexOf(rgba[4 * i]!, rgba[4 * i + 1]!, rgba[4 * i + 2]!);
    }
    const index = runIndex;
    const was = indices[i]!;
    if (index === was) continue;
    if (!exact && close[index * 256 + was] === 1) continue;
    indices[i] = index;
    next[i] = index;
    if (x < bounds.x0) bounds.x0 = x;
    if (x > bounds.x1) bounds.x1 = x;
    if (y < bounds.y0) bounds.y0 = y;
    if (y > bounds.y1) bounds.y1 = y;
  }
  scan.runColour = runColour;
  scan.runIndex = runIndex;
}

/**
 * Marks in `show.next` each pixel of `rgba` to paint again and updates what is on show; returns
 * the rectangle around them, or null when nothing is to be painted. Only the changing parts are
 * looked at, except in an exact frame.
 */
function markRepaints(
  show: OnShow,
  rgba: Uint8Array | Uint8ClampedArray,
  exact: boolean,
): Bounds | null {
  const { width, height } = show;
  show.next.fill(TRANSPARENT_INDEX);
  const scan: FrameScan = {
    show,
    rgba,
    current: new Int32Array(rgba.buffer, rgba.byteOffset, width * height),
    currentBytes: Buffer.from(rgba.buffer, rgba.byteOffset, 4 * width * height),
    exact,
    runColour: 0,
    runIndex: -1,
    bounds: { x0: width, x1: -1, y0: height, y1: -1 },
  };
  const regions = exact ? [{ x: 0, y: 0, width, height }] : show.changing;
  for (const r of regions)
    for (let y = r.y; y < r.y + r.height; y++) scanRow(scan, y, r.x, r.x + r.width);
  return scan.bounds.x1 < 0 ? null : scan.bounds;
}

/** The patch of `next` (a frame `width` wide) inside `bounds`. */
function croppedPatch(next: Uint8Array, width: number, bounds: Bounds): FramePatch {
  const rect = {
    x: bounds.x0,
    y: bounds.y0,
    width: bounds.x1 - bounds.x0 + 1,
    height: bounds.y1 - bounds.y0 + 1,
  };
  const indices = new Uint8Array(rect.width * rect.height);
  for (let row = 0; row < rect.height; row++) {
    const from = (rect.y + row) * width + rect.x;
    indices.set(next.subarray(from, from + rect.width), row * rect.width);
  }
  return { rect, indices };
}

/** How a frame differ compares frames. */
export interface FrameDifferOptions {
  /** How far a palette colour on show may be from the frame's, in each channel, before it is painted again (default 0). */
  tolerance?: number;
  /**
   * The only parts of the frame that can differ from one frame to the next (default: all of it).
   * Pixels elsewhere are not looked at, except in an exact frame.
   */
  changing?: readonly PixelRect[];
}

/**
 * A function that turns each successive frame (opaque RGBA, width x height) into the patch that
 * updates the previous one: the first frame whole; then the smallest rectangle holding every
 * pixel to paint again, with the other pixels inside it TRANSPARENT_INDEX (they keep showing the
 * previous frame and compress to almost nothing); a single transparent pixel when nothing
 * changed. A pixel is painted again when its palette colour differs from the one on show by more
 * than the tolerance in a channel, or at all in a frame passed with `exact`. It keeps the indices
 * on show between calls.
 */
export function createFrameDiffer(
  width: number,
  height: number,
  mapper: PaletteMapper,
  options: FrameDifferOptions = {},
): (rgba: Uint8Array | Uint8ClampedArray, exact?: boolean) => FramePatch {
  const { tolerance = 0, changing = [{ x: 0, y: 0, width, height }] } = options;
  const pixels = width * height;
  const colours = new Int32Array(pixels);
  let show: OnShow | null = null;
  return (rgba, exact = false) => {
    // Read as 32-bit words below: a frame that does not start on a multiple of 4 is copied first.
    const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice(0, 4 * pixels);
    if (show === null) {
      const indices = mapper.map(aligned);
      colours.set(new Int32Array(aligned.buffer, aligned.byteOffset, pixels));
      const close = closenessTable(mapper.palette, tolerance);
      const colourBytes = Buffer.from(colours.buffer);
      show = {
        width,
        height,
        mapper,
        close,
        changing,
        indices,
        colours,
        colourBytes,
        next: new Uint8Array(pixels),
      };
      return { rect: { x: 0, y: 0, width, height }, indices: indices.slice() };
    }
    const bounds = markRepaints(show, aligned, exact);
    if (bounds === null)
      return {
        rect: { x: 0, y: 0, width: 1, height: 1 },
        indices: Uint8Array.of(TRANSPARENT_INDEX),
      };
    return croppedPatch(show.next, width, bounds);
  };
}
