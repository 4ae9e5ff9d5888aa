// Astro configuration: one static page rendered from content/tutorial.mdx.
// SITE_URL and BASE_PATH come from the environment (the deploy workflow fills them in from
// GitHub's Pages settings); the defaults suit local work.

import mdx from '@astrojs/mdx';
import { defineConfig, passthroughImageService } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { CODE_THEMES } from './src/lib/code-themes.ts';
import rehypeScrollableMath from './src/lib/rehype-scrollable-math.ts';

// No requests beyond the npm registry: no usage telemetry, no update check. (Astro reads these
// after loading this file; `npm run dev` also sets them for the dev server, which checks earlier.)
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  // The figures are already PNG, GIF and SVG files made by `npm run figures`: nothing to optimise,
  // and no sharp binary to install.
  image: { service: passthroughImageService() },
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [rehypeKatex, rehypeScrollableMath],
    shikiConfig: { themes: CODE_THEMES },
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Keep KaTeX's fonts as separate hashed files rather than inlined data URLs.
  vite: { build: { assetsInlineLimit: 0 } },
});
