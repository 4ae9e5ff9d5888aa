/** Draws a PNG figure with @napi-rs/canvas, at full size and, when asked, at half size too. */

import { type SchemeName, schemeContext } from '../../src/figures/colour-scheme.ts';
import {
  type FigureInput,
  PNG_PIXEL_RATIO,
  type PngFigure,
} from '../../src/figures/figure-definition.ts';
import type { FigureSize } from '../../src/figures/figure-manifest.ts';
import { scaledCanvas } from './canvas-setup.ts';
import { encodePng } from './encode-png.ts';
import { halveImage, type RgbaImage } from './half-size.ts';

/** A PNG file's bytes and its size in pixels. */
export interface EncodedPng {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Draws `figure` in `scheme` now (one drawing, whatever the sizes), and encodes it in each of
 * `sizes` (full: as drawn, at PNG_PIXEL_RATIO; half: halved, half-size.ts). The promises, in
 * that order, are the compressions, which run on libuv's worker threads while this one goes on.
 */
export function renderPng(
  figure: PngFigure,
  input: FigureInput,
  options: { scheme: SchemeName; sizes: readonly FigureSize[] },
): Promise<EncodedPng>[] {
  const { canvas, ctx } = scaledCanvas(figure.size(input), PNG_PIXEL_RATIO);
  figure.draw(schemeContext(ctx, options.scheme), input);
  const { width, height } = canvas;
  // Unpremultiplied, as a PNG stores them (the same bytes as the canvas's own for opaque pixels).
  const drawing: RgbaImage = { rgba: ctx.getImageData(0, 0, width, height).data, width, height };
  // Every size is made before any is encoded: a failure leaves no encoding without its caller.
  const images = options.sizes.map((size) => (size === 'full' ? drawing : halveImage(drawing)));
  return images.map((image) =>
    encodePng(image.rgba, image.width, image.height).then((bytes) => ({
      bytes,
      width: image.width,
      height: image.height,
    })),
  );
}
