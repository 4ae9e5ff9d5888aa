/**
 * The subset rule: a figure draws at most MAX_DRAWN_UNITS hidden units (the first ones), says so
 * on the figure and in its alt text, and stays under twice its height with the tutorial's 6.
 */
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerFigureFonts } from '../../scripts/figures/fonts.ts';
import type { RenderedFigure } from '../../scripts/figures/render.ts';
import { renderFigures } from '../../scripts/figures/render.ts';
import { hiddenWeightsLayout } from '../../src/figures/hidden-weights-figure.ts';
import { initialParametersLayout } from '../../src/figures/initial-parameters-figure.ts';
import { networkLayout } from '../../src/figures/network-figure.ts';
import { trainingFrameLayout } from '../../src/figures/training-frame-layout.ts';
import {
  firstColumns,
  firstRows,
  MAX_DRAWN_UNITS,
  subsetMark,
  subsetSentence,
  unitSubset,
} from '../../src/figures/unit-subset.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { Matrix } from '../../src/nn/matrix.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';
import { inputOf, projectFigures, sourcesOf } from '../helpers/figures.ts';
import { RecordingContext } from '../helpers/recording-context.ts';

describe('unitSubset', () => {
  it('draws every unit up to the bound, and the first 16 beyond it', () => {
    expect(MAX_DRAWN_UNITS).toBe(16);
    expect(unitSubset(6)).toEqual({ drawn: 6, total: 6 });
    expect(unitSubset(16)).toEqual({ drawn: 16, total: 16 });
    expect(unitSubset(17)).toEqual({ drawn: 16, total: 17 });
    expect(unitSubset(1024)).toEqual({ drawn: 16, total: 1024 });
  });

  it('marks only a partial drawing, with the units drawn and the total', () => {
    expect(subsetMark(unitSubset(16), 'rows')).toBe('');
    expect(subsetSentence(unitSubset(16))).toBe('');
    expect(subsetMark(unitSubset(1024), 'rows')).toBe('rows 0 to 15 of 1,024');
    expect(subsetSentence(unitSubset(64))).toBe(' Only hidden units 0 to 15 of the 64 are drawn.');
  });

  it('views the first rows and columns of a matrix without changing its values', () => {
    const m = Matrix.fromRows([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const rows = firstRows(m, 2);
    expect([rows.rows, rows.cols, rows.get(1, 2)]).toEqual([2, 3, 6]);
    const columns = firstColumns(m, 1);
    expect([columns.rows, columns.cols, columns.get(2, 0)]).toEqual([3, 1, 7]);
    expect(firstRows(m, 10).rows).toBe(3);
  });
});

describe('the heights of the figures that draw one row, tile or node per hidden unit', () => {
  const heights: Record<string, (hidden: number) => number> = {
    'initial parameters': (h) => initialParametersLayout(h).height,
    'hidden weights': (h) => hiddenWeightsLayout(h).height,
    network: (h) => networkLayout(h).height,
    'animation frame': (h) => trainingFrameLayout(h, 24, 720).height,
    'explorer frame on a phone': (h) => trainingFrameLayout(h, 24, 343).height,
  };
  it.each(Object.keys(heights))(
    '%s: at most twice the height with 6 units, for any H up to 1,024',
    (name) => {
      const height = heights[name]!;
      for (const h of [1, 2, 6, 15, 16, 17, 64, 1024])
        expect(height(h), `H = ${h}`).toBeLessThanOrEqual(2 * height(6));
      // Beyond the bound the layout no longer changes.
      expect(height(1024)).toBe(height(MAX_DRAWN_UNITS + 1));
    },
  );
});

describe('the figures of a network of 1,024 hidden units', () => {
  const H = 1024;
  const settings = { ...DEFAULT_SETTINGS, hiddenUnits: H, iterations: 10 };
  const ids = [
    'initial-parameters',
    'hidden-weights',
    'network',
    'network-trained',
    'training-animation',
    'training-animation-still',
  ];
  let wide: Map<string, RenderedFigure>;
  let small: Map<string, RenderedFigure>;

  beforeAll(async () => {
    const figures = (await projectFigures()).filter(
      (f) => ids.includes(f.id) && f.scheme === 'light',
    );
    const drawFor = async (hiddenUnits: number) => {
      const runSettings = { ...settings, hiddenUnits };
      const record = train(runSettings, generateDatasets(runSettings.dataSeed));
      const rendered = await renderFigures(figures, sourcesOf(record, figures));
      return new Map(rendered.map((figure) => [figure.id, figure]));
    };
    wide = await drawFor(H);
    small = await drawFor(6);
  }, 120_000);

  it.each(ids)('%s says in its alt text which units it draws', (id) => {
    expect(wide.get(id)!.alt).toContain('Only hidden units 0 to 15 of the 1,024 are drawn.');
    expect(small.get(id)!.alt).not.toContain('are drawn');
  });

  it.each(ids)('%s is at most twice as tall as with 6 units', (id) => {
    expect(wide.get(id)!.height).toBeLessThanOrEqual(2 * small.get(id)!.height);
  });

  it.each([
    ['initial-parameters', ['rows 0 to 15 of 1,024', 'columns 0 to 15 of 1,024']],
    ['hidden-weights', ['showing units 0 to 15 of 1,024']],
    ['training-animation-still', ['16 of 1,024 hidden units', '1,024 \u00d7 9']],
  ])('%s marks the partial drawing on the figure, inside its width', async (id, marks) => {
    const loaded = (await projectFigures()).find((f) => f.id === id && f.scheme === 'light')!;
    const record = train(settings, generateDatasets(settings.dataSeed));
    const input = inputOf(loaded, record);
    if (loaded.definition.format !== 'png') throw new Error(`${id} is not a PNG figure`);
    registerFigureFonts();
    const measuring = createCanvas(8, 8).getContext('2d');
    const ctx = new RecordingContext((font, text) => {
      measuring.font = font;
      return measuring.measureText(text).width;
    });
    loaded.definition.draw(ctx, input);
    for (const mark of marks) {
      const found = ctx.texts.filter((t) => t.text.includes(mark));
      expect(found.length, `"${mark}" in ${id}`).toBeGreaterThan(0);
      for (const t of found)
        expect(t.x + t.width).toBeLessThanOrEqual(loaded.definition.displayWidth);
    }
  });

  it('marks the partial drawing on the network diagram', () => {
    const svg = wide.get('network')!.bytes.toString('utf8');
    expect(svg).toContain('units 0 to 15 of 1,024 drawn');
    // 9 inputs, 16 hidden units and 2 outputs; every drawn connection, not 11,264 of them.
    expect(svg.match(/<circle /g)).toHaveLength(9 + 16 + 2);
    expect(svg.match(/class="edge"/g)).toHaveLength(9 * 16 + 16 * 2);
  });
});
