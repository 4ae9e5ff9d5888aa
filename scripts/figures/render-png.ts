/** Draws a PNG figure with @napi-rs/canvas. */

import { type SchemeName, schemeContext } from '../../src/figures/colour-scheme.ts';
import {
  type FigureInput,
  PNG_PIXEL_RATIO,
  type PngFigure,
} from '../../src/figures/figure-definition.ts';
import { scaledCanvas } from './canvas-setup.ts';

/** Draws `figure` in `scheme` now; its PNG encoding runs on a libuv worker thread (the returned promise). */
export async function renderPng(
  figure: PngFigure,
  input: FigureInput,
  scheme: SchemeName,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { canvas, ctx } = scaledCanvas(figure.size(input), PNG_PIXEL_RATIO);
  figure.draw(schemeContext(ctx, scheme), input);
  const bytes = await canvas.encode('png');
  return { bytes, width: canvas.width, height: canvas.height };
}
