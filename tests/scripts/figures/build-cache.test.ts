/** The figure cache's file (scripts/figures/build-cache.ts): each distinct fingerprint stored once, read back whole. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CACHE_FILE,
  CACHE_VERSION,
  type CachedOutput,
  type FigureCache,
  formatCache,
  readCache,
} from '../../../scripts/figures/build-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = (file: string, inputs: Record<string, string>): CachedOutput => ({
  file,
  sha256: `sha-of-${file}`,
  bytes: file.length,
  key: `key-of-${file}`,
  inputs,
});

const cache: FigureCache = {
  version: CACHE_VERSION,
  outputs: {
    a: output('a.png', { 'source:src/x.ts': 'h1', 'setting:tutorial/seed': '7', scheme: 'dark' }),
    b: output('b.png', { 'source:src/x.ts': 'h1', 'setting:tutorial/seed': '7' }),
    // The same name with another fingerprint (a cache entry kept from an earlier build).
    c: output('c.csv', { 'source:src/x.ts': 'h0' }),
  },
};

function stored(text: string) {
  return JSON.parse(text) as {
    fingerprints: [string, string][];
    outputs: Record<string, { inputs: number[] }>;
  };
}

describe('the figure cache file', () => {
  it('reads back every output as it was written', () => {
    writeFileSync(join(dir, CACHE_FILE), formatCache(cache));
    expect(readCache(dir)).toEqual(cache);
  });

  it('stores each distinct name and fingerprint once, sorted, and an output as their indices', () => {
    const { fingerprints, outputs } = stored(formatCache(cache));
    expect(fingerprints).toEqual([
      ['scheme', 'dark'],
      ['setting:tutorial/seed', '7'],
      ['source:src/x.ts', 'h0'],
      ['source:src/x.ts', 'h1'],
    ]);
    expect(outputs.a!.inputs).toEqual([0, 1, 3]);
    expect(outputs.b!.inputs).toEqual([1, 3]);
    expect(outputs.c!.inputs).toEqual([2]);
  });

  it('is the same text for the same cache, whatever order its outputs list their inputs in', () => {
    const reordered = structuredClone(cache);
    reordered.outputs.a!.inputs = {
      scheme: 'dark',
      'setting:tutorial/seed': '7',
      'source:src/x.ts': 'h1',
    };
    expect(formatCache(reordered)).toBe(formatCache(cache));
  });

  it('is ignored when another version wrote it, or an index points nowhere', () => {
    const text = stored(formatCache(cache));
    writeFileSync(join(dir, CACHE_FILE), JSON.stringify({ ...text, version: CACHE_VERSION - 1 }));
    expect(readCache(dir)).toBeNull();
    text.outputs.b!.inputs = [1, 9];
    writeFileSync(join(dir, CACHE_FILE), JSON.stringify({ ...text, version: CACHE_VERSION }));
    expect(readCache(dir)).toBeNull();
    writeFileSync(join(dir, CACHE_FILE), '{ not json');
    expect(readCache(dir)).toBeNull();
  });
});
