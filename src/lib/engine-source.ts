/// <reference types="astro/client" />
/**
 * The engine's source files as text, read at build time (and watched by the dev server), so
 * listings come from the very code that trained the network and drew the figures.
 */
import { CodeRegionError, extractRegion } from './code-region.ts';

// Vite inlines every engine file as a string; keys look like "/src/nn/train.ts".
const sources = import.meta.glob<string>('/src/nn/**/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The dedented code of region `region` in `file` (a path like "src/nn/train.ts"); throws naming both if missing. */
export function engineRegion(file: string, region: string): string {
  const source = sources[`/${file.replace(/^\/+/, '')}`];
  if (source === undefined) {
    throw new CodeRegionError(
      `<CodeRegion file="${file}" region="${region}">: no such engine file (files under src/nn/ only)`,
    );
  }
  return extractRegion(source, region, file);
}
