/**
 * Module closures from esbuild's module graph, and the memo that lets a build whose sources are
 * unchanged skip esbuild: used exactly while every file it covers has the hash it recorded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileHashes } from '../../../scripts/figures/file-hashes.ts';
import {
  type ClosureMemo,
  memoisedClosures,
  moduleClosures,
  readClosureMemo,
  storeClosureMemo,
} from '../../../scripts/figures/module-closure.ts';

const root = mkdtempSync(join(tmpdir(), 'module-closure-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(root, name), text);
  return join(root, name);
};
const a = file(
  'a.ts',
  "import { b } from './b.ts';\nimport type { T } from './t.ts';\nexport const a: T = b + 1;\n",
);
const b = file('b.ts', 'export const b = 1;\n');
file('t.ts', 'export type T = number;\n');
const c = file('c.ts', "import { a } from './a.ts';\nimport 'node:fs';\nexport const c = a;\n");

describe('moduleClosures', () => {
  it('follows imports, leaves out type-only imports and packages, and includes the entry', async () => {
    const closures = await moduleClosures([c, b], root);
    expect(closures.get(c)).toEqual([a, b, c]);
    expect(closures.get(b)).toEqual([b]);
  });
});

describe('memoisedClosures', () => {
  it('takes the closures from the memo while its files are unchanged, and from esbuild once one changed', async () => {
    const first = await memoisedClosures([c], root, { memos: [null], hashes: createFileHashes() });
    expect(first.closures.get(c)).toEqual([a, b, c]);
    // A memo whose closure only the memo can give: a's file alone.
    const fake: ClosureMemo = { ...first.memo, closures: { [c]: [a] } };
    const again = await memoisedClosures([c], root, { memos: [fake], hashes: createFileHashes() });
    expect(again.closures.get(c)).toEqual([a]);
    // Other entries: the memo does not apply.
    const other = await memoisedClosures([c, b], root, {
      memos: [fake],
      hashes: createFileHashes(),
    });
    expect(other.closures.get(c)).toEqual([a, b, c]);
    // A changed file: esbuild again.
    writeFileSync(b, 'export const b = 2;\n');
    const changed = await memoisedClosures([c], root, {
      memos: [fake],
      hashes: createFileHashes(),
    });
    expect(changed.closures.get(c)).toEqual([a, b, c]);
  });

  it('takes the first of several memos that still holds', async () => {
    const { memo } = await memoisedClosures([c], root, { memos: [], hashes: createFileHashes() });
    const onlyA: ClosureMemo = { ...memo, closures: { [c]: [a] } };
    const onlyB: ClosureMemo = { ...memo, closures: { [c]: [b] } };
    const stale: ClosureMemo = { ...memo, closures: { [c]: [c] }, entries: [b] };
    const pick = (memos: (ClosureMemo | null)[]) =>
      memoisedClosures([c], root, { memos, hashes: createFileHashes() });
    expect((await pick([null, stale, onlyB, onlyA])).closures.get(c)).toEqual([b]);
    expect((await pick([onlyA, onlyB])).closures.get(c)).toEqual([a]);
  });

  it('is kept between builds', async () => {
    const { memo } = await memoisedClosures([c], root, {
      memos: [null],
      hashes: createFileHashes(),
    });
    const generated = join(root, 'generated');
    expect(readClosureMemo(generated)).toBeNull();
    storeClosureMemo(generated, memo);
    expect(readClosureMemo(generated)).toEqual(memo);
  });
});
