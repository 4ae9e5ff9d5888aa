/**
 * Every text the figures draw is at least 11 px at the displayed size and uses only characters
 * the registered font (Source Sans 3, Latin subset) has, so no glyph falls back to a system font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedFigure } from '../../scripts/figures/figure-modules.ts';
import { networkDiagramSvg, trainedNetworkSvg } from '../../src/figures/network-figure.ts';
import { FONT_FAMILY } from '../../src/figures/theme.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';
import type { RunRecord } from '../../src/nn/types.ts';
import { inputOf, projectFigures } from '../helpers/figures.ts';
import { RecordingContext } from '../helpers/recording-context.ts';

/** The code points the package's Latin subset declares, from its unicode.json ("U+0000-00FF,U+0131,..."). */
function latinRanges(): [number, number][] {
  const require = createRequire(import.meta.url);
  const unicode = JSON.parse(
    readFileSync(require.resolve('@fontsource/source-sans-3/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  return unicode.latin!.split(',').map((part) => {
    const [from, to] = part.replace('U+', '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

let record: RunRecord;
let figures: LoadedFigure[];
const ranges = latinRanges();
const covered = (ch: string) =>
  ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b);

beforeAll(async () => {
  record = train(DEFAULT_SETTINGS, generateDatasets(DEFAULT_SETTINGS.dataSeed));
  figures = await projectFigures();
});

describe('raster figures', () => {
  it('set every text in the figure font, at >= 11 px at the displayed size, in characters the font has', () => {
    let checked = 0;
    for (const loaded of figures) {
      const { id, definition: figure } = loaded;
      if (figure.format === 'svg') continue;
      const input = inputOf(loaded, record);
      const ctx = new RecordingContext();
      // The figures draw in CSS px; the page shows them at displayWidth = their layout width.
      expect(figure.size(input).width).toBe(figure.displayWidth);
      if (figure.format === 'png') figure.draw(ctx, input);
      else figure.frames(input).at(-1)!.draw(ctx);
      expect(ctx.texts.length, id).toBeGreaterThan(0);
      for (const t of ctx.texts) {
        expect(t.font, `${id}: "${t.text}"`).toContain(`"${FONT_FAMILY}"`);
        expect(t.size, `${id}: "${t.text}" in ${t.font}`).toBeGreaterThanOrEqual(11);
        for (const ch of t.text)
          expect(
            covered(ch),
            `${id}: "${ch}" (U+${ch.codePointAt(0)!.toString(16)}) in "${t.text}"`,
          ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('SVG diagrams', () => {
  it('use font sizes of at least 11 and only characters the font has', () => {
    for (const svg of [networkDiagramSvg(6), trainedNetworkSvg(record.final)]) {
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(10);
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(11);
      const texts = [...svg.matchAll(/>([^<>]+)</g)]
        .map((m) => m[1]!)
        .filter((t) => t.trim() !== '' && !t.includes('{'));
      for (const text of texts)
        for (const ch of text) expect(covered(ch), `"${ch}" in "${text}"`).toBe(true);
    }
  });
});
