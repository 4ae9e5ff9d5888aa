/** Writes an SVG figure, with the figure font embedded. */
import { type SchemeName, svgInScheme } from '../../src/figures/colour-scheme.ts';
import type { FigureInput, SvgFigure } from '../../src/figures/figure-definition.ts';
import { svgFontCss } from './fonts.ts';

/** The SVG of `figure` in `scheme` as UTF-8 bytes, and its size in CSS px. The SVG carries its font: one shown with <img> cannot use the page's fonts. */
export function renderSvg(
  figure: SvgFigure,
  input: FigureInput,
  scheme: SchemeName,
): { bytes: Buffer; width: number; height: number } {
  const size = figure.size(input);
  const svg = svgInScheme(figure.svg(input, { fontCss: svgFontCss() }), scheme);
  return {
    bytes: Buffer.from(svg, 'utf8'),
    width: size.width,
    height: size.height,
  };
}
