/** Draws a PNG figure of the catalogue with @napi-rs/canvas. */
import { PNG_PIXEL_RATIO, type PngFigure } from '../../src/figures/figure-catalogue.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import { scaledCanvas } from './canvas-setup.ts';

/** Draws `figure` now; its PNG encoding runs on a libuv worker thread (the returned promise). */
export function renderPng(
  figure: PngFigure,
  record: RunRecord,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { canvas, ctx } = scaledCanvas(figure.size(record), PNG_PIXEL_RATIO);
  figure.draw(ctx, record);
  return canvas
    .encode('png')
    .then((bytes) => ({ bytes, width: canvas.width, height: canvas.height }));
}
