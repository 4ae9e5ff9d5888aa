/** The pages of a built site, for the benchmarks that open each of them. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML page under `dist`, as a path under the site's root ("", "guide/", "404.html"). */
export function builtPages(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '_astro' && entry.name !== 'pagefind') walk(path);
      else if (entry.name.endsWith('.html'))
        found.push(relative(dist, path).replace(/(^|\/)index\.html$/, '$1'));
    }
  };
  walk(dist);
  return found.sort();
}
