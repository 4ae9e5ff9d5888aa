import { describe, expect, it } from 'vitest';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';

const { train, validation } = generateDatasets(DEFAULT_SETTINGS.dataSeed);
const [dimmed, noisy] = validation as [typeof train, typeof train];

/** Row and column of pixel i, worked out here rather than taken from the engine. */
const rowOf = (i: number) => Math.floor(i / 3);
const colOf = (i: number) => i % 3;

/**
 * The line an image shows, judged from its bright pixels alone: "column c" if exactly the
 * three pixels of column c are lit, "row r" if exactly the three of row r are, else "none".
 */
function lineOf(image: readonly number[], isLit: (v: number) => boolean): string {
  const lit = image.flatMap((v, i) => (isLit(v) ? [i] : []));
  if (lit.length !== 3) return 'none';
  if (lit.every((i) => colOf(i) === colOf(lit[0]!))) return `column ${colOf(lit[0]!)}`;
  if (lit.every((i) => rowOf(i) === rowOf(lit[0]!))) return `row ${rowOf(lit[0]!)}`;
  return 'none';
}

/** Class 0 is a vertical line (a lit column), class 1 a horizontal line (a lit row). */
const classOfLine = (line: string) =>
  line.startsWith('column') ? 0 : line.startsWith('row') ? 1 : -1;

describe('generated datasets', () => {
  it('have the documented names and sizes', () => {
    expect([train.name, dimmed.name, noisy.name]).toEqual([
      'train',
      'validation-1',
      'validation-2',
    ]);
    expect([train.images.length, dimmed.images.length, noisy.images.length]).toEqual([24, 18, 24]);
    expect([train.labels.length, dimmed.labels.length, noisy.labels.length]).toEqual([24, 18, 24]);
    for (const set of [train, dimmed, noisy])
      for (const image of set.images) expect(image).toHaveLength(9);
  });

  it('have labels 0 and 1 in equal numbers', () => {
    for (const set of [train, dimmed, noisy]) {
      expect(set.labels.every((l) => l === 0 || l === 1)).toBe(true);
      expect(set.labels.filter((l) => l === 0).length * 2).toBe(set.labels.length);
    }
  });

  it('training images: a line on a background of exactly 0, lit on the line its label names', () => {
    train.images.forEach((image, i) => {
      const line = lineOf(image, (v) => v > 0);
      expect(classOfLine(line), `train image ${i}: ${line}`).toBe(train.labels[i]);
      for (const v of image) expect(v === 0 || (v >= 0.7 && v <= 1), `train image ${i}`).toBe(true);
    });
  });

  it('training images: per line, one clean line (pixels 1) and three with pixels in [0.7, 1]', () => {
    const byLine = new Map<string, number[][]>();
    for (const image of train.images) {
      const line = lineOf(image, (v) => v > 0);
      byLine.set(line, [...(byLine.get(line) ?? []), image]);
    }
    expect([...byLine.keys()].sort()).toEqual([
      'column 0',
      'column 1',
      'column 2',
      'row 0',
      'row 1',
      'row 2',
    ]);
    for (const [line, images] of byLine) {
      const clean = images.filter((image) => image.every((v) => v === 0 || v === 1));
      expect(images.length, line).toBe(4);
      expect(clean.length, line).toBe(1);
    }
    // The varied pixels really vary: 54 draws, all different.
    const varied = train.images.flat().filter((v) => v > 0 && v < 1);
    expect(new Set(varied).size).toBe(54);
  });

  it('validation 1: each of the 6 lines with each one of its 3 pixels dimmed to 0.4', () => {
    const seen = new Set<string>();
    dimmed.images.forEach((image, i) => {
      const line = lineOf(image, (v) => v > 0);
      expect(classOfLine(line), `validation-1 image ${i}`).toBe(dimmed.labels[i]);
      const values = image.filter((v) => v > 0).sort((a, b) => a - b);
      expect(values).toEqual([0.4, 1, 1]);
      seen.add(`${line} dimmed at ${image.indexOf(0.4)}`);
    });
    expect(seen.size).toBe(18);
  });

  it('validation 2: the training images plus clipped noise of sd about 0.2, the line still brightest on average', () => {
    expect(noisy.labels).toEqual(train.labels);
    const noise: number[] = [];
    noisy.images.forEach((image, i) => {
      const source = train.images[i]!;
      const onLine = image.filter((_, p) => source[p]! > 0);
      const off = image.filter((_, p) => source[p] === 0);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(onLine), `validation-2 image ${i}`).toBeGreaterThan(mean(off) + 0.3);
      image.forEach((v, p) => {
        expect(v >= 0 && v <= 1).toBe(true);
        if (v > 0 && v < 1) noise.push(v - source[p]!); // unclipped pixels show the noise itself
      });
    });
    const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
    const sd = Math.sqrt(noise.reduce((a, b) => a + (b - mean) ** 2, 0) / noise.length);
    expect(noise.length).toBeGreaterThan(80);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(sd).toBeGreaterThan(0.14);
    expect(sd).toBeLessThan(0.26);
  });

  it('equal what numpy draws in the documented order (tests/nn/numpy-reference.py, numpy 2.4)', () => {
    // default_rng(2024): image 1 is the first varied vertical line in column 0 (uniform(0.7, 1.0, size=3)).
    expect(train.images[1]).toEqual([
      0.9027494013943845, 0, 0, 0.7642969603714773, 0, 0, 0.7928356092645075, 0, 0,
    ]);
    // image 23 is the last varied horizontal line, in row 2.
    expect(train.images[23]).toEqual([
      0, 0, 0, 0, 0, 0, 0.8010558297304785, 0.8025977793163597, 0.7827522604021139,
    ]);
    // numpy.clip(train + rng.normal(0.0, 0.2, size=(24, 9)), 0.0, 1.0), first and last image.
    expect(noisy.images[0]).toEqual([1, 0.2670541457497524, 0.2530903957183259, 1, 0, 0, 1, 0, 0]);
    expect(noisy.images[23]).toEqual([
      0, 0.038812373805271846, 0, 0.1239183519080927, 0.2046865364175846, 0, 1, 0.8141698690429446,
      0.800747611768044,
    ]);
  });

  it('depend only on the data seed', () => {
    expect(generateDatasets(DEFAULT_SETTINGS.dataSeed)).toEqual(
      generateDatasets(DEFAULT_SETTINGS.dataSeed),
    );
    const other = generateDatasets(1);
    expect(other.train.images).not.toEqual(train.images);
    expect(other.validation[0]).toEqual(dimmed); // validation 1 has no randomness
  });
});
