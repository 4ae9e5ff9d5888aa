/**
 * An author adds a page by adding one file: a new content/*.mdx uses the tutorial's components
 * without importing them, gets its own URL, and appears in every page's sidebar in the order of
 * its frontmatter's sidebar.order, with previous and next links between the pages. Built in a
 * temporary copy of the project, so the real one keeps its single page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { run } from './build-site.ts';
import { startTags, visibleText } from './html.ts';
import { copyProject, removeCopy } from './project-copy.ts';

const PAGE = `---
title: A second page
sidebar:
  order: 2
---

The network ends with a loss of <Result path="finalLoss" digits={3} /> <Cite n={1} />.

<Figure id="network" />
`;

let copy = '';
let tutorial = '';
let second = '';

beforeAll(async () => {
  copy = await copyProject(PROJECT_ROOT, 'nn-site-new-page-');
  await writeFile(join(copy, 'content', 'second-page.mdx'), PAGE);
  await run(join(copy, 'node_modules', '.bin', 'astro'), ['build'], copy);
  tutorial = await readFile(join(copy, 'dist', 'index.html'), 'utf8');
  second = await readFile(join(copy, 'dist', 'second-page', 'index.html'), 'utf8');
});

afterAll(async () => {
  await removeCopy(copy);
});

/** The [text, href] of the links in a page's sidebar. */
function sidebarLinks(html: string): [string, string][] {
  const sidebar = /<nav[^>]*aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  expect(sidebar, 'no sidebar').not.toBeNull();
  return [...sidebar![1]!.matchAll(/<a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => [
    visibleText(match[2]!),
    match[1]!,
  ]);
}

describe('a page added as content/second-page.mdx', () => {
  it('uses the components with no import', () => {
    const results = statedResults(second);
    expect(results.get('finalLoss')).toMatch(/^\d+\.\d{3}$/);
    expect(second).toMatch(/<figure class="figure[^"]*" id="figure-network">/);
    expect(second).toMatch(/<a class="cite[^"]*" href="#ref-1">\[1\]<\/a>/);
  });

  it('is listed after the tutorial in the sidebar of both pages, which link to each other', () => {
    for (const html of [tutorial, second])
      expect(sidebarLinks(html)).toEqual([
        ['The tutorial', '/'],
        ['A second page', '/second-page/'],
      ]);
    const nextOfTutorial = startTags(tutorial).find(
      (tag) => tag.name === 'a' && tag.attributes.rel === 'next',
    );
    expect(nextOfTutorial?.attributes.href).toBe('/second-page/');
    const previousOfSecond = startTags(second).find(
      (tag) => tag.name === 'a' && tag.attributes.rel === 'prev',
    );
    expect(previousOfSecond?.attributes.href).toBe('/');
  });
});

/** The text of every <Result/> on a page, by path. */
function statedResults(html: string): Map<string, string> {
  return new Map(
    [...html.matchAll(/<span class="result[^"]*" data-result="([^"]+)">([^<]*)<\/span>/g)].map(
      (match) => [match[1]!, match[2]!],
    ),
  );
}
