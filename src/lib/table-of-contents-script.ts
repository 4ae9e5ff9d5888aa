/**
 * A Vite plugin that gives Starlight's table of contents this project's script
 * (src/components/starlight/starlight-toc.ts) in place of its own: same element names and
 * behaviour, without a long task on a long page. Starlight's TableOfContents and
 * MobileTableOfContents components both load the script by a relative path; whatever imports it,
 * the file it resolves to is swapped, so Starlight's markup and styles are used as they are.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Where Starlight keeps the script, inside its components folder. */
const SCRIPT_IN_COMPONENTS = 'TableOfContents/starlight-toc.ts';

/** The script's place as the end of its resolved path. */
const STARLIGHT_SCRIPT = `/@astrojs/starlight/components/${SCRIPT_IN_COMPONENTS}`;

const REPLACEMENT = fileURLToPath(
  new URL('../components/starlight/starlight-toc.ts', import.meta.url),
);

export function tableOfContentsScript(): Plugin {
  return {
    name: 'table-of-contents-script',
    enforce: 'pre',
    // Without Starlight's script where this plugin looks for it, nothing would be swapped and
    // Starlight's own would run unnoticed: a Starlight that moved it stops the build instead.
    async buildStart() {
      const component = await this.resolve('@astrojs/starlight/components/TableOfContents.astro');
      const script = component && join(dirname(component.id), SCRIPT_IN_COMPONENTS);
      if (script === null || !existsSync(script))
        this.error(
          `Starlight's table-of-contents script is not at ${script ?? SCRIPT_IN_COMPONENTS}: update src/lib/table-of-contents-script.ts for this version of Starlight`,
        );
    },
    async resolveId(source, importer, options) {
      if (!source.endsWith('starlight-toc') && !source.endsWith('starlight-toc.ts')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved === null) return null;
      const [path] = resolved.id.split('?');
      return path?.endsWith(STARLIGHT_SCRIPT) ? REPLACEMENT : null;
    },
  };
}
