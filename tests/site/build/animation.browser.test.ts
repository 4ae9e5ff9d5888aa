/**
 * The training animation in a real browser: it can be paused and played again by mouse, keyboard
 * and touch; with reduced motion requested it starts as the still of its last frame; without
 * JavaScript the GIF is still there, or the still when the reader asked for reduced motion.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FigureManifest } from '../../../src/figures/figure-manifest.ts';
import { launchChromium } from '../../helpers/chromium.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { type StaticServer, startStaticServer } from '../static-server.ts';

const build = inject('siteBuilds').root;

let browser: Browser;
let server: StaticServer;
let animation = '';
/** The stills as a screen of one device pixel per CSS pixel shows them: their half sizes. */
let still = '';
let darkAnimation = '';
let darkStill = '';
/** The light still at full size, for a screen of two. */
let fullStill = '';

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer(build.dir, build.base);
  const manifest: FigureManifest = JSON.parse(
    await readFile(join(PROJECT_ROOT, 'src/generated/figures.json'), 'utf8'),
  );
  animation = manifest.figures['training-animation']!.src;
  still = manifest.figures['training-animation-still.half']!.src;
  darkAnimation = manifest.figures['training-animation.dark']!.src;
  darkStill = manifest.figures['training-animation-still.dark.half']!.src;
  fullStill = manifest.figures['training-animation-still']!.src;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The tutorial, scrolled to the animation, in a fresh context with `options`. */
async function openAnimation(options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('#figure-training-animation').scrollIntoViewIfNeeded();
  return page;
}

/** The file the animation's image shows now, and its button's text (null when not displayed). */
async function shown(page: Page): Promise<{ file: string; button: string | null }> {
  return page.evaluate(() => {
    const figure = document.getElementById('figure-training-animation')!;
    // The drawing of the page's colour scheme (the other one is not displayed).
    const img = [...figure.querySelectorAll('img')].find((image) => image.checkVisibility())!;
    const button = figure.querySelector('button');
    // What the reader sees: a button that is not displayed counts as none.
    const seen = button !== null && getComputedStyle(button).display !== 'none';
    return {
      file: new URL(img.currentSrc || img.src).pathname.slice(1),
      button: seen ? button.textContent : null,
    };
  });
}

describe('the training animation', () => {
  it('plays, then pauses on its last frame and plays again, by mouse and by keyboard', async () => {
    const page = await openAnimation({});
    await expect.poll(() => shown(page)).toEqual({ file: animation, button: 'Pause animation' });
    const button = page.locator('#figure-training-animation button');
    await button.click();
    await expect.poll(() => shown(page)).toEqual({ file: still, button: 'Play animation' });
    const img = page.locator('#figure-training-animation img >> visible=true');
    expect(await img.getAttribute('alt')).toMatch(/^The last frame of the training animation/);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page)).toEqual({ file: animation, button: 'Pause animation' });
    expect(await img.getAttribute('alt')).toMatch(/^Animation of \d+ frames/);
    await page.keyboard.press('Space');
    await expect.poll(() => shown(page)).toEqual({ file: still, button: 'Play animation' });
    await page.context().close();
  });

  it('pauses by touch', async () => {
    const page = await openAnimation({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 375, height: 800 },
    });
    await page.locator('#figure-training-animation button').tap();
    await expect.poll(() => shown(page)).toEqual({ file: still, button: 'Play animation' });
    await page.context().close();
  });

  it('shows the still at the size the screen needs: full size at two device pixels per CSS pixel', async () => {
    const page = await openAnimation({ deviceScaleFactor: 2 });
    await page.locator('#figure-training-animation button').click();
    await expect.poll(() => shown(page)).toEqual({ file: fullStill, button: 'Play animation' });
    await page.locator('#figure-training-animation button').click();
    await expect.poll(() => shown(page)).toEqual({ file: animation, button: 'Pause animation' });
    await page.context().close();
  });

  it('stays still when the reader asks for reduced motion, until they press Play', async () => {
    const page = await openAnimation({ reducedMotion: 'reduce' });
    await expect.poll(() => shown(page)).toEqual({ file: still, button: 'Play animation' });
    await page.locator('#figure-training-animation button').click();
    await expect.poll(() => shown(page)).toEqual({ file: animation, button: 'Pause animation' });
    await page.context().close();
  });

  it('is the GIF without JavaScript, or the still with reduced motion, and offers no dead button', async () => {
    // Without JavaScript the page stays in Starlight's default scheme, dark, and so do the figures.
    const moving = await openAnimation({ javaScriptEnabled: false });
    expect(await shown(moving)).toEqual({ file: darkAnimation, button: null });
    await moving.context().close();
    const calm = await openAnimation({ javaScriptEnabled: false, reducedMotion: 'reduce' });
    expect(await shown(calm)).toEqual({ file: darkStill, button: null });
    await calm.context().close();
  });

  it('pauses in the dark scheme too, on the dark drawing of its last frame', async () => {
    const page = await openAnimation({ colorScheme: 'dark' });
    await expect
      .poll(() => shown(page))
      .toEqual({ file: darkAnimation, button: 'Pause animation' });
    await page.locator('#figure-training-animation button').click();
    await expect.poll(() => shown(page)).toEqual({ file: darkStill, button: 'Play animation' });
    await page.context().close();
  });
});
