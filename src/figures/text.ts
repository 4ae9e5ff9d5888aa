/** Text drawing helpers: plain labels and math-like labels with a superscript, e.g. W^[1]. */
import type { Context2D } from './context-2d.ts';
import { CANVAS_FONT_FAMILY, COLOURS, FONT_FAMILY } from './theme.ts';

/** How to set a piece of text. */
export interface TextStyle {
  size: number;
  weight?: 400 | 600;
  italic?: boolean;
  colour?: string;
  align?: 'left' | 'center' | 'right';
  baseline?: 'alphabetic' | 'middle' | 'top' | 'bottom';
}

/** The CSS font shorthand for a style. */
export function fontFor(style: TextStyle): string {
  const parts = [
    style.italic ? 'italic' : '',
    style.weight === 600 ? '600' : '',
    `${style.size}px`,
    `"${FONT_FAMILY}", "${CANVAS_FONT_FAMILY}"`,
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** Draws `text` at (x, y) in `style`. */
export function drawText(
  ctx: Context2D,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
): void {
  ctx.font = fontFor(style);
  ctx.fillStyle = style.colour ?? COLOURS.text;
  ctx.textAlign = style.align ?? 'left';
  ctx.textBaseline = style.baseline ?? 'alphabetic';
  ctx.fillText(text, x, y);
}

/** Draws `text` rotated a quarter turn anticlockwise, centred on (x, y): for vertical axis titles. */
export function drawVerticalText(
  ctx: Context2D,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(-Math.PI / 2);
  drawText(ctx, text, 0, 0, { ...style, align: 'center', baseline: 'middle' });
  ctx.restore();
}

/** One run of a math label: `text`, optionally italic (a variable), optionally raised (a superscript). */
export interface LabelPart {
  text: string;
  italic?: boolean;
  sup?: boolean;
}

/** The parts of a layer symbol such as W^[1] or A^[2]: an italic letter and a raised [layer]. */
export function layerSymbol(letter: string, layer: number): LabelPart[] {
  return [
    { text: letter, italic: true },
    { text: `[${layer}]`, sup: true },
  ];
}

/** Superscripts are set at this fraction of the size (so labels of 15 px keep them >= 11 px) and raised by this fraction of it. */
const SUP_SCALE = 0.75;
const SUP_RAISE = 0.38;

/** The width of a math label at `size`. */
export function measureLabel(
  ctx: Context2D,
  parts: readonly LabelPart[],
  size: number,
  weight: 400 | 600 = 400,
): number {
  let width = 0;
  for (const part of parts) {
    ctx.font = fontFor({
      size: part.sup ? size * SUP_SCALE : size,
      weight,
      italic: part.italic ?? false,
    });
    width += ctx.measureText(part.text).width;
  }
  return width;
}

/** Draws a math label with its alphabetic baseline at y, aligned on x. */
export function drawLabel(
  ctx: Context2D,
  parts: readonly LabelPart[],
  x: number,
  y: number,
  style: { size: number; weight?: 400 | 600; colour?: string; align?: 'left' | 'center' | 'right' },
): void {
  const weight = style.weight ?? 400;
  const width = measureLabel(ctx, parts, style.size, weight);
  let cursor = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
  for (const part of parts) {
    const size = part.sup ? style.size * SUP_SCALE : style.size;
    ctx.font = fontFor({ size, weight, italic: part.italic ?? false });
    ctx.fillStyle = style.colour ?? COLOURS.text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(part.text, cursor, part.sup ? y - style.size * SUP_RAISE : y);
    cursor += ctx.measureText(part.text).width;
  }
}
