/**
 * Encodes an animated GIF with gif-encoder-2, bypassing its per-frame colour quantiser: every
 * frame arrives as a patch of indices into one fixed palette (src/figures/gif-palette.ts), which
 * is written once as the global colour table. The first frame is whole; each later one is the
 * rectangle that changed, with unchanged pixels transparent, drawn over the frame before it
 * (disposal 1). That keeps the file small and the encoding fast. Each patch comes already
 * LZW-compressed (by gif-encoder-2's LZWEncoder, on a worker thread: lzw-pool.ts), since with
 * one fixed palette frames compress independently of each other.
 */
import GIFEncoder from 'gif-encoder-2';
import type { Rgb } from '../../src/figures/colour-maps.ts';
import { type PixelRect, paletteBytes, TRANSPARENT_INDEX } from '../../src/figures/gif-palette.ts';

/** One frame: the rectangle it covers, its LZW-compressed pixels, and how long it shows, in milliseconds (GIF stores hundredths of a second). */
export interface GifFrame {
  rect: PixelRect;
  compressed: Uint8Array;
  delayMs: number;
}

/** gif-encoder-2 with a fixed global palette and pre-indexed, cropped frames (overrides match its version 1.0.5). */
class FixedPaletteEncoder extends GIFEncoder {
  private readonly table: number[];
  private rect: PixelRect = { x: 0, y: 0, width: 0, height: 0 };
  private compressed: Uint8Array = new Uint8Array(0);

  constructor(width: number, height: number, palette: readonly Rgb[]) {
    super(width, height);
    this.table = paletteBytes(palette);
  }

  /** Adds a frame given as compressed palette indices instead of RGBA pixels. */
  addCompressed(frame: GifFrame): void {
    this.rect = frame.rect;
    this.compressed = frame.compressed;
    this.setDelay(frame.delayMs);
    this.addFrame(null);
  }

  /** Replaces quantisation: the pixels are already indices into the fixed palette. */
  override analyzePixels(): void {
    this.colorTab = this.table;
    this.colorDepth = 8;
    this.transIndex = TRANSPARENT_INDEX;
  }

  /** Only the first frame writes a colour table: the global one. */
  override writePalette(): void {
    if (this.firstFrame) super.writePalette();
  }

  /** An image descriptor for the patch's rectangle, without a local colour table. */
  override writeImageDesc(): void {
    const { x, y, width, height } = this.rect;
    this.out.data.push(
      0x2c,
      x & 0xff,
      x >> 8,
      y & 0xff,
      y >> 8,
      width & 0xff,
      width >> 8,
      height & 0xff,
      height >> 8,
      0,
    );
  }

  /** The pixels, compressed beforehand. */
  override writePixels(): void {
    for (const byte of this.compressed) this.out.data.push(byte);
  }
}

/** An animated GIF of width x height pixels that loops forever. */
export function encodeGif(
  width: number,
  height: number,
  palette: readonly Rgb[],
  frames: readonly GifFrame[],
): Buffer {
  const encoder = new FixedPaletteEncoder(width, height, palette);
  encoder.setRepeat(0);
  // Any transparent colour makes gif-encoder-2 set the transparency flag (the index itself comes
  // from analyzePixels); disposal 1 leaves each frame in place under the next one.
  encoder.setTransparent(0);
  encoder.setDispose(1);
  encoder.start();
  for (const frame of frames) encoder.addCompressed(frame);
  encoder.finish();
  return encoder.out.getData();
}
