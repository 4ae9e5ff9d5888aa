/**
 * The figures' two colour schemes. Every figure is drawn by one piece of code and painted twice:
 * in the light scheme with theme.ts's colours, and in the dark scheme with the colours below,
 * which the page shows when the reader's theme is dark.
 *
 * Only the figure's own colours change: its paper, text, axes, grid and curves (the #rrggbb
 * colours of theme.ts). Colours that stand for numbers (a pixel's grey, a weight on the diverging
 * map) are data and stay as they are in both schemes, so a colour bar, a caption or an alt text
 * that names a colour is true in both. Drawing code writes data colours with `dataColour`
 * (colour-maps.ts), as "rgb(r, g, b)", which is never one of the theme's colours.
 */
import type { Context2D } from './context-2d.ts';
import { COLOURS, SERIES_COLOURS } from './theme.ts';

/** The schemes a figure can be drawn in. */
export type SchemeName = 'light' | 'dark';

/** Every scheme, the light one (the default and the printed one) first. */
export const SCHEMES: readonly SchemeName[] = ['light', 'dark'];

/**
 * The dark scheme's colours, for theme.ts's COLOURS by name. The paper is the site's dark page
 * (Starlight's), text and lines are light, and the accents are lighter shades of the same hues
 * so they keep their contrast; the prediction markers are drawn with their own outlines and stay.
 */
const DARK_COLOURS: Record<keyof typeof COLOURS, string> = {
  background: '#17181c',
  text: '#e6e8ec',
  mutedText: '#a4abb6',
  axis: '#7b8390',
  grid: '#2e323a',
  cellBorder: '#6e7681',
  loss: '#5aa9f0',
  accuracy: '#4cc26a',
  marker: '#ff6b6b',
  correct: COLOURS.correct,
  correctOutline: COLOURS.correctOutline,
  wrong: COLOURS.wrong,
  wrongOutline: COLOURS.wrongOutline,
  wrongText: '#ff8a80',
  positive: '#ef9d3c',
  negative: '#998fbf',
};

/** The comparison curves on dark: the same hues as SERIES_COLOURS, lighter. */
const DARK_SERIES_COLOURS: readonly string[] = [
  '#3d9be9',
  '#f07a2a',
  '#1fc295',
  '#e08fc4',
  '#f2b12e',
  '#8fd0f5',
];

/** Each light colour (lower case) and what it becomes in the dark scheme. */
const TO_DARK = new Map<string, string>([
  ...(Object.keys(COLOURS) as (keyof typeof COLOURS)[]).map(
    (name) => [COLOURS[name], DARK_COLOURS[name]] as const,
  ),
  ...SERIES_COLOURS.map((colour, k) => [colour, DARK_SERIES_COLOURS[k]!] as const),
]);

/** The colour to paint for `colour` in `scheme`: one of theme.ts's becomes the scheme's; any other (a data colour) stays. */
export function inScheme(colour: string, scheme: SchemeName): string {
  if (scheme === 'light') return colour;
  return TO_DARK.get(colour.toLowerCase()) ?? colour;
}

/** An SVG's text with each of theme.ts's colours replaced by its colour in `scheme`. */
export function svgInScheme(svg: string, scheme: SchemeName): string {
  if (scheme === 'light') return svg;
  return svg.replace(/#[0-9a-f]{6}\b/gi, (colour) => inScheme(colour, scheme));
}

/** A background colour of the scheme: what a figure's paper is painted with. */
export function schemeBackground(scheme: SchemeName): string {
  return inScheme(COLOURS.background, scheme);
}

/** The context's methods, and its settings (every other member). */
type MethodName = {
  [K in keyof Context2D]: Context2D[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Context2D];
type SettingName = Exclude<keyof Context2D, MethodName>;

/** The context's settings that are copied through unchanged. */
const PLAIN_SETTINGS = [
  'lineWidth',
  'lineCap',
  'lineJoin',
  'globalAlpha',
  'font',
  'textAlign',
  'textBaseline',
  'imageSmoothingEnabled',
] as const satisfies readonly SettingName[];

/** The settings that take a colour, which is painted in the scheme. */
const COLOUR_SETTINGS = ['fillStyle', 'strokeStyle'] as const satisfies readonly SettingName[];

/**
 * The context's methods, called on it unchanged. Pixels (putImageData) carry their own colours:
 * data, never a theme's colour to translate.
 */
const METHODS = [
  'save',
  'restore',
  'translate',
  'scale',
  'rotate',
  'setTransform',
  'getTransform',
  'fillRect',
  'strokeRect',
  'beginPath',
  'closePath',
  'moveTo',
  'lineTo',
  'rect',
  'arc',
  'fill',
  'stroke',
  'clip',
  'setLineDash',
  'fillText',
  'measureText',
  'createImageData',
  'putImageData',
] as const satisfies readonly MethodName[];

// Every member of Context2D is in one of the three lists: a new member must be sorted into one
// (the error then names it: "Type 'true' is not assignable to type '"clip"'").
type Unlisted = Exclude<
  keyof Context2D,
  (typeof PLAIN_SETTINGS | typeof COLOUR_SETTINGS | typeof METHODS)[number]
>;
const EVERY_MEMBER_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;
void EVERY_MEMBER_LISTED;

/**
 * `ctx` as the drawing code sees it in `scheme`: the same context, except that a colour set as
 * fillStyle or strokeStyle is painted in the scheme (inScheme). For light, `ctx` itself.
 */
export function schemeContext(ctx: Context2D, scheme: SchemeName): Context2D {
  if (scheme === 'light') return ctx;
  const paint = (style: unknown) => (typeof style === 'string' ? inScheme(style, scheme) : style);
  const target = ctx as unknown as Record<string, unknown>;
  const members: PropertyDescriptorMap = {};
  for (const name of PLAIN_SETTINGS)
    members[name] = { get: () => target[name], set: (value) => (target[name] = value) };
  for (const name of COLOUR_SETTINGS)
    members[name] = { get: () => target[name], set: (value) => (target[name] = paint(value)) };
  // Looked up at each call, as the drawing code would on ctx itself.
  const call =
    (name: string) =>
    (...args: unknown[]) =>
      (target[name] as (...values: unknown[]) => unknown).apply(ctx, args);
  for (const name of METHODS) members[name] = { value: call(name) };
  return Object.defineProperties({}, members) as Context2D;
}
