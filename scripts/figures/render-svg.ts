/** Writes an SVG figure, with the figure font embedded. */
import type { FigureInput, SvgFigure } from '../../src/figures/figure-definition.ts';
import { svgFontCss } from './fonts.ts';

/** The SVG of `figure` as UTF-8 bytes, and its size in CSS px. The SVG carries its font: one shown with <img> cannot use the page's fonts. */
export function renderSvg(
  figure: SvgFigure,
  input: FigureInput,
): { bytes: Buffer; width: number; height: number } {
  const size = figure.size(input);
  return {
    bytes: Buffer.from(figure.svg(input, { fontCss: svgFontCss() }), 'utf8'),
    width: size.width,
    height: size.height,
  };
}
