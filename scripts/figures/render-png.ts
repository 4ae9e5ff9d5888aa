/** Draws a PNG figure with @napi-rs/canvas. */

import { type SchemeName, schemeContext } from '../../src/figures/colour-scheme.ts';
import {
  type FigureInput,
  PNG_PIXEL_RATIO,
  type PngFigure,
} from '../../src/figures/figure-definition.ts';
import { scaledCanvas } from './canvas-setup.ts';
import { encodePng } from './encode-png.ts';

/** Draws `figure` in `scheme` now; its PNG compression runs on a libuv worker thread (the returned promise). */
export async function renderPng(
  figure: PngFigure,
  input: FigureInput,
  scheme: SchemeName,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { canvas, ctx } = scaledCanvas(figure.size(input), PNG_PIXEL_RATIO);
  figure.draw(schemeContext(ctx, scheme), input);
  const { width, height } = canvas;
  // Unpremultiplied, as a PNG stores them (the same bytes as the canvas's own for opaque pixels).
  const encoding = encodePng(ctx.getImageData(0, 0, width, height).data, width, height);
  return { bytes: await encoding, width, height };
}
