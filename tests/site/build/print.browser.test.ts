/**
 * The tutorial printed, from Chromium: no navigation chrome, controls or explorer on paper, light
 * colours even for a reader in the dark scheme, and every figure short enough for one A4 page and
 * kept whole (break-inside: avoid), then printed to a PDF.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium.ts';
import { type StaticServer, startStaticServer } from '../static-server.ts';

const build = inject('siteBuilds').root;

/** A4 at 96 CSS px per inch: 210 x 297 mm, less Chromium's default margins of about 1 cm. */
const A4_WIDTH_PX = 794;
const PRINTABLE_HEIGHT_PX = Math.floor(((297 - 20) / 25.4) * 96);

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer(build.dir, build.base);
  const context = await browser.newContext({
    viewport: { width: A4_WIDTH_PX, height: 1100 },
    colorScheme: 'dark',
  });
  page = await context.newPage();
  await page.goto(server.url);
  // The figure scripts have run (the animation's button exists and is shown on screen).
  await page.waitForFunction(() => customElements.get('figure-animation') !== undefined);
  await page.emulateMedia({ media: 'print' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the tutorial, printed', () => {
  it('leaves out the navigation, the search, the theme select, the explorer and the Pause button', async () => {
    for (const selector of [
      'nav.sidebar',
      'starlight-toc',
      'mobile-starlight-toc',
      '.pagination-links',
      'site-search button',
      'starlight-theme-select select',
      '.explorer',
      '.figure-animation-toggle',
      '.figure-full-size',
    ]) {
      const found = page.locator(selector);
      expect(await found.count(), selector).toBeGreaterThan(0);
      for (const element of await found.all())
        expect(await element.isVisible(), `${selector} printed`).toBe(false);
    }
  });

  it('prints light, even for a reader in the dark scheme', async () => {
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
  });

  it('keeps every figure whole and short enough for one page', async () => {
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('figure.figure')].map((figure) => ({
        id: figure.id,
        breakInside: getComputedStyle(figure).breakInside,
        height: figure.getBoundingClientRect().height,
      })),
    );
    expect(figures.length).toBeGreaterThan(10);
    for (const figure of figures) {
      expect(figure.breakInside, figure.id).toBe('avoid');
      expect(figure.height, figure.id).toBeLessThan(PRINTABLE_HEIGHT_PX);
    }
  });

  it('prints the animation as its still, the last frame, not whichever frame was on screen', async () => {
    const shown = await page.evaluate(async () => {
      const img = document.querySelector<HTMLImageElement>('#figure-training-animation img')!;
      // Wait for the printed image to be chosen and loaded (the image is lazy: bring it into view).
      img.scrollIntoView();
      for (let tries = 0; tries < 50 && !(img.complete && img.currentSrc !== ''); tries++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      return img.currentSrc;
    });
    expect(shown).toMatch(/\/training-animation-still\.[0-9a-f]{8}\.png$/);
  });

  it('prints the light drawing of every figure, loaded, although the reader was in the dark scheme', async () => {
    const printed = await page.evaluate(async () => {
      dispatchEvent(new Event('beforeprint'));
      const shown = [...document.querySelectorAll<HTMLImageElement>('figure.figure img')].filter(
        (img) => img.checkVisibility(),
      );
      for (const img of shown)
        for (let tries = 0; tries < 100 && !(img.complete && img.naturalWidth > 0); tries++)
          await new Promise((resolve) => setTimeout(resolve, 50));
      return shown.map((img) => ({
        file: new URL(img.currentSrc || img.src).pathname,
        loaded: img.complete && img.naturalWidth > 0,
        scheme: img.closest('picture')?.dataset.scheme,
      }));
    });
    expect(printed.length).toBeGreaterThan(10);
    for (const img of printed) {
      expect(img.scheme, img.file).toBe('light');
      expect(img.loaded, img.file).toBe(true);
    }
  });

  it('prints to a PDF', async () => {
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(100_000);
  });
});
