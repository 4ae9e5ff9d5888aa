/**
 * The training explorer in a real browser: Debian's chromium, driven by playwright-core, on the
 * built site served over loopback (the site tests' global setup builds it once; this file runs
 * in the `site` project of vitest.config.ts). The numbers the page shows are checked against the
 * build's results of the tutorial experiment (and its history download) and against the engine
 * run here in Node.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { trainingFrameLayout } from '../../src/figures/training-frame-layout.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { train } from '../../src/nn/train.ts';
import type { Settings } from '../../src/nn/types.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { readBuiltHistory } from '../helpers/history-file.ts';
import { collectPageProblems } from '../helpers/page-problems.ts';
import { PROJECT_ROOT } from '../helpers/project-root.ts';
import { type StaticServer, startStaticServer } from '../site/static-server.ts';

interface Results {
  settings: Settings;
  trainingExamples: number;
  finalLoss: number;
  firstPerfectIteration: number | null;
  validation: { name: string; accuracy: number }[];
  history: { iteration: number; loss: number; accuracy: number }[];
}

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const EXPLORER = '[data-explorer]';

let browser: Browser;
let server: StaticServer;
let results: Results;
/** Problems the page reported (console errors, uncaught exceptions), checked after every test. */
let pageErrors: string[] = [];

beforeAll(async () => {
  const dist = inject('siteBuilds').root.dir;
  // The results, with the whole history from the tutorial's history download.
  results = {
    ...JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'src', 'generated', 'results', 'tutorial.json'), 'utf8'),
    ),
    history: readBuiltHistory(PROJECT_ROOT, 'tutorial'),
  } as Results;
  server = await startStaticServer(dist, '/');
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page (with `query`), brings the explorer into view and waits until it has trained its first run. */
async function openExplorer(
  query = '',
  options: BrowserContextOptions = {},
  beforeLoad: (page: Page) => Promise<unknown> = async () => {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await beforeLoad(page);
  collectPageProblems(page, pageErrors);
  await page.goto(`${server.url}${query}`);
  await page.locator(EXPLORER).scrollIntoViewIfNeeded();
  try {
    await page.waitForSelector(`${EXPLORER}[data-ready="true"]`, { timeout: 30_000 });
  } catch (error) {
    // Say what the page said: a failed chunk, an exception, or the explorer's own status.
    const status = await page.locator(`${EXPLORER} [data-status]`).textContent();
    throw new Error(
      `the explorer did not get ready (status: ${JSON.stringify(status)}; page errors: ${JSON.stringify(pageErrors)})`,
      { cause: error },
    );
  }
  return page;
}

async function closePage(page: Page): Promise<void> {
  await page.context().close();
  const errors = pageErrors;
  pageErrors = [];
  expect(errors).toEqual([]);
}

/** Saves a picture of the explorer (its live part reaches right of the text column on wide screens) as test-artifacts/NAME. */
async function screenshot(page: Page, name: string): Promise<void> {
  const clip = await page.locator(EXPLORER).evaluate((root) => {
    // Children that are not rendered (the noscript note) have empty boxes at the origin.
    const boxes = [root, ...root.children]
      .map((element) => element.getBoundingClientRect())
      .filter((b) => b.width > 0);
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    const right = Math.max(...boxes.map((b) => b.right));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    return {
      x: left + window.scrollX,
      y: top + window.scrollY,
      width: right - left,
      height: bottom - top,
    };
  });
  await page.screenshot({ path: join(ARTIFACTS, name), clip, fullPage: true });
}

/** The full-precision number in data-raw of [data-value=name]. */
async function raw(page: Page, name: string): Promise<string> {
  const value = await page.locator(`${EXPLORER} [data-value="${name}"]`).getAttribute('data-raw');
  if (value === null) throw new Error(`[data-value="${name}"] has no data-raw`);
  return value;
}

/** The canvas's pixels as a data URL (to tell frames apart). */
function canvasPixels(page: Page): Promise<string> {
  return page
    .locator(`${EXPLORER} canvas`)
    .evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());
}

/** Trains with the given form texts and waits until the explorer has said how it went. */
async function trainWith(
  page: Page,
  texts: { lr?: string; hidden?: string; iterations?: string; seed?: string },
): Promise<void> {
  for (const [name, text] of Object.entries(texts))
    await page.locator(`${EXPLORER} input[name="${name}"]`).fill(text);
  // Empty the status first: two runs of the same length can end with the very same message
  // ("Trained 200 iterations in your browser in 31 ms."), so waiting for a change could wait forever.
  await page.locator(`${EXPLORER} [data-status]`).evaluate((status) => {
    status.textContent = '';
  });
  await page.locator(`${EXPLORER} [data-action="train"]`).click();
  await page.waitForFunction(
    (selector) => {
      const root = document.querySelector(selector);
      const status = root?.querySelector('[data-status]')?.textContent ?? '';
      return root?.getAttribute('aria-busy') === 'false' && status !== '' && status !== 'Training…';
    },
    EXPLORER,
    { timeout: 30_000 },
  );
}

/** The engine in Node with the tutorial's settings but these. */
function nodeRun(values: Partial<Settings>) {
  const settings = { ...results.settings, ...values };
  return train(settings, generateDatasets(settings.dataSeed));
}

describe('training explorer in chromium', { timeout: 90_000 }, () => {
  it('renders a frame of the tutorial run, with every hook in place', async () => {
    const page = await openExplorer();
    const slider = page.getByRole('slider', { name: /Iteration/ });
    expect(await slider.getAttribute('type')).toBe('range');
    expect(await slider.getAttribute('max')).toBe(String(results.settings.iterations));
    // Not blank: the frame has many colours (heatmaps, text, curves), not one fill.
    const colours = await page.locator(`${EXPLORER} canvas`).evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(50);
    // A desktop shows the animation's arrangement (600 px and up), laid out for the width it is shown at, at most 720.
    const shown = await page.locator(`${EXPLORER} canvas`).evaluate((canvas) => ({
      width: canvas.getBoundingClientRect().width,
      layoutWidth: Number((canvas as HTMLCanvasElement).dataset.layoutWidth),
    }));
    expect(shown.layoutWidth).toBeGreaterThanOrEqual(600);
    expect(shown.layoutWidth).toBe(Math.min(720, Math.floor(shown.width)));
    for (const name of [
      'loss',
      'accuracy',
      'final-loss',
      'first-perfect',
      'validation-1',
      'validation-2',
    ]) {
      expect(
        await page.locator(`${EXPLORER} [data-value="${name}"]`).getAttribute('data-raw'),
      ).not.toBeNull();
    }
    await screenshot(page, 'explorer-light.png');
    await closePage(page);
  });

  it("shows iteration 100 with the build's loss there, to the last bit, and redraws the canvas", async () => {
    const page = await openExplorer();
    const before = await canvasPixels(page);
    await page.getByRole('slider', { name: /Iteration/ }).fill('100');
    const entry = results.history[100]!;
    expect(Number(await raw(page, 'loss')) === entry.loss).toBe(true);
    expect(Number(await raw(page, 'accuracy')) === entry.accuracy).toBe(true);
    expect(await page.locator(`${EXPLORER} [data-iteration]`).textContent()).toBe(
      `100 of ${results.settings.iterations}`,
    );
    expect(await canvasPixels(page)).not.toBe(before);
    await closePage(page);
  });

  it("computes the build's final loss, first perfect iteration and validation accuracies exactly", async () => {
    const page = await openExplorer();
    const last = results.history[results.settings.iterations]!;
    expect(Number(await raw(page, 'final-loss')) === results.finalLoss).toBe(true);
    expect(Number(await raw(page, 'final-loss')) === last.loss).toBe(true);
    // The slider starts at the last iteration.
    expect(Number(await raw(page, 'loss')) === last.loss).toBe(true);
    const perfect = await raw(page, 'first-perfect');
    expect(perfect).toBe(
      results.firstPerfectIteration === null ? 'none' : String(results.firstPerfectIteration),
    );
    for (const set of results.validation)
      expect(Number(await raw(page, set.name)) === set.accuracy).toBe(true);
    await closePage(page);
  });

  it('is operable by keyboard: Home, arrows, End on the slider; Space on Play', async () => {
    const page = await openExplorer();
    const slider = page.getByRole('slider', { name: /Iteration/ });
    await slider.focus();
    await page.keyboard.press('Home');
    expect(Number(await raw(page, 'loss')) === results.history[0]!.loss).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(Number(await raw(page, 'loss')) === results.history[1]!.loss).toBe(true);
    // The next button steps too.
    await page.getByRole('button', { name: 'Next iteration' }).press('Enter');
    expect(Number(await raw(page, 'loss')) === results.history[2]!.loss).toBe(true);
    await page.getByRole('button', { name: 'Previous iteration' }).press('Enter');
    expect(Number(await raw(page, 'loss')) === results.history[1]!.loss).toBe(true);
    const play = page.locator(`${EXPLORER} [data-action="play"]`);
    await play.focus();
    await page.keyboard.press('Space');
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(
      (selector) =>
        Number.parseInt(
          document.querySelector(`${selector} [data-iteration]`)?.textContent ?? '',
          10,
        ) > 5,
      EXPLORER,
      { timeout: 10_000 },
    );
    await page.keyboard.press('Space');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    const paused = await page.locator(`${EXPLORER} [data-iteration]`).textContent();
    await page.waitForTimeout(300);
    expect(await page.locator(`${EXPLORER} [data-iteration]`).textContent()).toBe(paused);
    await slider.press('End');
    expect(Number(await raw(page, 'loss')) === results.finalLoss).toBe(true);
    // Stepping onto the last iteration marks Next as unavailable but leaves the focus on it.
    await slider.press('ArrowLeft');
    const next = page.getByRole('button', { name: 'Next iteration' });
    await next.press('Enter');
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    expect(await next.evaluate((button) => document.activeElement === button)).toBe(true);
    await next.press('Enter');
    expect(Number(await raw(page, 'loss')) === results.finalLoss).toBe(true);
    await closePage(page);
  });

  it('never plays by itself, even less when the reader prefers reduced motion', async () => {
    const page = await openExplorer('', { reducedMotion: 'reduce' });
    await page.waitForTimeout(800);
    expect(
      await page.locator(`${EXPLORER} [data-action="play"]`).getAttribute('aria-pressed'),
    ).toBe('false');
    expect(await page.locator(`${EXPLORER} [data-iteration]`).textContent()).toBe(
      `${results.settings.iterations} of ${results.settings.iterations}`,
    );
    await closePage(page);
  });

  it('retrains with learning rate 0.05: another curve, the same numbers as the engine in Node, the settings in the URL', async () => {
    const page = await openExplorer();
    const before = await canvasPixels(page);
    await trainWith(page, { lr: '0.05' });
    const finalLoss = Number(await raw(page, 'final-loss'));
    expect(finalLoss).not.toBe(results.finalLoss);
    const node = nodeRun({ ...results.settings, learningRate: 0.05 });
    expect(finalLoss === node.history[node.history.length - 1]!.loss).toBe(true);
    expect(await canvasPixels(page)).not.toBe(before);
    const search = new URL(page.url()).searchParams;
    expect(search.get('lr')).toBe('0.05');
    expect(search.get('hidden')).toBe(String(results.settings.hiddenUnits));
    await screenshot(page, 'explorer-lr-0.05.png');

    // Reset: the tutorial's run again, and no settings left in the address.
    await page.getByRole('button', { name: /Reset/ }).click();
    await page.waitForFunction(
      (selector) =>
        document.querySelector(`${selector} [data-status]`)?.textContent?.startsWith('Back'),
      EXPLORER,
    );
    expect(Number(await raw(page, 'final-loss')) === results.finalLoss).toBe(true);
    expect(await page.locator(`${EXPLORER} input[name="lr"]`).inputValue()).toBe(
      String(results.settings.learningRate),
    );
    expect(new URL(page.url()).search).toBe('');
    await closePage(page);
  });

  it('says that learning rate 1000 diverges, and keeps a frame on show', async () => {
    const page = await openExplorer();
    await trainWith(page, { lr: '1000' });
    const status = page.locator(`${EXPLORER} [data-status]`);
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(/diverged/i);
    expect(await status.textContent()).toMatch(/smaller learning rate/);
    expect(await raw(page, 'final-loss')).toMatch(/^[0-9.e+-]+$/);
    await screenshot(page, 'explorer-diverged.png');
    await closePage(page);
  });

  it("reproduces a shared link: fields filled from the URL, numbers equal to Node's run", async () => {
    const values = { learningRate: 0.05, hiddenUnits: 8, iterations: 300, seed: 3 };
    const page = await openExplorer('?lr=0.05&hidden=8&iterations=300&seed=3');
    expect(await page.locator(`${EXPLORER} input[name="lr"]`).inputValue()).toBe('0.05');
    expect(await page.locator(`${EXPLORER} input[name="hidden"]`).inputValue()).toBe('8');
    expect(await page.locator(`${EXPLORER} input[name="iterations"]`).inputValue()).toBe('300');
    expect(await page.locator(`${EXPLORER} input[name="seed"]`).inputValue()).toBe('3');
    expect(await page.getByRole('slider', { name: /Iteration/ }).getAttribute('max')).toBe('300');
    const node = nodeRun(values);
    expect(Number(await raw(page, 'final-loss')) === node.history[300]!.loss).toBe(true);
    expect(await raw(page, 'first-perfect')).toBe(
      node.firstPerfectIteration === null ? 'none' : String(node.firstPerfectIteration),
    );
    await page.getByRole('slider', { name: /Iteration/ }).fill('123');
    expect(Number(await raw(page, 'loss')) === node.history[123]!.loss).toBe(true);
    for (const result of node.validation)
      expect(Number(await raw(page, result.name)) === result.accuracy).toBe(true);

    // Train other settings, then load the address the page wrote: the same run comes back.
    await trainWith(page, { hidden: '3', iterations: '40', seed: '11' });
    const written = page.url();
    const trained = await raw(page, 'final-loss');
    await closePage(page);
    const again = await openExplorer(new URL(written).search);
    expect(await again.locator(`${EXPLORER} input[name="hidden"]`).inputValue()).toBe('3');
    expect(await raw(again, 'final-loss')).toBe(trained);
    expect(
      Number(trained) ===
        nodeRun({ learningRate: 0.05, hiddenUnits: 3, iterations: 40, seed: 11 }).history[40]!.loss,
    ).toBe(true);
    await closePage(again);
  });

  it('trains on the images of the data seed the address names, as Node does', async () => {
    const page = await openExplorer('?iterations=60&data=5');
    expect(await page.locator(`${EXPLORER} input[name="data"]`).inputValue()).toBe('5');
    const final = Number(await raw(page, 'final-loss'));
    expect(final === nodeRun({ iterations: 60, dataSeed: 5 }).history[60]!.loss).toBe(true);
    // Not the tutorial's images: their run ends elsewhere.
    expect(final === nodeRun({ iterations: 60 }).history[60]!.loss).toBe(false);
    expect(await page.locator(`${EXPLORER} [data-showing]`).textContent()).toContain('data seed 5');
    await closePage(page);
  });

  it('puts a message beside a bad field instead of training', async () => {
    const page = await openExplorer();
    const before = await raw(page, 'final-loss');
    await page.locator(`${EXPLORER} input[name="hidden"]`).fill('17');
    await page.locator(`${EXPLORER} input[name="lr"]`).fill('fast');
    await page.locator(`${EXPLORER} [data-action="train"]`).click();
    const hidden = page.getByRole('textbox', { name: 'Hidden units' });
    expect(await hidden.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator(`${EXPLORER} [data-error-for="hidden"]`);
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('1 to 16');
    expect((await hidden.getAttribute('aria-describedby'))?.split(' ')).toContain(
      await error.getAttribute('id'),
    );
    expect(
      await page.getByRole('textbox', { name: 'Learning rate' }).getAttribute('aria-invalid'),
    ).toBe('true');
    // Focus goes to the first bad field; the run on show is untouched.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('lr');
    expect(await raw(page, 'final-loss')).toBe(before);
    await screenshot(page, 'explorer-bad-values.png');
    await closePage(page);

    // The same through the address: messages beside the fields, the tutorial's run on show.
    const linked = await openExplorer('?lr=-1&iterations=99999');
    expect(
      await linked.getByRole('textbox', { name: 'Learning rate' }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(
      await linked.getByRole('textbox', { name: 'Iterations' }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(
      await linked.getByRole('textbox', { name: 'Weight seed' }).getAttribute('aria-invalid'),
    ).toBeNull();
    expect(Number(await raw(linked, 'final-loss')) === results.finalLoss).toBe(true);
    await closePage(linked);
  });

  it('has no axe violation of any impact, in light and dark, with messages showing', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openExplorer('?hidden=0', { colorScheme });
      await trainWith(page, { hidden: '4', lr: '1000' });
      await page.locator(`${EXPLORER} input[name="seed"]`).fill('x');
      await page.locator(`${EXPLORER} [data-action="train"]`).click();
      const violations = await axeViolations(page, EXPLORER);
      expect(violations, colorScheme).toEqual([]);
      if (colorScheme === 'dark') await screenshot(page, 'explorer-dark.png');
      await closePage(page);
    }
  });

  it("sets its canvas in the figures' font even when the page's text font came too late to be used", async () => {
    const onTime = await openExplorer();
    const expected = await canvasPixels(onTime);
    await closePage(onTime);
    // Past the first paint, the page keeps its fallback for the whole visit (font-display: optional).
    const late = await openExplorer('', {}, (page) =>
      page.route('**/source-sans-3-*.woff2', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        await route.continue();
      }),
    );
    const widths = await late.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const width = (font: string) => {
        ctx.font = font;
        return ctx.measureText('Loss (cross-entropy) on the training set').width;
      };
      return [width('16px "Source Sans 3"'), width('16px "Source Sans 3 Canvas"')];
    });
    expect(widths[0], "the page's own face is not in use").not.toBe(widths[1]);
    expect(await canvasPixels(late)).toBe(expected);
    await closePage(late);
  });

  it('fits a 375 px wide screen with a sharp canvas laid out for its width, and follows a resize', async () => {
    const page = await openExplorer('', {
      viewport: { width: 375, height: 800 },
      deviceScaleFactor: 2,
    });
    const measure = () =>
      page.evaluate((selector) => {
        const root = document.querySelector(selector)!;
        const canvas = root.querySelector('canvas')!;
        const box = canvas.getBoundingClientRect();
        return {
          page: document.documentElement.scrollWidth,
          rootRight: root.getBoundingClientRect().right,
          canvasRight: box.right,
          canvasCss: box.width,
          canvasCssHeight: box.height,
          canvasPixels: canvas.width,
          canvasPixelsHigh: canvas.height,
          layoutWidth: Number(canvas.dataset.layoutWidth),
        };
      }, EXPLORER);
    const sizes = await measure();
    expect(sizes.page).toBeLessThanOrEqual(375);
    expect(sizes.rootRight).toBeLessThanOrEqual(375);
    expect(sizes.canvasRight).toBeLessThanOrEqual(375);
    // The buffer follows the displayed width at 2 device pixels per CSS pixel.
    expect(Math.abs(sizes.canvasPixels - 2 * sizes.canvasCss)).toBeLessThanOrEqual(2);
    // Laid out for the width it is shown at (whole CSS pixels, rounded down), not shrunk from 720:
    // its text is shown at its own size.
    expect(sizes.layoutWidth).toBeLessThan(720);
    expect(sizes.layoutWidth).toBeGreaterThanOrEqual(300);
    expect(sizes.layoutWidth).toBe(Math.max(300, Math.floor(sizes.canvasCss)));
    // Not stretched: the canvas on screen has the stacked layout's proportions (1% for rounding).
    const layout = trainingFrameLayout(
      results.settings.hiddenUnits,
      results.trainingExamples,
      sizes.layoutWidth,
    );
    expect(layout.stacked).toBe(true);
    const aspect = layout.height / layout.width;
    expect(Math.abs(sizes.canvasCssHeight / sizes.canvasCss / aspect - 1)).toBeLessThan(0.01);
    expect(Math.abs(sizes.canvasPixelsHigh / sizes.canvasPixels / aspect - 1)).toBeLessThan(0.01);
    await screenshot(page, 'explorer-375.png');

    // A wider window: the canvas is laid out again, in the animation's arrangement.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(
      (selector) =>
        Number(document.querySelector(`${selector} canvas`)?.getAttribute('data-layout-width')) >=
        600,
      EXPLORER,
      { timeout: 10_000 },
    );
    const wide = await measure();
    const wideLayout = trainingFrameLayout(
      results.settings.hiddenUnits,
      results.trainingExamples,
      wide.layoutWidth,
    );
    expect(wideLayout.stacked).toBe(false);
    expect(
      Math.abs(wide.canvasCssHeight / wide.canvasCss / (wideLayout.height / wideLayout.width) - 1),
    ).toBeLessThan(0.01);
    await closePage(page);
  });
});
