/**
 * Every page of each build is valid HTML under html-validate's recommended rules, with two
 * settings: inline styles allowed (KaTeX sizes its glyphs with them and the highlighter colours
 * its tokens), and ids checked as HTML defines them (any characters but whitespace), since
 * Starlight's page title has the id "_top" that its table of contents links to and its script
 * looks for; the recommended rule wants ids to start with a letter.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from './html.ts';

const builds = inject('siteBuilds');

const validator = new HtmlValidate({
  root: true,
  extends: ['html-validate:recommended'],
  rules: { 'no-inline-style': 'off', 'valid-id': ['error', { relaxed: true }] },
});

describe.each([
  ['at the domain root', builds.root],
  ['under /nn-from-scratch/', builds.based],
])('the site built %s', (_, build) => {
  it('has valid HTML on every page', async () => {
    const pages = (await listFiles(build.dir)).filter((file) => file.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html']));
    for (const page of pages) {
      const html = await readFile(join(build.dir, page), 'utf8');
      const report = await validator.validateString(html, page);
      const problems = report.results.flatMap((result) =>
        result.messages.map((m) => `${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(problems, page).toEqual([]);
    }
  });
});
