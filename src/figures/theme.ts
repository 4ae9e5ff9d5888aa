/**
 * The figures' shared look: the font family, text sizes and the few accent colours.
 * These are the light scheme's colours: opaque white paper and dark text. colour-scheme.ts
 * gives each its colour in the dark scheme, in which every figure is drawn a second time.
 */

/**
 * The font family every figure names. The build registers Source Sans 3 from the
 * @fontsource/source-sans-3 package under this name (never a system font); the site can declare
 * the same family with CSS @font-face, so the explorer's canvas matches the build's pictures.
 */
export const FONT_FAMILY = 'Source Sans 3';

/**
 * The same font under a name only the explorer's canvas declares (src/explorer/canvas-font.ts),
 * named after FONT_FAMILY in every figure's font: the canvas falls back to it when the page's
 * face is not in use. The build registers no such family, so its pictures use FONT_FAMILY.
 */
export const CANVAS_FONT_FAMILY = `${FONT_FAMILY} Canvas`;

/** The width of the site's content column in CSS px: every figure is laid out at this width. */
export const CONTENT_WIDTH = 720;

/** Text sizes in CSS pixels at the displayed size (never below 11). */
export const TEXT = { small: 12, body: 13, label: 14, title: 16 } as const;

/** Accent colours as #rrggbb. */
export const COLOURS = {
  background: '#ffffff',
  text: '#1f2328',
  mutedText: '#57606a',
  axis: '#8c959f',
  grid: '#e6e8eb',
  cellBorder: '#d0d7de',
  /** The loss curve. */
  loss: '#0b5fa5',
  /** The accuracy curve. */
  accuracy: '#1a7f37',
  /** The first iteration with accuracy 1 (dashed marker). */
  marker: '#cf222e',
  /** A correct prediction: a light green disc (the original's #B4E380), outlined dark. */
  correct: '#b4e380',
  correctOutline: '#1b4d0e',
  /** A wrong prediction: a red-orange cross, a different shape as well as a different hue. */
  wrong: '#ff5a36',
  wrongOutline: '#4a0d00',
  /** The label under a wrongly classified image. */
  wrongText: '#b3261e',
  /**
   * A connection of the network diagram with a positive weight, and one with a negative weight:
   * the diverging map's colours at 90% and 10% in light, lighter shades of them in dark (a
   * connection is drawn on the paper, not in a cell).
   */
  positive: '#b35806',
  negative: '#542788',
} as const;

/** Colours of the curves of a comparison of runs, in order (Okabe and Ito's palette, told apart with any colour vision). */
export const SERIES_COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
] as const;

/** Names of the two classes, indexed by label. */
const CLASS_NAMES: readonly string[] = ['vertical', 'horizontal'];

/** A class's name, or "class k" for a label without one. */
export function className(label: number): string {
  return CLASS_NAMES[label] ?? `class ${label}`;
}
