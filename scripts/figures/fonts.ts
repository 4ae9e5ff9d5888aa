/**
 * Registers the figures' font with @napi-rs/canvas: Source Sans 3 (font-files.ts), under the
 * family name the drawing code asks for. Text is never drawn in a system font, so figures come
 * out the same on every machine.
 */
import { readFileSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import { FONT_FAMILY } from '../../src/figures/theme.ts';
import { FONT_FILES } from './font-files.ts';

let registered = false;

/** Registers the font files once per process; throws if any of them cannot be loaded. */
export function registerFigureFonts(): void {
  if (registered) return;
  for (const file of FONT_FILES) {
    if (GlobalFonts.registerFromPath(file, FONT_FAMILY) === null)
      throw new Error(`cannot load the figure font ${file}`);
  }
  registered = true;
}

/** The regular font as a data: URL, for an SVG's own @font-face (an SVG shown with <img> cannot use the page's fonts). */
function regularFontDataUrl(): string {
  return `data:font/woff2;base64,${readFileSync(FONT_FILES[0]!).toString('base64')}`;
}

/** CSS that declares the figure font inside an SVG. */
export function svgFontCss(): string {
  return `@font-face{font-family:"${FONT_FAMILY}";src:url(${regularFontDataUrl()}) format("woff2");font-weight:400;font-style:normal}`;
}
