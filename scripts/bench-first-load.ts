/**
 * `npm run bench:first-load`: what a reader's browser transfers to show each page of the built
 * site (dist/, made by `npm run build`) the first time, with an empty cache: the HTML, CSS,
 * fonts and scripts, and the images it fetches before the reader scrolls (figures are lazy, so
 * only those near the first screen load). Served gzipped on loopback as GitHub Pages serves the
 * site, opened in Debian's Chromium at a desktop (1280 x 800) and a phone (375 x 812) size, in
 * the dark scheme (Starlight's default) and the light one. Bytes are as transferred: compressed
 * bodies plus headers. The target for the tutorial: under 250 KB without its scripts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { startStaticServer } from '../tests/site/static-server.ts';
import { builtPages } from './lib/built-pages.ts';

const DIST = 'dist';
const TARGET_KB = 250;

/** The sizes a page is opened at. */
const SCREENS = [
  { name: 'desktop', width: 1280, height: 800, deviceScaleFactor: 1 },
  { name: 'phone', width: 375, height: 812, deviceScaleFactor: 2 },
] as const;

/** What one first load transferred, by kind of resource, in bytes. */
type Transfer = Record<'html' | 'css' | 'fonts' | 'images' | 'scripts' | 'other', number>;

/** The kind a Chromium resource type counts as. */
function kindOf(resourceType: string): keyof Transfer {
  const kinds: Record<string, keyof Transfer> = {
    document: 'html',
    stylesheet: 'css',
    font: 'fonts',
    image: 'images',
    script: 'scripts',
  };
  return kinds[resourceType] ?? 'other';
}

/** Opens `url` in a new context with an empty cache and sums what it transferred until the network is quiet. */
async function firstLoad(
  browser: Browser,
  url: string,
  screen: (typeof SCREENS)[number],
  scheme: 'light' | 'dark',
): Promise<Transfer> {
  const context = await browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.deviceScaleFactor,
    colorScheme: scheme,
  });
  const page = await context.newPage();
  const transfer: Transfer = { html: 0, css: 0, fonts: 0, images: 0, scripts: 0, other: 0 };
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        transfer[kindOf(request.resourceType())] +=
          sizes.responseBodySize + sizes.responseHeadersSize;
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await context.close();
  return transfer;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`bench:first-load: no ${DIST}/index.html; run \`npm run build\` first`);
    process.exit(2);
  }
  const browser = await launchChromium();
  const server = await startStaticServer(DIST, '/', { gzip: true });
  const columns = ['html', 'css', 'fonts', 'images', 'scripts'] as const;
  console.log(
    `${'page'.padEnd(16)}${'screen'.padEnd(9)}${'scheme'.padEnd(8)}${columns.map((c) => c.padStart(10)).join('')}${'without scripts'.padStart(17)}${'total'.padStart(11)}`,
  );
  let tutorialWorst = 0;
  try {
    for (const path of builtPages(DIST)) {
      for (const screen of SCREENS) {
        for (const scheme of ['dark', 'light'] as const) {
          const t = await firstLoad(browser, server.url + path, screen, scheme);
          const withoutScripts = t.html + t.css + t.fonts + t.images + t.other;
          if (path === '') tutorialWorst = Math.max(tutorialWorst, withoutScripts);
          console.log(
            `${`/${path}`.padEnd(16)}${screen.name.padEnd(9)}${scheme.padEnd(8)}${columns.map((c) => kb(t[c]).padStart(10)).join('')}${kb(withoutScripts).padStart(17)}${kb(withoutScripts + t.scripts).padStart(11)}`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const met = tutorialWorst < TARGET_KB * 1024 ? 'met' : 'NOT met';
  console.log(
    `\ntarget: the tutorial's first load, without scripts, under ${TARGET_KB} KB: ${kb(tutorialWorst)} at most, ${met}`,
  );
}

await main();
