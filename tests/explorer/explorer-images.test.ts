import { describe, expect, it } from 'vitest';
import { type FetchText, loadImages } from '../../src/explorer/explorer-images.ts';
import { toCsv } from '../../src/nn/csv.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';

const sets = generateDatasets(11);
/** The site as the explorer sees it: each address's text, or a failed answer. */
const site = new Map([
  ['/generated/data/mine-train.0a1b2c3d.csv', toCsv(sets.train)],
  ['/generated/data/mine-validation-1.4e5f6a7b.csv', toCsv(sets.validation[0]!)],
  ['/generated/data/mine-validation-2.8c9d0e1f.csv', toCsv(sets.validation[1]!)],
]);
const fetchText: FetchText = async (url) => {
  const text = site.get(url);
  if (text === undefined) throw new Error('HTTP 404');
  return text;
};
const files = {
  dataSeed: 11,
  train: '/generated/data/mine-train.0a1b2c3d.csv',
  validation: [
    {
      name: 'dimmed',
      title: 'Dimmed lines',
      url: '/generated/data/mine-validation-1.4e5f6a7b.csv',
    },
    { name: 'noisy', title: 'Noisy lines', url: '/generated/data/mine-validation-2.8c9d0e1f.csv' },
  ],
};

describe('loadImages', () => {
  it('reads every set back exactly as the build wrote it, named as the results name it', async () => {
    const images = await loadImages(files, fetchText);
    expect(images.train).toEqual({ ...sets.train, name: 'train' });
    expect(images.validation).toEqual([
      { ...sets.validation[0]!, name: 'dimmed' },
      { ...sets.validation[1]!, name: 'noisy' },
    ]);
  });

  it('names the address it could not fetch, and why', async () => {
    const missing = { ...files, train: '/generated/data/gone.csv' };
    await expect(loadImages(missing, fetchText)).rejects.toThrow(
      'could not fetch /generated/data/gone.csv: HTTP 404',
    );
  });

  it('names the address, line and column of a file that is not a dataset', async () => {
    const broken = new Map(site);
    const lines = toCsv(sets.train).split('\n');
    lines[3] = lines[3]!.replace(/^[^,]*/, 'dark');
    broken.set(files.train, lines.join('\n'));
    const rejected = loadImages(files, async (url) => broken.get(url)!);
    await expect(rejected).rejects.toThrow('/generated/data/mine-train.0a1b2c3d.csv');
    await expect(rejected).rejects.toThrow(/line 4/);
  });
});
