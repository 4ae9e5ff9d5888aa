/**
 * Figures follow the reader's colour scheme, in Chromium: on every page, each figure shows exactly
 * one drawing, whose pixels are dark in the dark scheme and light in the light one, for a theme
 * chosen in Starlight's select and for "auto" with the system's setting; switching the theme
 * switches the figures and the explorer's canvas without a reload; and the drawing of the other
 * scheme is never fetched, so it can never be shown first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium.ts';
import { type StaticServer, startStaticServer } from '../static-server.ts';

const build = inject('siteBuilds').root;

type Scheme = 'light' | 'dark';

/** The pages with figures, relative to the site's root. */
const PAGES = ['', 'experiments/', 'guide/'];

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer(build.dir, build.base);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A page opened with the system in `system` and the theme select on `choice` (stored under
 * Starlight's localStorage key as its select stores it: "auto" as ""); the figure files it requested.
 */
async function open(
  path: string,
  system: Scheme,
  choice: Scheme | 'auto',
): Promise<{ page: Page; requested: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: system,
    reducedMotion: 'reduce',
  });
  const stored = choice === 'auto' ? '' : choice;
  await context.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), stored);
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (request.url().includes('/generated/figures/')) requested.push(name);
  });
  await page.goto(new URL(path, server.url).href);
  return { page, requested };
}

/** Scrolls through the page so that every lazy image that is displayed loads, and waits for them. */
async function loadShownImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const img of document.querySelectorAll<HTMLImageElement>('figure.figure img')) {
      if (img.checkVisibility()) img.scrollIntoView();
      for (let tries = 0; img.checkVisibility() && !img.complete && tries < 100; tries++)
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

/**
 * For each figure on the page: how many of its drawings are displayed, and the relative luminance
 * (0 black, 1 white) of the paper of the one displayed: its most frequent colour, on a grid of
 * its pixels (a plot's data colours are the same in both schemes; the paper is not).
 */
function shownFigures(page: Page): Promise<{ id: string; shown: number; luminance: number }[]> {
  return page.evaluate(() => {
    const linear = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return [...document.querySelectorAll<HTMLElement>('figure.figure')].map((figure) => {
      const shown = [...figure.querySelectorAll<HTMLImageElement>('img')].filter((img) =>
        img.checkVisibility(),
      );
      const img = shown[0];
      if (img === undefined) return { id: figure.id, shown: 0, luminance: Number.NaN };
      const canvas = document.createElement('canvas');
      canvas.width = 128;
      canvas.height = 128;
      const ctx = canvas.getContext('2d')!;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, 0, 0, 128, 128);
      const { data } = ctx.getImageData(0, 0, 128, 128);
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
      }
      const paper = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
      const luminance =
        0.2126 * linear(paper >> 16) +
        0.7152 * linear((paper >> 8) & 255) +
        0.0722 * linear(paper & 255);
      return { id: figure.id, shown: shown.length, luminance };
    });
  });
}

/** The median relative luminance of the explorer's canvas, or null on a page without one. */
function explorerLuminance(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.explorer canvas');
    if (canvas === null) return null;
    const copy = document.createElement('canvas');
    copy.width = 64;
    copy.height = 64;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0, 64, 64);
    const { data } = ctx.getImageData(0, 0, 64, 64);
    const values: number[] = [];
    for (let i = 0; i < data.length; i += 4)
      values.push((data[i]! + data[i + 1]! + data[i + 2]!) / 765);
    return values.sort((a, b) => a - b)[values.length >> 1]!;
  });
}

/** Expects every figure to show one drawing, in `scheme`. */
async function expectFiguresIn(page: Page, scheme: Scheme, where: string): Promise<void> {
  await loadShownImages(page);
  const figures = await shownFigures(page);
  expect(figures.length, where).toBeGreaterThan(0);
  for (const figure of figures) {
    expect(figure.shown, `${where} ${figure.id}: drawings shown`).toBe(1);
    if (scheme === 'dark') expect(figure.luminance, `${where} ${figure.id}`).toBeLessThan(0.05);
    else expect(figure.luminance, `${where} ${figure.id}`).toBeGreaterThan(0.9);
  }
}

describe('figures in the reader’s colour scheme', () => {
  for (const path of PAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`/${path}: chosen ${scheme}, and ${scheme} as the system's on auto`, async () => {
        for (const [system, stored] of [
          [scheme === 'light' ? 'dark' : 'light', scheme],
          [scheme, 'auto'],
        ] as const) {
          const { page, requested } = await open(path, system, stored);
          const where = `/${path} (system ${system}, theme ${stored})`;
          await expectFiguresIn(page, scheme, where);
          // The other scheme's drawings were never fetched (a light one ends in .HASH.EXT, a dark one in .dark.HASH.EXT).
          const other = requested.filter((name) =>
            scheme === 'dark'
              ? !name.includes('.dark.') && !name.startsWith('card-')
              : name.includes('.dark.'),
          );
          expect(other, `${where}: drawings of the other scheme fetched`).toEqual([]);
          await page.context().close();
        }
      }, 60_000);
    }
  }

  it('fetches the first figure’s drawing of the reader’s scheme while the page is parsed, and leaves the other lazy', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of ['', 'experiments/']) {
        const { page } = await open(path, scheme, 'auto');
        // What the page's inline script made of them: a lazy image waits for the first layout.
        const loading = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLImageElement>('img[fetchpriority="high"]')].map(
            (img) => `${img.closest('picture')?.dataset.scheme} ${img.loading}`,
          ),
        );
        // The drawings in page order: light, then dark.
        expect(loading, `/${path} in ${scheme}`).toEqual(
          scheme === 'light' ? ['light eager', 'dark lazy'] : ['light lazy', 'dark eager'],
        );
        await page.context().close();
      }
    }
  }, 60_000);

  it('switches the figures and the explorer’s canvas with the theme select, without a reload', async () => {
    const { page } = await open('', 'light', 'light');
    await expectFiguresIn(page, 'light', 'light');
    await page.locator('.explorer canvas').scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      document.querySelector('.explorer canvas')?.getAttribute('width'),
    );
    expect(await explorerLuminance(page)).toBeGreaterThan(0.8);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    for (const scheme of ['dark', 'light'] as const) {
      await page.selectOption('starlight-theme-select select >> nth=0', scheme);
      await expectFiguresIn(page, scheme, `after switching to ${scheme}`);
      // The canvas is redrawn at the next animation frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(0))));
      const canvas = await explorerLuminance(page);
      if (scheme === 'dark') expect(canvas).toBeLessThan(0.2);
      else expect(canvas).toBeGreaterThan(0.8);
    }
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.context().close();
  }, 60_000);
});
