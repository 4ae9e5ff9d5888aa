/**
 * The explorer on an experiment's own images: a copy of the project gets an experiment that
 * trains and validates on CSV files (images its data seed cannot make) and a page with its
 * explorer and a link to the tutorial's, and is built. In Chromium both explorers must read the
 * images back from the site and retrain the build's run exactly; Reset must bring the tutorial's
 * explorer back to the tutorial's run, and an address that names images the site does not have
 * must say so.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_FIELDS, fieldHint } from '../../../src/explorer/explorer-fields.ts';
import { fixedSeedHint } from '../../../src/explorer/explorer-format.ts';
import { toCsv } from '../../../src/nn/csv.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { train } from '../../../src/nn/train.ts';
import type { Settings } from '../../../src/nn/types.ts';
import { axeViolations } from '../../helpers/axe.ts';
import { launchChromium } from '../../helpers/chromium.ts';
import { collectPageProblems } from '../../helpers/page-problems.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { type StaticServer, startStaticServer } from '../static-server.ts';
import { run } from './build-site.ts';
import { copyProject, removeCopy } from './project-copy.ts';

interface Results {
  settings: Settings;
  finalLoss: number;
  validation: { name: string; accuracy: number }[];
}

const EXPLORER = '[data-explorer]';
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
/** Images of another data seed than the experiment's (2024): the explorer cannot generate them. */
const IMAGES = generateDatasets(99);

let copy = '';
let server: StaticServer;
let browser: Browser;
let mine: Results;
let tutorial: Results;
/** The data seed's hint on the data seed's images: the range and the tutorial's value, as the page has it. */
let tutorialSeedHint = '';
/** Problems a page reported (console errors, uncaught exceptions, failed requests). */
let pageErrors: string[] = [];
/** The addresses of the CSV files the pages fetched. */
let csvRequests: string[] = [];

beforeAll(async () => {
  copy = await copyProject(PROJECT_ROOT, 'nn-site-images-');
  const settings = JSON.parse(
    await readFile(join(copy, 'content/experiments/tutorial.json'), 'utf8'),
  );
  await writeFile(
    join(copy, 'content/experiments/my-images.json'),
    JSON.stringify({
      ...settings,
      title: 'Other images',
      seed: 3,
      iterations: 120,
      train: 'experiments/my-images-train.csv',
      valid: ['experiments/my-images-noisy.csv'],
    }),
  );
  await writeFile(join(copy, 'content/experiments/my-images-train.csv'), toCsv(IMAGES.train));
  await writeFile(
    join(copy, 'content/experiments/my-images-noisy.csv'),
    toCsv(IMAGES.validation[1]!),
  );
  await writeFile(
    join(copy, 'content/my-images.mdx'),
    [
      '---',
      'title: Other images',
      'description: The tutorial’s network on images of its own.',
      'sidebar:',
      '  order: 5',
      '---',
      '',
      'The final loss is <Result experiment="my-images" path="finalLoss" digits={3} />;',
      '<ExplorerLink experiment="my-images">train it in the tutorial’s explorer</ExplorerLink>.',
      '',
      // The explorer's own headings are h4 and h5: under an h3, as in the tutorial.
      '## Its run',
      '',
      '### Retrain it',
      '',
      '<TrainingExplorer experiment="my-images" />',
      '',
    ].join('\n'),
  );
  await run('npm', ['run', 'build'], copy);
  const results = async (name: string) =>
    JSON.parse(await readFile(join(copy, `src/generated/results/${name}.json`), 'utf8'));
  mine = await results('my-images');
  tutorial = await results('tutorial');
  const seed = EXPLORER_FIELDS.find((field) => field.key === 'dataSeed')!;
  tutorialSeedHint = fieldHint(seed, tutorial.settings.dataSeed);
  server = await startStaticServer(join(copy, 'dist'), '/');
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeCopy(copy);
});

/** Opens `path`, brings the explorer into view and waits until its first run is shown. */
async function openExplorer(
  path: string,
  colorScheme: 'light' | 'dark' = 'light',
  beforeLoad: (page: Page) => Promise<unknown> = async () => {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  await beforeLoad(page);
  collectPageProblems(page, pageErrors);
  page.on('response', (response) => {
    if (response.url().endsWith('.csv')) csvRequests.push(new URL(response.url()).pathname);
  });
  await page.goto(`${server.url}${path}`);
  await page.locator(EXPLORER).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${EXPLORER}[data-ready="true"]`, { timeout: 30_000 });
  return page;
}

async function closePage(page: Page): Promise<void> {
  await page.context().close();
  const errors = pageErrors;
  pageErrors = [];
  csvRequests = [];
  expect(errors).toEqual([]);
}

/** The full-precision number in data-raw of [data-value=name]. */
function raw(page: Page, name: string): Promise<string | null> {
  return page.locator(`${EXPLORER} [data-value="${name}"]`).getAttribute('data-raw');
}

/** The names of the validation readouts on show. */
function validationNames(page: Page): Promise<string[]> {
  return page
    .locator(`${EXPLORER} [data-validation-readout] dd`)
    .evaluateAll((values) => values.map((value) => (value as HTMLElement).dataset.value ?? ''));
}

/** Checks that the explorer shows the build's run of `results`, number for number. */
async function expectRun(page: Page, results: Results): Promise<void> {
  expect(await raw(page, 'final-loss')).toBe(String(results.finalLoss));
  expect(await validationNames(page)).toEqual(results.validation.map((v) => v.name));
  for (const set of results.validation)
    expect(await raw(page, set.name), set.name).toBe(String(set.accuracy));
}

/** Whether the data seed's field is read-only (and enabled: it can still be read and focused), and its hint. */
async function dataSeed(page: Page): Promise<{ readOnly: boolean; hint: string }> {
  const field = page.locator(`${EXPLORER} input[name="data"]`);
  const hint = page.locator(`${EXPLORER} [data-hint-for="data"]`);
  expect(await field.isDisabled()).toBe(false);
  const readOnly = await field.evaluate((input) => (input as HTMLInputElement).readOnly);
  return { readOnly, hint: (await hint.textContent()) ?? '' };
}

describe('the explorer on an experiment’s own images', () => {
  it('is built on images its data seed cannot make', () => {
    const generated = generateDatasets(2024);
    expect(IMAGES.train.images).not.toEqual(generated.train.images);
    expect(mine.validation.map((v) => v.name)).toEqual(['my-images-noisy']);
  });

  it('reads them from the site on the experiment’s page and retrains the build’s run exactly', async () => {
    const page = await openExplorer('my-images/');
    await expectRun(page, mine);
    expect(csvRequests.sort()).toEqual([
      expect.stringMatching(/^\/generated\/data\/my-images-train\.[0-9a-f]{8}\.csv$/),
      expect.stringMatching(/^\/generated\/data\/my-images-validation-1\.[0-9a-f]{8}\.csv$/),
    ]);
    expect(await dataSeed(page)).toEqual({ readOnly: true, hint: fixedSeedHint('my-images') });
    expect(await page.locator(`${EXPLORER} [data-showing]`).textContent()).toContain(
      'the images of experiment “my-images” (the experiment’s settings)',
    );
    // Its hints and Reset name the experiment's run, not the tutorial's.
    const hint = await page.locator(`${EXPLORER} [data-hint-for="iterations"]`).textContent();
    expect(hint?.trim()).toBe(`1 to 2000 (experiment: ${mine.settings.iterations})`);
    const reset = await page.locator(`${EXPLORER} [data-action="reset"]`).textContent();
    expect(reset?.trim()).toBe('Reset to the experiment’s settings');
    await closePage(page);
  });

  it('retrains other settings on the same images, as the engine in Node does on the CSV files’ images', async () => {
    // A data seed in the address is not used: the images are the files'.
    const page = await openExplorer('my-images/?data=5');
    await expectRun(page, mine);
    expect(await page.locator(`${EXPLORER} input[name="data"]`).inputValue()).toBe(
      String(mine.settings.dataSeed),
    );
    await page.locator(`${EXPLORER} input[name="lr"]`).fill('0.05');
    await page.locator(`${EXPLORER} [data-status]`).evaluate((status) => {
      status.textContent = '';
    });
    await page.locator(`${EXPLORER} [data-action="train"]`).click();
    await page.waitForFunction(
      (selector) =>
        /^Trained /.test(document.querySelector(`${selector} [data-status]`)?.textContent ?? ''),
      EXPLORER,
    );
    // The engine here, on the images of the CSV files as the build read them (named by file).
    const images = {
      train: { ...IMAGES.train, name: 'my-images-train' },
      validation: [{ ...IMAGES.validation[1]!, name: 'my-images-noisy' }],
    };
    const node = train({ ...mine.settings, learningRate: 0.05 }, images);
    expect(await raw(page, 'final-loss')).toBe(String(node.history.at(-1)!.loss));
    expect(await raw(page, 'my-images-noisy')).toBe(String(node.validation[0]!.accuracy));
    expect(node.history.at(-1)!.loss).not.toBe(mine.finalLoss);
    // The address names the settings and not the images, which are this explorer's own.
    const query = new URL(page.url()).searchParams;
    expect([query.get('lr'), query.get('data'), query.get('images')]).toEqual([
      '0.05',
      String(mine.settings.dataSeed),
      null,
    ]);
    await closePage(page);
  });

  it('has no axe violation of any impact with its data seed read-only, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await openExplorer('my-images/', colorScheme);
      const violations = await axeViolations(page, EXPLORER);
      expect(violations, colorScheme).toEqual([]);
      await page
        .locator(`${EXPLORER} form`)
        .screenshot({ path: join(ARTIFACTS, `explorer-own-images-${colorScheme}.png`) });
      await closePage(page);
    }
  });

  it('opens the tutorial’s explorer on them from a link, and Reset brings back the tutorial’s run', async () => {
    const from = await openExplorer('my-images/');
    const href = await from.locator('a[data-explorer-link="my-images"]').getAttribute('href');
    await closePage(from);
    expect(href).toMatch(/^\/\?.*images=my-images.*#explorer$/);
    const page = await openExplorer(href!.slice(1));
    await expectRun(page, mine);
    expect((await dataSeed(page)).readOnly).toBe(true);

    await page.locator(`${EXPLORER} [data-action="reset"]`).click();
    await page.waitForFunction(
      (selector) =>
        document.querySelector(`${selector} [data-status]`)?.textContent ===
        'Back to the tutorial’s settings.',
      EXPLORER,
    );
    await expectRun(page, tutorial);
    expect(await dataSeed(page)).toEqual({ readOnly: false, hint: tutorialSeedHint });
    expect(new URL(page.url()).search).toBe('');
    await closePage(page);
  });

  it('says so when the images cannot be read, and trains the tutorial’s', async () => {
    const page = await openExplorer('?images=my-images#explorer', 'light', async (opened) => {
      await opened.route('**/*.csv', (route) => route.fulfill({ status: 503, body: 'down' }));
    });
    await expectRun(page, tutorial);
    const status = await page.locator(`${EXPLORER} [data-status]`).textContent();
    expect(status).toMatch(
      /^Could not load the images of experiment “my-images”: could not fetch \/generated\/data\/my-images-\S+\.csv: HTTP 503\. The run uses the data seed’s images\.$/,
    );
    expect(await dataSeed(page)).toEqual({ readOnly: false, hint: tutorialSeedHint });
    pageErrors = pageErrors.filter((error) => !/^(HTTP 503|console: Failed to load)/.test(error));
    await closePage(page);
  });

  it('says so when the address names images the site does not have, and trains the tutorial’s', async () => {
    const page = await openExplorer('?images=nowhere#explorer');
    await expectRun(page, tutorial);
    const status = await page.locator(`${EXPLORER} [data-status]`).textContent();
    expect(status).toContain('experiment “nowhere”');
    expect(status).toContain('but only “my-images” has images of its own.');
    await closePage(page);
  });
});
