/**
 * The built site in a real browser (Debian's chromium through playwright-core), served over
 * loopback. Every HTML page of each build, at 1280 and 375 px, in Starlight's light and dark
 * themes: no console error, no failed or third-party request, every image decoded, nothing wider
 * than the screen, and no accessibility problem of any impact found by axe-core. Then Starlight's parts:
 * Pagefind's search finds the tutorial, the table of contents stays in view and marks the current
 * section, and the pages read without JavaScript. Each figure is fetched at the size the screen
 * needs, at several widths and pixel densities. Screenshots are kept in test-artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../../helpers/axe.ts';
import { launchChromium } from '../../helpers/chromium.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { type StaticServer, startStaticServer } from '../static-server.ts';
import type { SiteBuild } from './global-setup.ts';
import { listFiles } from './html.ts';

const artifacts = join(PROJECT_ROOT, 'test-artifacts');
const builds = inject('siteBuilds');

type Theme = 'light' | 'dark';

let browser: Browser;
const servers = new Map<string, StaticServer>();

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([...servers.values()].map((server) => server.close()));
});

/** One server per build, started when first needed. */
async function serve(build: SiteBuild): Promise<StaticServer> {
  let server = servers.get(build.dir);
  if (server === undefined) {
    server = await startStaticServer(build.dir, build.base);
    servers.set(build.dir, server);
  }
  return server;
}

/** Every HTML page of a build, as paths relative to its root URL ("" for index.html, "404.html"). */
async function pagesOf(build: SiteBuild): Promise<string[]> {
  return (await listFiles(build.dir))
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** A page in Starlight's `theme` (stored as the reader's choice, as the theme select does), with the matching OS setting. */
async function openPage(
  server: StaticServer,
  path: string,
  width: number,
  theme: Theme,
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme: theme,
    reducedMotion: 'reduce',
  });
  await context.addInitScript((stored) => localStorage.setItem('starlight-theme', stored), theme);
  const page = await context.newPage();
  const origin = new URL(server.url).origin;
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin)
      problems.push(`third-party request: ${request.url()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    // The 404 page is fetched as /404.html, which exists; any other 404 is a broken reference.
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(server.url + path, { waitUntil: 'load' });
  return { page, problems };
}

/**
 * Scrolls to the bottom in viewport steps so lazy images load, then waits for every displayed
 * image to decode (a figure's drawing for the other colour scheme is not displayed, so never loads).
 */
async function loadEveryImage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 30));
    }
    const shown = [...document.images].filter((image) => image.checkVisibility());
    await Promise.all(shown.map((image) => image.decode()));
    window.scrollTo(0, 0);
  });
}

const CASES = [
  [1280, 'light'],
  [375, 'light'],
  [1280, 'dark'],
  [375, 'dark'],
] as const;

describe.each([
  ['at the domain root', builds.root, true],
  ['under /nn-from-scratch/', builds.based, false],
])('every page of the site built %s, in chromium', (label, build, isRoot) => {
  it.each(CASES)(
    'loads cleanly, decodes its images, fits, and passes axe-core, at %i px in the %s theme',
    async (width, theme) => {
      const server = await serve(build);
      const pages = await pagesOf(build);
      // The tutorial at the root and Starlight's 404 page at least.
      expect(pages).toEqual(expect.arrayContaining(['', '404.html']));
      for (const path of pages) {
        const where = `${label} /${path} at ${width} px, ${theme}`;
        const { page, problems } = await openPage(server, path, width, theme);
        await loadEveryImage(page);
        const state = await page.evaluate(() => ({
          theme: document.documentElement.dataset.theme,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          background: getComputedStyle(document.body).backgroundColor,
          images: [...document.images]
            .filter((image) => image.checkVisibility())
            .map((image) => ({
              src: image.currentSrc,
              complete: image.complete,
              width: image.naturalWidth,
            })),
        }));
        expect(state.theme, where).toBe(theme);
        // Nothing but the scrollable equations and listings may be wider than the screen.
        expect(state.overflow, where).toBe(0);
        // Starlight's backgrounds: white in the light theme, near-black in the dark one.
        const [r, g, b] = state.background.match(/\d+/g)!.map(Number);
        if (theme === 'light') expect([r, g, b], where).toEqual([255, 255, 255]);
        else expect(Math.max(r!, g!, b!), where).toBeLessThan(40);
        for (const image of state.images) {
          expect(image.complete, `${where}: ${image.src}`).toBe(true);
          expect(image.width, `${where}: ${image.src}`).toBeGreaterThan(0);
          expect(image.src.startsWith(server.url), `${where}: ${image.src}`).toBe(true);
        }
        if (path === '') expect(state.images, where).toHaveLength(11);
        if (isRoot) {
          const name = path === '' ? 'index' : path.replace(/\.html$|\/$/g, '').replace(/\//g, '-');
          await page.screenshot({
            path: join(artifacts, `site-${name}-${width}-${theme}.png`),
            fullPage: true,
          });
          expect(await axeViolations(page), where).toEqual([]);
        }
        await page.context().close();
        expect(problems, where).toEqual([]);
      }
    },
  );

  it('loads the text font and KaTeX fonts from the site itself', async () => {
    const server = await serve(build);
    const { page, problems } = await openPage(server, '', 1280, 'light');
    await loadEveryImage(page);
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() =>
      [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
    );
    await page.context().close();
    expect(problems).toEqual([]);
    expect(fonts.some((family) => family.replace(/"/g, '') === 'Source Sans 3')).toBe(true);
    expect(fonts.some((family) => family.includes('KaTeX_Main'))).toBe(true);
  });

  it('finds the tutorial when "softmax" is typed into the search, offline', async () => {
    const server = await serve(build);
    const { page, problems } = await openPage(server, '', 1280, 'light');
    // A click before Starlight's search element is defined would open nothing (a busy machine
    // can take that long to run the page's scripts), so wait for it first.
    await page.waitForFunction(() => customElements.get('site-search') !== undefined);
    await page.locator('site-search button[data-open-modal]').click();
    const input = page.locator('dialog[open] .pagefind-ui__search-input');
    await input.fill('softmax');
    const result = page.locator('dialog[open] .pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    const href = await result.getAttribute('href');
    const title = await result.textContent();
    await page.context().close();
    expect(problems).toEqual([]);
    expect(new URL(href!, server.url).pathname).toBe(new URL(server.url).pathname);
    expect(title).toContain('Classifying images with a neural network from scratch');
  });
});

describe('figures at the size the screen needs, in chromium', () => {
  /** A shown figure that has a half size: its width on the page, its file, and that file's width. */
  interface ShownFigure {
    src: string;
    shownWidth: number;
    fileWidth: number;
    half: boolean;
  }

  it.each([
    { width: 1280, scale: 1, half: true },
    { width: 800, scale: 1, half: true },
    { width: 1280, scale: 1.25, half: false },
    { width: 1280, scale: 2, half: false },
    { width: 1600, scale: 2, half: false },
    { width: 412, scale: 1.75, half: true },
    { width: 600, scale: 1.25, half: true },
    { width: 800, scale: 1.5, half: false },
    { width: 390, scale: 2, half: true },
    { width: 375, scale: 2, half: true },
    { width: 375, scale: 2.75, half: false },
    { width: 375, scale: 3, half: false },
  ])(
    'fetches the half size only where it has every pixel shown ($width px at $scale device px per CSS px: $half)',
    async ({ width, scale, half }) => {
      const server = await serve(builds.root);
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        deviceScaleFactor: scale,
      });
      const shown: ShownFigure[] = [];
      for (const path of ['', 'experiments/']) {
        const page = await context.newPage();
        await page.goto(server.url + path);
        await loadEveryImage(page);
        shown.push(
          ...(await page.evaluate(() =>
            [...document.querySelectorAll<HTMLImageElement>('.figure picture img')]
              .filter((img) => img.checkVisibility())
              .flatMap((img) => {
                const source = img.parentElement!.querySelector(
                  'source:not([media="print"]):not([data-reduced-motion])',
                );
                if (source === null) return []; // an animation or an SVG: one size
                const src = new URL(img.currentSrc).pathname;
                return [
                  {
                    src,
                    shownWidth: img.getBoundingClientRect().width,
                    fileWidth: img.naturalWidth,
                    half: src === new URL(source.getAttribute('srcset')!, location.href).pathname,
                  },
                ];
              }),
          )),
        );
        await page.close();
      }
      await context.close();
      expect(shown.length).toBeGreaterThan(10);
      for (const figure of shown) {
        expect(figure.half, figure.src).toBe(half);
        // Never enlarged: as many pixels as the screen shows, or the full size.
        if (half)
          expect(figure.fileWidth, figure.src).toBeGreaterThanOrEqual(
            Math.floor(figure.shownWidth * scale),
          );
        else expect(figure.fileWidth, figure.src).toBeGreaterThanOrEqual(2 * figure.shownWidth - 1);
      }
    },
  );
});

describe('the tutorial in chromium', () => {
  it('keeps the table of contents in view and marks the section being read (1280 px)', async () => {
    const server = await serve(builds.root);
    const { page, problems } = await openPage(server, '', 1280, 'light');
    const toc = page.locator('starlight-toc nav');
    for (const id of ['the-loss-function', 'initialisation', 'validation']) {
      await page.locator(`#${id}`).evaluate((heading) => heading.scrollIntoView());
      await page.waitForFunction(
        (target) =>
          document.querySelector('starlight-toc a[aria-current="true"]')?.getAttribute('href') ===
          `#${target}`,
        id,
        { timeout: 5_000 },
      );
      const box = await toc.boundingBox();
      expect(box, `table of contents at #${id}`).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(900);
      expect(await page.locator('starlight-toc a[aria-current="true"]').count()).toBe(1);
    }
    // A block inside a section (not its heading) marks that section: the second block after the
    // heading of a level-2 and of a level-3 section.
    for (const id of ['forward-propagation', 'the-chain-rule']) {
      await page
        .locator(`.sl-heading-wrapper:has(> #${id}) + * + *`)
        .evaluate((block) => block.scrollIntoView());
      await page.waitForFunction(
        (target) =>
          document.querySelector('starlight-toc a[aria-current="true"]')?.getAttribute('href') ===
          `#${target}`,
        id,
        { timeout: 5_000 },
      );
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('paints the table of contents where it stays while the page is still arriving (1280 px)', async () => {
    // The contents come before the text in the HTML. The page as the browser has it when it has
    // parsed them and nothing after (cut just after them) must place them where the whole page
    // does: else a paint in between shows them a column to the left, then moves them.
    const server = await serve(builds.root);
    const tocX = async (cutAfterContents: boolean) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      let contentsEnd = -1;
      await page.route(server.url, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        contentsEnd = html.indexOf('</aside>');
        const cut = cutAfterContents && contentsEnd >= 0;
        await route.fulfill({
          response,
          body: cut ? html.slice(0, contentsEnd + '</aside>'.length) : html,
        });
      });
      await page.goto(server.url, { waitUntil: 'load' });
      expect(contentsEnd, 'the contents (<aside>) in the page').toBeGreaterThan(0);
      const box = await page.locator('.right-sidebar-container').boundingBox();
      await context.close();
      return box!.x;
    };
    const whole = await tocX(false);
    expect(whole).toBeGreaterThan(900);
    expect(await tocX(true)).toBe(whole);
  });

  it('takes the reader to the heading that an address or a table-of-contents link names (1280 px)', async () => {
    const server = await serve(builds.root);
    const { page, problems } = await openPage(server, '#the-gradients-step-by-step', 1280, 'light');
    // Where the heading should be: just below Starlight's fixed header, not a screen further down
    // (the blocks of the page are laid out as they come near the screen: content-visibility).
    const placement = async (id: string) => {
      await page.waitForTimeout(1_000);
      return page.evaluate((target) => {
        const header = document.querySelector('header')!.getBoundingClientRect().bottom;
        return { header, top: document.getElementById(target)!.getBoundingClientRect().top };
      }, id);
    };
    const checks = [
      { id: 'the-gradients-step-by-step', ...(await placement('the-gradients-step-by-step')) },
    ];
    for (const id of ['initialisation', 'the-loss-function', 'validation']) {
      await page.locator(`starlight-toc a[href="#${id}"]`).click();
      checks.push({ id, ...(await placement(id)) });
    }
    for (const { id, header, top } of checks) {
      expect(top, `#${id}`).toBeGreaterThanOrEqual(header);
      expect(top, `#${id}`).toBeLessThan(header + 64);
    }
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('keeps the section list in view on a phone (375 px), naming the section being read', async () => {
    const server = await serve(builds.root);
    const { page, problems } = await openPage(server, '', 375, 'dark');
    await page.locator('#the-loss-function').evaluate((heading) => heading.scrollIntoView());
    const bar = page.locator('mobile-starlight-toc summary');
    await page.waitForFunction(
      () =>
        document.querySelector('mobile-starlight-toc .display-current')?.textContent?.trim() ===
        'The loss function',
      undefined,
      { timeout: 5_000 },
    );
    const box = await bar.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(200);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it("switches theme from Starlight's theme select and remembers the choice", async () => {
    const server = await serve(builds.root);
    const { page, problems } = await openPage(server, '', 1280, 'light');
    await page.locator('starlight-theme-select select').first().selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => localStorage.getItem('starlight-theme'))).toBe('dark');
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('is readable with JavaScript switched off', async () => {
    const server = await serve(builds.root);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.locator('main h2').count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('main .katex').count()).toBeGreaterThan(100);
    await expect(page.locator('#the-loss-function').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
