/**
 * Every page's social card and the favicon, as built: an og:image (and twitter:image) with an
 * absolute URL under the site's URL and base path, naming a 1200 x 630 PNG of the build that
 * describes the page's own title; and the favicon the cards show, linked and present.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startTags } from './html.ts';

const builds = inject('siteBuilds');

/** The pages of the site, as built: their HTML file under dist. */
const PAGES = ['index.html', 'experiments/index.html', 'guide/index.html'];

/** The width and height in a PNG's header (IHDR). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The content of the <meta> with `property` or `name` equal to `key`. */
function meta(html: string, key: string): string | undefined {
  const tag = startTags(html).find(
    (t) => t.name === 'meta' && (t.attributes.property === key || t.attributes.name === key),
  );
  return tag?.attributes.content;
}

for (const [label, build] of Object.entries(builds)) {
  describe(`the social cards of the ${label} build (base ${build.base})`, () => {
    for (const page of PAGES) {
      it(`gives ${page} a card of its own title, 1200 x 630, at an absolute URL`, async () => {
        const html = await readFile(join(build.dir, page), 'utf8');
        const image = meta(html, 'og:image');
        expect(image, 'og:image').toBeDefined();
        const url = new URL(image!);
        const site = new URL(meta(html, 'og:url')!);
        expect(url.origin).toBe(site.origin);
        expect(url.pathname.startsWith(`${build.base}generated/figures/card-`)).toBe(true);
        expect(meta(html, 'twitter:image')).toBe(image);
        const file = join(build.dir, url.pathname.slice(build.base.length));
        const size = pngSize(await readFile(file));
        expect(size).toEqual({ width: 1200, height: 630 });
        expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual([
          '1200',
          '630',
        ]);
        expect(meta(html, 'og:image:alt')).toContain(`"${meta(html, 'og:title')}"`);
      });
    }

    it('links the favicon, an SVG of the cards’ mark that the build has', async () => {
      const html = await readFile(join(build.dir, 'index.html'), 'utf8');
      const icon = startTags(html).find(
        (t) => t.name === 'link' && /icon/.test(t.attributes.rel ?? ''),
      );
      expect(icon?.attributes.href).toBe(`${build.base}favicon.svg`);
      const svg = await readFile(join(build.dir, 'favicon.svg'), 'utf8');
      expect(svg).toContain('<title>A vertical line in a 3 by 3 image</title>');
    });
  });
}
