// @ts-check
// Expressive Code's options (Starlight's code blocks), in a file of their own: the <Code>
// component reads them from here, since a plugin (a function) cannot pass through Astro's config.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { codeBlockLabels } from './src/lib/code-block-labels.mjs';

export default defineEcConfig({
  // Every token colour of the "-default" GitHub themes reaches 4.5:1 on their background.
  themes: ['github-dark-default', 'github-light-default'],
  useStarlightUiThemeColors: true,
  // Its styles written into the page (moved into <head> by src/lib/valid-html.ts) rather than
  // linked: a stylesheet met in the body holds up the first paint until it has arrived.
  emitExternalStylesheet: false,
  // Each listing's <pre> named after it, so that wide ones are regions that can be told apart.
  plugins: [codeBlockLabels()],
});
