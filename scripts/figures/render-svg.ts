/** Writes an SVG figure of the catalogue, with the figure font embedded. */
import type { SvgFigure } from '../../src/figures/figure-catalogue.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import { svgFontCss } from './fonts.ts';

/** The SVG of `figure` as UTF-8 bytes, and its size in CSS px. The SVG carries its font: one shown with <img> cannot use the page's fonts. */
export function renderSvg(
  figure: SvgFigure,
  record: RunRecord,
): { bytes: Buffer; width: number; height: number } {
  const size = figure.size(record);
  return {
    bytes: Buffer.from(figure.svg(record, { fontCss: svgFontCss() }), 'utf8'),
    width: size.width,
    height: size.height,
  };
}
