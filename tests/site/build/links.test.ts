/**
 * Every reference in the built site resolves to a file of that build, for a site at the domain
 * root and for one under a GitHub Pages project path, and nothing is loaded from another origin.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { EDIT_URL_OF_BASED_BUILD } from './global-setup.ts';
import { fileForPath, listFiles, startTags } from './html.ts';

const builds = inject('siteBuilds');

/** What each build was given: its address (SITE_URL + BASE_PATH) and EDIT_URL (global-setup.ts). */
const SETTINGS = {
  root: { address: 'http://localhost:4321/', editUrl: undefined },
  based: {
    address: 'https://example.github.io/nn-from-scratch/',
    editUrl: EDIT_URL_OF_BASED_BUILD,
  },
};

/** Tags whose URL attribute only links somewhere and loads nothing: they may point to other sites. */
function isPlainLink(tag: { name: string; attributes: Record<string, string> }): boolean {
  return tag.name === 'a' || (tag.name === 'link' && tag.attributes.rel === 'canonical');
}

describe.each([
  ['at the domain root', builds.root, SETTINGS.root],
  ['under /nn-from-scratch/', builds.based, SETTINGS.based],
])('the site built %s', (_, build, settings) => {
  it('has a page, with stylesheets, fonts and figures', async () => {
    const files = await listFiles(build.dir);
    expect(files).toContain('index.html');
    expect(files.some((file) => /^_astro\/.*\.css$/.test(file))).toBe(true);
    expect(files.some((file) => /^_astro\/KaTeX_Main-Regular\.[\w-]+\.woff2$/.test(file))).toBe(
      true,
    );
    expect(
      files.some((file) => /^_astro\/source-sans-3-latin-400-normal\.[\w-]+\.woff2$/.test(file)),
    ).toBe(true);
    expect(
      files.filter((file) => file.startsWith('generated/figures/')).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('has a 404 page, a sitemap of its pages and a search index built by Pagefind', async () => {
    const files = await listFiles(build.dir);
    expect(files).toContain('404.html');
    expect(await readFile(join(build.dir, '404.html'), 'utf8')).toMatch(/<h1[^>]*>[^<]*404/);
    expect(files).toContain('sitemap-index.xml');
    const sitemap = (
      await Promise.all(
        files
          .filter((file) => /^sitemap-\d+\.xml$/.test(file))
          .map((file) => readFile(join(build.dir, file), 'utf8')),
      )
    ).join('');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    // Every page but the 404 page, at the address the site is published under.
    const pages = files
      .filter((file) => file.endsWith('.html') && file !== '404.html')
      .map((file) => settings.address + file.replace(/(^|\/)index\.html$/, '$1'));
    expect(listed.sort()).toEqual(pages.sort());
    expect(files).toContain('pagefind/pagefind.js');
    expect(files).toContain('pagefind/pagefind-ui.js');
    expect(files.some((file) => /^pagefind\/index\/.+\.pf_index$/.test(file))).toBe(true);
  });

  it(`links each page to its source file only when EDIT_URL is set (${settings.editUrl ?? 'unset'})`, async () => {
    const html = await readFile(join(build.dir, 'index.html'), 'utf8');
    const editLinks = startTags(html).filter(
      (tag) => tag.name === 'a' && (tag.attributes.href ?? '').includes('/edit/'),
    );
    if (settings.editUrl === undefined) expect(editLinks).toEqual([]);
    else
      expect(editLinks.map((tag) => tag.attributes.href)).toEqual([
        `${settings.editUrl}content/index.mdx`,
      ]);
  });

  it('resolves every src, srcset and internal href of its pages to a file or an anchor', async () => {
    const pages = (await listFiles(build.dir)).filter((file) => file.endsWith('.html'));
    const problems: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = await readFile(join(build.dir, page), 'utf8');
      const tags = startTags(html);
      const ids = new Set(tags.map((tag) => tag.attributes.id).filter((id) => id !== undefined));
      for (const tag of tags) {
        const urls = [
          tag.attributes.src,
          tag.attributes.href,
          ...(tag.attributes.srcset ?? '').split(',').map((part) => part.trim().split(/\s+/)[0]),
        ].filter((url): url is string => url !== undefined && url !== '');
        for (const url of urls) {
          checked += 1;
          if (url.startsWith('#')) {
            if (!ids.has(decodeURIComponent(url.slice(1))))
              problems.push(`${page}: <${tag.name}> links to missing anchor ${url}`);
            continue;
          }
          if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
            if (!isPlainLink(tag))
              problems.push(`${page}: <${tag.name}> loads ${url} from another origin`);
            continue;
          }
          const absolute = url.startsWith('/')
            ? url
            : posix.join('/', build.base, posix.dirname(page), url);
          const target = fileForPath(absolute, build.base);
          if ('problem' in target) problems.push(`${page}: <${tag.name}> ${url} ${target.problem}`);
          else if (!existsSync(join(build.dir, target.file)))
            problems.push(`${page}: <${tag.name}> ${url} -> ${target.file} does not exist`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The page has dozens of references (styles, figures, downloads, anchors); finding few means the scan is broken.
    expect(checked).toBeGreaterThan(50);
  });

  it("preloads KaTeX's two main faces on each page with an equation, as its own stylesheet names them, and on no other", async () => {
    const pages = (await listFiles(build.dir)).filter((file) => file.endsWith('.html'));
    const found: { page: string; equations: boolean; faces: string[] }[] = [];
    for (const page of pages) {
      const html = await readFile(join(build.dir, page), 'utf8');
      const preloaded = startTags(html)
        .filter((tag) => tag.name === 'link' && tag.attributes.rel === 'preload')
        .map((tag) => tag.attributes.href ?? '')
        .filter((href) => href.includes('KaTeX'));
      // Each preloaded URL is the one an @font-face rule of the page asks for.
      for (const href of preloaded) expect(html, page).toContain(`url(${href})`);
      const faces = preloaded.map((href) =>
        href.replace(/^.*\/(KaTeX_[\w-]+?)\.[\w-]+\.woff2$/, '$1'),
      );
      found.push({ page, equations: html.includes('class="katex"'), faces });
    }
    const main = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'];
    expect(found).toEqual(
      pages.map((page) =>
        page === '404.html'
          ? { page, equations: false, faces: [] }
          : { page, equations: true, faces: main },
      ),
    );
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it("resolves every url() of its stylesheets and of its pages' <style> elements to a file of the build, with the base path", async () => {
    const files = await listFiles(build.dir);
    const stylesheets = files.filter((file) => file.endsWith('.css'));
    expect(stylesheets.length).toBeGreaterThan(0);
    // Each page's own rules (the text font's faces, in its <head>), as if a stylesheet beside it.
    const inline: [string, string][] = [];
    for (const page of files.filter((file) => file.endsWith('.html'))) {
      const html = await readFile(join(build.dir, page), 'utf8');
      for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g))
        inline.push([page, match[1]!]);
    }
    expect(inline.filter(([, css]) => css.includes('@font-face')).length).toBeGreaterThan(3);
    const problems: string[] = [];
    let fonts = 0;
    for (const [sheet, css] of [
      ...(await Promise.all(
        stylesheets.map(
          async (sheet): Promise<[string, string]> => [
            sheet,
            await readFile(join(build.dir, sheet), 'utf8'),
          ],
        ),
      )),
      ...inline,
    ]) {
      for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
        const url = match[1] ?? match[2] ?? match[3] ?? '';
        if (url.startsWith('data:')) continue;
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
          problems.push(`${sheet}: url(${url}) is on another origin`);
          continue;
        }
        const file = url.startsWith('/')
          ? fileForPath(url, build.base)
          : { file: join(dirname(sheet), url.split(/[?#]/)[0]!) };
        if ('problem' in file) problems.push(`${sheet}: url(${url}) ${file.problem}`);
        else if (!existsSync(join(build.dir, file.file)))
          problems.push(`${sheet}: url(${url}) does not exist`);
        if (/\.woff2/.test(url)) fonts += 1;
      }
    }
    expect(problems).toEqual([]);
    // KaTeX alone has about 20 font files; the text font has 3 faces, 2 of them on every page.
    expect(fonts).toBeGreaterThan(20);
  });
});
