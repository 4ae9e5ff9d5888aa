/**
 * The text font's files, as Vite emits them (hashed, under the site's base path): the page
 * declares the upright faces (src/components/starlight/Head.astro) and the explorer's canvas
 * loads all three under a family of its own (src/explorer/canvas-font.ts).
 */
import italic from '@fontsource/source-sans-3/files/source-sans-3-latin-400-italic.woff2?url';
import regular from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2?url';
import semibold from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';

export const TEXT_FONT_FILES = { regular, semibold, italic };
