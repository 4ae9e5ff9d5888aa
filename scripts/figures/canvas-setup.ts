/** Canvases for the raster figures: sized in device pixels, drawn in CSS px, set up the same way every time. */
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';

/** A canvas of `size` CSS px at `ratio` device pixels per CSS px, with its context scaled to draw in CSS px. */
export function scaledCanvas(size: { width: number; height: number }, ratio: number) {
  const canvas = createCanvas(Math.round(size.width * ratio), Math.round(size.height * ratio));
  const ctx = canvas.getContext('2d');
  ctx.createImageData = blankImageData as SKRSContext2D['createImageData'];
  prepareContext(ctx, ratio);
  return { canvas, ctx };
}

/**
 * A transparent block of pixels in memory that V8 allocates: the same block as the context's own
 * createImageData, which takes some fifteen times as long for a heatmap's (an animation asks for
 * hundreds).
 */
function blankImageData(width: number, height: number): ImageData {
  return new ImageData(new Uint8ClampedArray(4 * width * height), width, height);
}

/** Settings that make text the same on every machine: an explicit language and the scaling; no smoothing of scaled images. */
export function prepareContext(ctx: SKRSContext2D, ratio: number): void {
  ctx.lang = 'en';
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.imageSmoothingEnabled = false;
}
