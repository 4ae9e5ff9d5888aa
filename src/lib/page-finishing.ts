/**
 * The last step of `astro build`, an Astro integration run after Starlight's own end-of-build step
 * (Pagefind's index, made from the same text): every page it wrote is parsed once, made valid
 * HTML (valid-html.ts), given preloads for its equations' fonts (math-font-preloads.ts), and
 * written back.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import { mathFontsPreloaded } from './math-font-preloads.ts';
import { madeValid, pageHead, pageHtml } from './valid-html.ts';

/** Every .html file under `dir`. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The page `html` as the site publishes it. */
function finishedPage(html: string): string {
  const tree = fromHtml(html);
  madeValid(tree);
  mathFontsPreloaded(tree, pageHead(tree));
  return pageHtml(tree);
}

export function pageFinishing(): AstroIntegration {
  return {
    name: 'page-finishing',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        for (const file of files) await writeFile(file, finishedPage(await readFile(file, 'utf8')));
        logger.info(`${files.length} pages made valid HTML, their equations' fonts preloaded`);
      },
    },
  };
}
