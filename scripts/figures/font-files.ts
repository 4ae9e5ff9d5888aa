/**
 * The figures' font files: Source Sans 3 from the @fontsource/source-sans-3 package (WOFF2, Latin
 * subset). Kept apart from their registration (fonts.ts) so the build's cache can key figures on
 * the fonts' bytes without loading @napi-rs/canvas.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The font files used: regular, italic (math variables) and semibold (titles), as absolute paths. */
export const FONT_FILES: readonly string[] = [
  'latin-400-normal',
  'latin-400-italic',
  'latin-600-normal',
].map((style) => require.resolve(`@fontsource/source-sans-3/files/source-sans-3-${style}.woff2`));
