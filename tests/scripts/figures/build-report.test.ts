/**
 * What the figure build tells its user: why an output is stale, the frame bar on a terminal
 * (and its absence off one), the line of a bad setting, and what the development watcher reacts to.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mattersForFigures, type WatchList } from '../../../scripts/dev/watch-list.ts';
import { describeChange, keyOf } from '../../../scripts/figures/output-keys.ts';
import { createProgress } from '../../../scripts/figures/progress.ts';
import { settingLine } from '../../../scripts/figures/setting-location.ts';

describe('describeChange', () => {
  const before = {
    'cache-version': '1',
    'setting:learningRate': '0.01',
    'source:src/nn/train.ts': 'aa',
    'package:@napi-rs/canvas': '1.1.1',
  };
  const cases: { name: string; after: Record<string, string>; expected: string }[] = [
    {
      name: 'one setting',
      after: { ...before, 'setting:learningRate': '0.02' },
      expected: 'settings changed: learningRate',
    },
    {
      name: 'a source file',
      after: { ...before, 'source:src/nn/train.ts': 'bb' },
      expected: 'source changed: src/nn/train.ts',
    },
    {
      name: 'several source files, counted',
      after: { ...before, 'source:src/nn/train.ts': 'bb', 'source:a.ts': '1', 'source:b.ts': '2' },
      expected: 'source changed: src/nn/train.ts, a.ts (new) (+1 more)',
    },
    {
      name: 'a package version, with both versions',
      after: { ...before, 'package:@napi-rs/canvas': '1.2.0' },
      expected: 'package changed: @napi-rs/canvas 1.1.1 -> 1.2.0',
    },
    {
      name: 'settings before sources',
      after: { ...before, 'source:src/nn/train.ts': 'bb', 'setting:learningRate': '1' },
      expected: 'settings changed: learningRate; source changed: src/nn/train.ts',
    },
    { name: 'nothing', after: { ...before }, expected: 'unchanged' },
  ];
  for (const { name, after, expected } of cases) {
    it(name, () => expect(describeChange(before, after)).toBe(expected));
  }

  it('goes with keys that differ exactly when the fingerprints do, whatever their order', () => {
    expect(keyOf({ a: '1', b: '2' })).toBe(keyOf({ b: '2', a: '1' }));
    expect(keyOf({ a: '1', b: '2' })).not.toBe(keyOf({ a: '1', b: '3' }));
    expect(keyOf({ a: '1' })).not.toBe(keyOf({ a: '1', b: '' }));
    expect(keyOf({ a: '1' })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, isTTY, write: (text: string) => written.push(text) };
  };

  it('draws a frame bar on a terminal and prints lines above it', () => {
    const out = stream(true);
    const progress = createProgress(out);
    progress.frames('training-animation', 12, 40);
    progress.line('stale    loss-accuracy');
    progress.frames('training-animation', 40, 40);
    const text = out.written.join('');
    expect(text).toContain(`[${'#'.repeat(9)}${'.'.repeat(21)}] 12/40 frames`); // 30 cells, 12/40 of them filled
    expect(text).toContain('\r\x1b[Kstale    loss-accuracy\n');
    expect(text.endsWith('\r\x1b[K')).toBe(true); // the bar is gone when the frames are done
  });

  it('prints only whole lines when not on a terminal', () => {
    const out = stream(false);
    const progress = createProgress(out);
    progress.frames('training-animation', 10, 40);
    progress.line('fresh    himmelblau');
    progress.clear();
    expect(out.written).toEqual(['fresh    himmelblau\n']);
  });
});

describe('settingLine', () => {
  it('finds the line a setting is written on', () => {
    const text = '{\n  "seed": 7,\n  "learningRate":0.5,\n  "hiddenUnits" : 6\n}\n';
    expect(settingLine(text, 'seed')).toBe(2);
    expect(settingLine(text, 'learningRate')).toBe(3);
    expect(settingLine(text, 'hiddenUnits')).toBe(4);
    expect(settingLine(text, 'frameEvery')).toBeNull();
  });
});

describe('the development watcher', () => {
  const root = '/project';
  const list: WatchList = {
    files: new Set([
      '/project/content/experiments/tutorial.json',
      '/project/content/data/mine.csv',
    ]),
    folders: [],
  };
  const cases: [string, boolean][] = [
    ['/project/content/experiments/tutorial.json', true], // an experiment the last build read
    ['/project/content/data/mine.csv', true], // a data file an experiment names
    ['/project/content/experiments/new.json', true], // a new experiment
    ['/project/content/figures/new-figure.ts', true], // a new figure
    ['/project/src/figures/new-figure.ts', true], // a new module in a code folder
    ['/project/content/new-page.mdx', true], // a new page: its references are checked
    ['/project/content/experiments/notes.txt', false],
    ['/project/src/figures/notes.md', false],
    ['/project/src/pages/index.astro', false],
  ];
  for (const [path, expected] of cases) {
    it(`${expected ? 'rebuilds' : 'ignores'} ${path}`, () =>
      expect(mattersForFigures(join(path), list, root)).toBe(expected));
  }
});
