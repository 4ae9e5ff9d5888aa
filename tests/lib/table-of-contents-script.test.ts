/**
 * The Vite plugin that swaps Starlight's table-of-contents script (src/lib/table-of-contents-script.ts):
 * it swaps only Starlight's module, and a Starlight without the script where the plugin expects
 * it stops the build with a message instead of leaving Starlight's own to run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableOfContentsScript } from '../../src/lib/table-of-contents-script.ts';

/** A Starlight's components folder in a temporary directory, with or without the script. */
function starlightComponents(withScript: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'toc-plugin-'));
  const components = join(root, 'node_modules', '@astrojs', 'starlight', 'components');
  mkdirSync(join(components, 'TableOfContents'), { recursive: true });
  writeFileSync(join(components, 'TableOfContents.astro'), '');
  if (withScript) writeFileSync(join(components, 'TableOfContents', 'starlight-toc.ts'), '');
  return components;
}

/** The plugin's hooks called as Vite would, with `this.resolve` answering from `resolved`. */
function context(resolved: (source: string) => string | null) {
  return {
    resolve: async (source: string) => {
      const id = resolved(source);
      return id === null ? null : { id };
    },
    error(message: string): never {
      throw new Error(message);
    },
  };
}

const plugin = tableOfContentsScript() as unknown as {
  buildStart(this: unknown): Promise<void>;
  resolveId(this: unknown, source: string, importer: string, options: object): Promise<unknown>;
};

describe('the table-of-contents plugin', () => {
  it('starts when Starlight has its script where the plugin swaps it', async () => {
    const components = starlightComponents(true);
    const ctx = context(() => join(components, 'TableOfContents.astro'));
    await expect(plugin.buildStart.call(ctx)).resolves.toBeUndefined();
  });

  it('stops the build, naming the file to update, when Starlight has moved its script', async () => {
    const components = starlightComponents(false);
    const ctx = context(() => join(components, 'TableOfContents.astro'));
    await expect(plugin.buildStart.call(ctx)).rejects.toThrow(
      /table-of-contents script is not at .*starlight-toc\.ts: update src\/lib\/table-of-contents-script\.ts/,
    );
  });

  it("swaps Starlight's module for the project's, and leaves another starlight-toc alone", async () => {
    const components = starlightComponents(true);
    const starlight = join(components, 'TableOfContents', 'starlight-toc.ts');
    const ctx = context((source) =>
      source === './TableOfContents/starlight-toc' ? starlight : '/elsewhere/starlight-toc.ts',
    );
    const importer = join(components, 'TableOfContents.astro');
    const swapped = await plugin.resolveId.call(
      ctx,
      './TableOfContents/starlight-toc',
      importer,
      {},
    );
    expect(swapped).toMatch(/src\/components\/starlight\/starlight-toc\.ts$/);
    expect(await plugin.resolveId.call(ctx, './other/starlight-toc', importer, {})).toBeNull();
    expect(await plugin.resolveId.call(ctx, './Other.astro', importer, {})).toBeNull();
  });
});
