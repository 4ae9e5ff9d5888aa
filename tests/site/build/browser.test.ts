/**
 * The built site in a real browser (Debian's chromium through playwright-core), served over
 * loopback: no console errors, no failed or third-party requests, every image decoded, readable
 * without JavaScript, screenshots kept, and no serious accessibility problem found by axe-core.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { type StaticServer, startStaticServer } from '../static-server.ts';

const artifacts = join(PROJECT_ROOT, 'test-artifacts');
const builds = inject('siteBuilds');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(`no browser at ${chromiumPath}: apt-get install -y chromium (as .ci/run does)`);
  await mkdir(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(build: { dir: string; base: string }): Promise<StaticServer> {
  const server = await startStaticServer(build.dir, build.base);
  servers.push(server);
  return server;
}

/** Scrolls to the bottom in viewport steps so lazy images load, then waits for every image to decode. */
async function loadEveryImage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 30));
    }
    await Promise.all([...document.images].map((image) => image.decode()));
    window.scrollTo(0, 0);
  });
}

describe.each([
  ['at the domain root', builds.root],
  ['under /nn-from-scratch/', builds.based],
])('the site built %s, in chromium', (_, build) => {
  it('loads with no console error and no failed or third-party request, and decodes every image', async () => {
    const server = await serve(build);
    const origin = new URL(server.url).origin;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      requested.push(request.url());
      if (new URL(request.url()).origin !== origin)
        problems.push(`third-party request: ${request.url()}`);
    });
    page.on('requestfailed', (request) =>
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });

    await page.goto(server.url, { waitUntil: 'load' });
    await loadEveryImage(page);
    const images = await page.evaluate(() =>
      [...document.images].map((image) => ({
        src: image.currentSrc,
        complete: image.complete,
        width: image.naturalWidth,
      })),
    );
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() =>
      [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
    );
    await page.close();

    expect(problems).toEqual([]);
    expect(images).toHaveLength(10);
    for (const image of images) {
      expect(image.complete, image.src).toBe(true);
      expect(image.width, image.src).toBeGreaterThan(0);
      expect(image.src.startsWith(server.url)).toBe(true);
    }
    // The text font and KaTeX's fonts came from the site itself.
    expect(fonts.some((family) => family.replace(/"/g, '') === 'Source Sans 3')).toBe(true);
    expect(fonts.some((family) => family.includes('KaTeX_Main'))).toBe(true);
    expect(requested.some((url) => url.includes('KaTeX_Main'))).toBe(true);
  });
});

describe('the tutorial page in chromium', () => {
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

  it.each([
    [1280, 'light'],
    [375, 'light'],
    [1280, 'dark'],
    [375, 'dark'],
  ] as const)(
    'fits a %i px wide screen in the %s scheme (screenshot kept in test-artifacts/)',
    async (width, colorScheme) => {
      const server = await serve(builds.root);
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto(server.url);
      await loadEveryImage(page);
      // Nothing but the scrollable equations and listings may be wider than the screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(21, 24, 29)' : 'rgb(255, 255, 255)');
      await page.screenshot({
        path: join(artifacts, `site-${width}-${colorScheme}.png`),
        fullPage: true,
      });
      await page.close();
    },
  );

  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe-core violation in the %s scheme',
    async (colorScheme) => {
      const server = await serve(builds.root);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto(server.url);
      await loadEveryImage(page);
      const require = createRequire(import.meta.url);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(): Promise<{
                violations: {
                  id: string;
                  impact: string;
                  help: string;
                  nodes: { target: unknown }[];
                }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)),
        }));
      });
      await page.close();
      expect(
        violations.filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        ),
      ).toEqual([]);
    },
  );
});
