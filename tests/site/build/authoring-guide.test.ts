/**
 * The Authoring guide, followed to the letter: every code block of content/guide.mdx with a title
 * is a file, written as it is into a temporary copy of the project, which is then built with
 * `npm run build`. The new page must appear in every page's sidebar, between the pages it sits
 * between, use the components without importing them, show its figure, and be found by the
 * search; changing the new experiment must redraw its figure and nothing else.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { type StaticServer, startStaticServer } from '../static-server.ts';
import { run } from './build-site.ts';
import { listFiles, startTags, visibleText } from './html.ts';
import { copyProject, removeCopy } from './project-copy.ts';

/** The files the guide shows: each code block whose meta says title="PATH". */
async function guideFiles(): Promise<Map<string, string>> {
  const guide = await readFile(join(PROJECT_ROOT, 'content', 'guide.mdx'), 'utf8');
  const files = new Map<string, string>();
  visit(unified().use(remarkParse).parse(guide), 'code', (node) => {
    const code = node as { meta?: string | null; value: string };
    const title = /title="([^"]+)"/.exec(code.meta ?? '')?.[1];
    if (title !== undefined) files.set(title, `${code.value}\n`);
  });
  return files;
}

let copy = '';
let files = new Map<string, string>();
const pages = new Map<string, string>();

/** The [text, href] of the links in a page's sidebar. */
function sidebarLinks(html: string): [string, string][] {
  const sidebar = /<nav[^>]*aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  expect(sidebar, 'no sidebar').not.toBeNull();
  return [...sidebar![1]!.matchAll(/<a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => [
    visibleText(match[2]!),
    match[1]!,
  ]);
}

beforeAll(async () => {
  files = await guideFiles();
  copy = await copyProject(PROJECT_ROOT, 'nn-site-guide-');
  for (const [path, text] of files) await writeFile(join(copy, path), text);
  await run('npm', ['run', 'build'], copy);
  const html = (await listFiles(join(copy, 'dist'))).filter(
    (file) => file.endsWith('index.html') || file === '404.html',
  );
  for (const file of html) pages.set(file, await readFile(join(copy, 'dist', file), 'utf8'));
});

afterAll(async () => {
  await removeCopy(copy);
});

describe('the Authoring guide, followed', () => {
  it('shows an experiment, a figure and a page, each one file', () => {
    expect([...files.keys()].sort()).toEqual([
      'content/experiments/my-run.json',
      'content/figures/my-figure.ts',
      'content/my-page.mdx',
    ]);
  });

  it('gives a page at its own address, listed in the sidebar of every page', () => {
    const page = pages.get('my-page/index.html');
    expect(page, 'no dist/my-page/index.html').toBeDefined();
    const own = sidebarLinks(page!);
    expect(own.map(([, href]) => href)).toContain('/my-page/');
    for (const [file, html] of pages) {
      if (file === '404.html') continue;
      expect(sidebarLinks(html), file).toEqual(own);
    }
  });

  it("states the new experiment's numbers through components it did not import, and shows its figure", async () => {
    const page = pages.get('my-page/index.html')!;
    const results = JSON.parse(
      await readFile(join(copy, 'src/generated/results/my-run.json'), 'utf8'),
    );
    const stated = [
      ...page.matchAll(/data-result="([^"]+)" data-experiment="my-run"[^>]*>([^<]*)</g),
    ];
    expect(new Map(stated.map((m) => [m[1], m[2]]))).toEqual(
      new Map([
        ['settings.hiddenUnits', '3'],
        ['finalLoss', results.finalLoss.toFixed(3)],
        ['settings.iterations', '100'],
      ]),
    );
    const manifest = JSON.parse(await readFile(join(copy, 'src/generated/figures.json'), 'utf8'));
    const img = startTags(page).find(
      (tag) => tag.name === 'img' && tag.attributes.src?.includes('my-figure'),
    );
    expect(img?.attributes.src).toBe(`/${manifest.figures['my-figure'].src}`);
    expect(img?.attributes.alt).toBe(manifest.figures['my-figure'].alt);
    expect(img?.attributes.alt).toContain(results.finalLoss.toFixed(3));
  });

  describe('in the search', () => {
    let server: StaticServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await startStaticServer(join(copy, 'dist'), '/');
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('is found by its words', async () => {
      const page = await browser.newPage();
      await page.goto(server.url);
      // Pagefind's own search, as the search box runs it (a string: the test runner must not rewrite its import).
      const urls = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const search = await pagefind.search('three hidden units');
        const data = await Promise.all(search.results.map((result) => result.data()));
        return data.map((found) => found.url);
      })()`)) as string[];
      expect(urls).toContain('/my-page/');
      await page.close();
    });
  });

  it('redraws the figure and writes the experiment’s results, history and programs again, and nothing else, when the experiment changes', async () => {
    const path = join(copy, 'content/experiments/my-run.json');
    const experiment = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(
      path,
      JSON.stringify({ ...experiment, learningRate: experiment.learningRate * 2 }),
    );
    const stdout = await run('node', ['scripts/run-figures.mjs'], copy);
    const made = stdout
      .split('\n')
      .filter((line) => /^(stale|missing) /.test(line))
      .map((line) => line.split(/\s+/)[1]);
    // The figure in both colour schemes, each at full and half size; the numpy program and
    // notebook state every setting, so they are written again too, and the run's history is new.
    expect(made.sort()).toEqual([
      'my-figure',
      'my-figure.dark',
      'my-figure.dark.half',
      'my-figure.half',
      'my-run/history-csv',
      'my-run/notebook',
      'my-run/python',
      'my-run/results',
    ]);
    expect(stdout).toMatch(/^trained my-run:/m);
  });
});
