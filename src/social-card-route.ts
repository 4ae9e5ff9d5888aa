/**
 * Starlight route middleware: each page's social card as its og:image (and twitter:image). The
 * card of the page content/NAME.mdx is the figure card-NAME (content/figures/card-NAME.ts, drawn
 * by `npm run figures`); a page without a card of its own shares the tutorial's. The image's URL
 * is absolute, as link previews need, from the site's URL and base path.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './lib/base-url.ts';
import { socialCard } from './lib/generated-data.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const card = socialCard(route.entry.id);
  if (card === null || context.site === undefined) return;
  const image = new URL(withBase(card.src), context.site).href;
  const meta = (attrs: Record<string, string>) =>
    route.head.push({ tag: 'meta', attrs, content: '' });
  meta({ property: 'og:image', content: image });
  meta({ property: 'og:image:width', content: String(card.width) });
  meta({ property: 'og:image:height', content: String(card.height) });
  meta({ property: 'og:image:alt', content: card.alt });
  meta({ name: 'twitter:image', content: image });
});
