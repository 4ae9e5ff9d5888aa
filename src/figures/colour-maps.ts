/**
 * Colour maps of the figures, as pure functions from numbers to RGB triples.
 * Parameters (W, b) use one diverging map, symmetric around 0: warm (orange) for positive,
 * cool (purple) for negative, near-white for 0. Orange against purple stays distinguishable for
 * the common forms of colour blindness, unlike red against green. Activations and pixels use
 * grey scale: black for 0, white for 1.
 *
 * These colours are data: a figure drawn in the dark scheme (colour-scheme.ts) shows them as they
 * are. Drawing code paints them with `dataColour`, whose "rgb(r, g, b)" form is never one of the
 * theme's #rrggbb colours, which the dark scheme repaints.
 */

/** A colour as [red, green, blue], each an integer 0..255. */
export type Rgb = readonly [number, number, number];

/** Stops of the diverging map from -max (index 0, cool) through 0 (the middle) to +max (warm). */
const DIVERGING_STOPS: readonly Rgb[] = [
  // ColorBrewer's 11-class PuOr, purple end first so that the index grows with the value.
  [0x2d, 0x00, 0x4b],
  [0x54, 0x27, 0x88],
  [0x80, 0x73, 0xac],
  [0xb2, 0xab, 0xd2],
  [0xd8, 0xda, 0xeb],
  [0xf7, 0xf7, 0xf7],
  [0xfe, 0xe0, 0xb6],
  [0xfd, 0xb8, 0x63],
  [0xe0, 0x82, 0x14],
  [0xb3, 0x58, 0x06],
  [0x7f, 0x3b, 0x08],
];

/** The colour of the diverging map at t in [0, 1] (0 = cool end, 0.5 = neutral, 1 = warm end); t is clamped. */
export function divergingAt(t: number): Rgb {
  const clamped = Number.isNaN(t) ? 0.5 : Math.min(1, Math.max(0, t));
  const position = clamped * (DIVERGING_STOPS.length - 1);
  const lower = Math.min(Math.floor(position), DIVERGING_STOPS.length - 2);
  const f = position - lower;
  const a = DIVERGING_STOPS[lower]!;
  const b = DIVERGING_STOPS[lower + 1]!;
  return [mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f)];
}

/** The diverging colour of a parameter value on the scale [-max, +max]; values beyond max are clamped. */
export function divergingColour(value: number, max: number): Rgb {
  if (!(max > 0)) return divergingAt(0.5);
  return divergingAt(0.5 + value / (2 * max));
}

/** The grey of an activation or pixel in [0, 1]: 0 is black, 1 is white; values outside are clamped. */
export function greyColour(value: number): Rgb {
  const v = Number.isNaN(value) ? 0 : Math.min(1, Math.max(0, value));
  const level = Math.round(v * 255);
  return [level, level, level];
}

/** The CSS hex form of a colour, e.g. "#f7f7f7". */
export function toHex(colour: Rgb): string {
  return `#${colour.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A colour that is the same in every scheme (a data colour), as CSS: "rgb(r, g, b)"; a "#rrggbb" string is converted. */
export function dataColour(colour: Rgb | string): string {
  const [r, g, b] = typeof colour === 'string' ? fromHex(colour) : colour;
  return `rgb(${r}, ${g}, ${b})`;
}

/** Parses "#rrggbb" into a colour. */
export function fromHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`fromHex: not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** The colour a fraction f of the way from a to b (each channel rounded). */
export function mixColours(a: Rgb, b: Rgb, f: number): Rgb {
  return [mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f)];
}

/** Relative luminance (WCAG, 0 = black, 1 = white): decides whether text on a cell is dark or light. */
export function luminance(colour: Rgb): number {
  const linear = colour.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}

function mix(a: number, b: number, f: number): number {
  return Math.round(a + (b - a) * f);
}
