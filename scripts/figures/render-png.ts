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
  // Unpremultiplied, as a PNG stores them (the same bytes as the canvas's own for opaque pixels).
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const bytes = await encodePng(data, canvas.width, canvas.height);
  return { bytes, width: canvas.width, height: canvas.height };
}
