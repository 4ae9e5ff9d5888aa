/**
 * Registers the figures' font with @napi-rs/canvas: Source Sans 3 from the
 * @fontsource/source-sans-3 package, under the family name the drawing code asks for. Text is
 * never drawn in a system font, so figures come out the same on every machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';
import { FONT_FAMILY } from '../../src/figures/theme.ts';

const require = createRequire(import.meta.url);

/** The font files used: regular, italic (math variables) and semibold (titles), Latin subset. */
export const FONT_FILES = ['latin-400-normal', 'latin-400-italic', 'latin-600-normal'].map((style) =>
  require.resolve(`@fontsource/source-sans-3/files/source-sans-3-${style}.woff2`),
);

let registered = false;

/** Registers the font files once per process; throws if any of them cannot be loaded. */
export function registerFigureFonts(): void {
  if (registered) return;
  for (const file of FONT_FILES) {
    if (GlobalFonts.registerFromPath(file, FONT_FAMILY) === null) throw new Error(`cannot load the figure font ${file}`);
  }
  registered = true;
}

/** The regular font as a data: URL, for an SVG's own @font-face (an SVG shown with <img> cannot use the page's fonts). */
export function regularFontDataUrl(): string {
  return `data:font/woff2;base64,${readFileSync(FONT_FILES[0]!).toString('base64')}`;
}
