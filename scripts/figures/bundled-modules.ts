/**
 * Where to import one of the project's modules from: its bundled copy when scripts/run-figures.mjs
 * runs the build from an esbuild bundle (scripts/figures/command-bundle.mjs announces the figure
 * modules and the workers' modules), else the TypeScript file itself, through tsx.
 */
import { pathToFileURL } from 'node:url';

/** The bundled URL of `file` (an absolute path), or null when the build runs unbundled. */
export function bundledUrl(file: string): string | null {
  const key = Symbol.for('nn-from-scratch.bundled-modules');
  const bundled = (globalThis as { [key]?: Map<string, string> })[key];
  return bundled?.get(file) ?? null;
}

/** The URL to import `file` from: bundled, or the file. */
export function moduleUrl(file: string): string {
  return bundledUrl(file) ?? pathToFileURL(file).href;
}
