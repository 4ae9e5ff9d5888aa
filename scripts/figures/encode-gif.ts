/**
 * Encodes an animated GIF with gif-encoder-2, bypassing its per-frame colour quantiser: every
 * frame arrives as a patch of indices into one fixed palette (src/figures/gif-palette.ts), which
 * is written once as the global colour table. The first frame is whole; each later one is the
 * rectangle that changed, with unchanged pixels transparent, drawn over the frame before it
 * (disposal 1). That keeps the file small and the encoding fast.
 */
import GIFEncoder from 'gif-encoder-2';
import type { Rgb } from '../../src/figures/colour-maps.ts';
import {
  type FramePatch,
  type PixelRect,
  paletteBytes,
  TRANSPARENT_INDEX,
} from '../../src/figures/gif-palette.ts';

/** One frame: its patch and how long it shows, in milliseconds (GIF stores hundredths of a second). */
export interface GifFrame {
  patch: FramePatch;
  delayMs: number;
}

/** gif-encoder-2 with a fixed global palette and pre-indexed, cropped frames (overrides match its version 1.0.5). */
class FixedPaletteEncoder extends GIFEncoder {
  private readonly table: number[];
  private rect: PixelRect = { x: 0, y: 0, width: 0, height: 0 };
  private patchIndices: Uint8Array = new Uint8Array(0);

  constructor(width: number, height: number, palette: readonly Rgb[]) {
    super(width, height);
    this.table = paletteBytes(palette);
  }

  /** Adds a frame given as a patch of palette indices instead of RGBA pixels. */
  addPatch(patch: FramePatch): void {
    this.rect = patch.rect;
    this.patchIndices = patch.indices;
    this.addFrame(null);
  }

  /** Replaces quantisation: the pixels are already indices into the fixed palette. */
  override analyzePixels(): void {
    this.indexedPixels = this.patchIndices;
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

  override writePixels(): void {
    // gif-encoder-2's LZW encoder takes the image size from the encoder: present the patch's.
    const fullWidth = this.width;
    const fullHeight = this.height;
    this.width = this.rect.width;
    this.height = this.rect.height;
    super.writePixels();
    this.width = fullWidth;
    this.height = fullHeight;
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
  for (const frame of frames) {
    encoder.setDelay(frame.delayMs);
    encoder.addPatch(frame.patch);
  }
  encoder.finish();
  return encoder.out.getData();
}
