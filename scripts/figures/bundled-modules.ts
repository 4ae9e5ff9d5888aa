/**
 * Where the build finds some of the project's modules when scripts/run-figures.mjs runs it from an
 * esbuild bundle (scripts/figures/command-bundle.mjs): the figure modules are in the bundle's own
 * file, each run by a loader the first time it is asked for, and the workers' modules are files
 * of their own. Unbundled, each is the TypeScript file itself, imported through tsx.
 */
import { pathToFileURL } from 'node:url';

/** The bundled URL of a worker's module `file` (an absolute path), or null when the build runs unbundled. */
export function bundledUrl(file: string): string | null {
  const key = Symbol.for('nn-from-scratch.bundled-modules');
  const bundled = (globalThis as { [key]?: Map<string, string> })[key];
  return bundled?.get(file) ?? null;
}

/** The figure module `file` (an absolute path): run from the bundle, or imported. */
export async function importFigureModule(file: string): Promise<{ default?: unknown }> {
  const key = Symbol.for('nn-from-scratch.figure-modules');
  const load = (globalThis as { [key]?: Map<string, () => { default?: unknown }> })[key]?.get(file);
  return load === undefined ? import(pathToFileURL(file).href) : load();
}

/**
 * The project's folder in the bundle cache (node_modules/.cache/nn-figures/PROJECT/), where the
 * build keeps a copy of its module closures, or null when the build runs unbundled.
 */
export function bundledCacheDir(): string | null {
  const key = Symbol.for('nn-from-scratch.bundle-cache-dir');
  return (globalThis as { [key]?: string })[key] ?? null;
}
