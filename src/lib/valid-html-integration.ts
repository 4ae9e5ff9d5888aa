/**
 * An Astro integration that runs validHtml (valid-html.ts) over every page `astro build` wrote,
 * after Starlight's own end-of-build step (Pagefind's index, made from the same text).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { validHtml } from './valid-html.ts';

/** Every .html file under `dir`. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function validHtmlIntegration(): AstroIntegration {
  return {
    name: 'valid-html',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        for (const file of files) await writeFile(file, validHtml(await readFile(file, 'utf8')));
        logger.info(`${files.length} pages made valid HTML`);
      },
    },
  };
}
