// Astro configuration: a Starlight documentation site whose pages are the MDX files under content/
// (src/content.config.ts). SITE_URL, BASE_PATH and EDIT_URL come from the environment (the deploy
// workflow fills them in from GitHub's settings); the defaults suit local work.

import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig, passthroughImageService } from 'astro/config';
import autoImport from 'astro-auto-import';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { PAGE_COMPONENTS } from './src/lib/page-components.ts';
import { pageFinishing } from './src/lib/page-finishing.ts';
import rehypeScrollable from './src/lib/rehype-scrollable.ts';
import { SITE_TITLE } from './src/lib/site.ts';
import { tableOfContentsScript } from './src/lib/table-of-contents-script.ts';

// No requests beyond the npm registry: no usage telemetry, no update check. (Astro reads these
// after loading this file; `npm run dev` also sets them for the dev server, which checks earlier.)
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';
// e.g. https://github.com/OWNER/REPO/edit/main/ : each page links to it + its file path
// ("content/index.mdx"). Without it, pages have no edit link.
const editUrl = process.env.EDIT_URL || undefined;

/** A file of this project as an absolute path, whatever directory the build runs from. */
const projectFile = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  site,
  base,
  output: 'static',
  // The figures are already PNG, GIF and SVG files made by `npm run figures`: nothing to optimise,
  // and no sharp binary to install.
  image: { service: passthroughImageService() },
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [rehypeKatex, rehypeScrollable],
  },
  integrations: [
    // Every page may use the tutorial's components without importing them (the list is
    // src/lib/page-components.ts). astro-auto-import must come before the MDX integration, and
    // sees it only if it is in this list (Starlight adds one of its own only when there is none);
    // Starlight puts its Expressive Code right after itself, before MDX, as that needs.
    autoImport({
      imports: PAGE_COMPONENTS.map((name) => projectFile(`./src/components/${name}.astro`)),
    }),
    starlight({
      title: SITE_TITLE,
      description:
        'A tutorial that builds, trains and validates a small neural network image classifier from scratch, with every figure and number computed by its own code.',
      ...(editUrl === undefined ? {} : { editLink: { baseUrl: editUrl } }),
      customCss: [
        // The upright weights are declared in src/components/starlight/Head.astro (preloaded, never swapped).
        '@fontsource/source-sans-3/latin-400-italic.css',
        'katex/dist/katex.min.css',
        './src/styles/site.css',
      ],
      // Each page's social card (og:image), drawn by the figure pipeline: src/social-card-route.ts.
      routeMiddleware: './src/social-card-route.ts',
      components: {
        Head: './src/components/starlight/Head.astro',
        PageTitle: './src/components/starlight/PageTitle.astro',
        Banner: './src/components/starlight/Banner.astro',
      },
      // Expressive Code's options (the code blocks' themes and plugins) are in ec.config.mjs.
      // Every page under content/, in the order of its frontmatter's sidebar.order. Starlight
      // strips only src/content/docs/ from a page's path, so the folder is named here.
      sidebar: [{ label: 'Pages', autogenerate: { directory: 'content' } }],
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      // Starlight's Markdown features (heading anchor links, asides) for the pages under content/:
      // it applies them by itself only under src/content/docs/.
      markdown: { processedDirs: ['./content/'] },
      lastUpdated: false,
    }),
    mdx(),
    // Last: the HTML that Starlight and Expressive Code write, made valid, and the equations' fonts
    // preloaded (src/lib/page-finishing.ts).
    pageFinishing(),
  ],
  devToolbar: { enabled: false },
  // Each page carries its styles in its <head>: no stylesheet request stands between the page and
  // its first paint (the site's CSS is about 28 KB compressed, one file per component otherwise).
  build: { inlineStylesheets: 'always' },
  vite: {
    build: {
      // KaTeX's fonts stay separate hashed files, not data URLs in the CSS. A page's small scripts
      // (the components' own, under 4 KB, that import nothing) are written into the page: a
      // dozen requests of half a kilobyte each would stand between a phone and its first paint.
      assetsInlineLimit: (file, content) => file.endsWith('.js') && content.length < 4096,
    },
    // Starlight's table of contents runs this project's script (src/lib/table-of-contents-script.ts).
    plugins: [tableOfContentsScript()],
  },
});
