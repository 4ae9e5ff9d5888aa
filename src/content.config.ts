/**
 * The site's pages: every .md and .mdx file under the top-level content/ folder is a page of
 * Starlight's `docs` collection (content/index.mdx is the site's root, content/a/b.mdx is /a/b/).
 * Frontmatter: Starlight's fields (title, description, sidebar.order, ...) and a subtitle shown
 * under the title.
 */

import { defineCollection, z } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content' }),
    schema: docsSchema({
      extend: z.object({
        /** One or two sentences under the page's title. */
        subtitle: z.string().optional(),
      }),
    }),
  }),
};
