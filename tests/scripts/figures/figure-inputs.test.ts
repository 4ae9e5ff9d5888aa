/**
 * The figures' declared inputs (FigureInputs in the catalogue), on which the cache keys rest,
 * checked against what the figures really do: changing a setting a figure does not declare must
 * leave its bytes and text exactly as they were; reading an undeclared input must fail; every
 * drawing module the catalogue uses must be declared by some figure.
 */
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSourceReader, followImports } from '../../../scripts/figures/import-graph.ts';
import { recordView, UndeclaredInputError } from '../../../scripts/figures/record-view.ts';
import { type RenderedFigure, renderFigures } from '../../../scripts/figures/render.ts';
import { type FigureDefinition, figureCatalogue } from '../../../src/figures/figure-catalogue.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../../src/nn/settings.ts';
import { train } from '../../../src/nn/train.ts';
import type { RunRecord, Settings } from '../../../src/nn/types.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';

function run(settings: Settings): RunRecord {
  return train(settings, generateDatasets(settings.dataSeed));
}

/** Another valid value for each setting. */
const CHANGED: Settings = {
  seed: 8,
  dataSeed: 2025,
  learningRate: 0.02,
  hiddenUnits: 5,
  iterations: 150,
  frameEvery: 7,
};

let base: RunRecord;
let baseFigures: Map<string, RenderedFigure>;

beforeAll(async () => {
  base = run(DEFAULT_SETTINGS);
  baseFigures = new Map((await renderFigures(base)).map((f) => [f.id, f]));
}, 60_000);

describe('a setting a figure does not declare', () => {
  for (const key of SETTING_KEYS) {
    it(`(${key}) leaves the figures that do not declare it byte-identical, text included`, async () => {
      const record = run({ ...DEFAULT_SETTINGS, [key]: CHANGED[key] });
      const independent = figureCatalogue(record).filter((f) => !f.inputs.settings.includes(key));
      const figures = await renderFigures(record, new Set(independent.map((f) => f.id)));
      for (const figure of figures) {
        const before = baseFigures.get(figure.id)!;
        expect(figure.bytes.equals(before.bytes), `${figure.id} changed with ${key}`).toBe(true);
        expect([figure.alt, figure.caption], figure.id).toEqual([before.alt, before.caption]);
      }
      // The declarations are not vacuous: some figure does not declare each setting but the animation's.
      if (key !== 'frameEvery') expect(independent.length).toBeGreaterThan(0);
    }, 60_000);
  }

  it('is not every setting: the declared ones do change their figures', async () => {
    // hiddenUnits is declared by the network diagram, learningRate by the loss curves.
    const hidden = await renderFigures(
      run({ ...DEFAULT_SETTINGS, hiddenUnits: 3 }),
      new Set(['network']),
    );
    expect(hidden[0]!.bytes.equals(baseFigures.get('network')!.bytes)).toBe(false);
    const rate = await renderFigures(
      run({ ...DEFAULT_SETTINGS, learningRate: 0.02 }),
      new Set(['loss-accuracy']),
    );
    expect(rate[0]!.bytes.equals(baseFigures.get('loss-accuracy')!.bytes)).toBe(false);
  }, 60_000);
});

describe('the record view', () => {
  const figure = (inputs: FigureDefinition['inputs']) => ({ id: 'probe', inputs });
  it('gives a figure the settings and record parts it declares', () => {
    const probe = figure({ draw: [], text: [], settings: ['hiddenUnits'], record: ['history'] });
    const view = recordView(base, probe.id, probe.inputs);
    expect(view.settings.hiddenUnits).toBe(6);
    expect(view.history).toBe(base.history);
  });

  it('stops a figure that reads an undeclared setting or record part, naming both', () => {
    const probe = figure({ draw: [], text: [], settings: ['hiddenUnits'], record: [] });
    const view = recordView(base, probe.id, probe.inputs);
    expect(() => view.settings.learningRate).toThrow(UndeclaredInputError);
    expect(() => view.settings.learningRate).toThrow(/"probe" reads the setting learningRate/);
    expect(() => view.final).toThrow(/"probe" reads record\.final/);
    expect(() => view.datasets).toThrow(UndeclaredInputError);
  });

  it('says so when a declared trained part is asked of an untrained source', () => {
    const probe = figure({ draw: [], text: [], settings: [], record: ['final'] });
    const view = recordView(
      { settings: DEFAULT_SETTINGS, datasets: base.datasets },
      probe.id,
      probe.inputs,
    );
    expect(() => view.final).toThrow(/not trained/);
  });
});

describe('the drawing modules', () => {
  it('that the catalogue imports from src/figures are each declared by some figure, or used by what they declare', () => {
    const catalogue = join(PROJECT_ROOT, 'src/figures/figure-catalogue.ts');
    const reader = createSourceReader();
    const imported = reader
      .imports(catalogue)
      .filter((r) => !r.typeOnly && r.specifier.startsWith('./'))
      .map((r) => join(dirname(catalogue), r.specifier));
    const declaredModules = figureCatalogue(base).flatMap((f) => [
      ...f.inputs.draw,
      ...f.inputs.text,
    ]);
    const declared = new Set(
      followImports(
        declaredModules.map((m) => join(dirname(catalogue), m)),
        reader,
      ),
    );
    expect(imported.length).toBeGreaterThan(5);
    for (const file of imported) expect(declared, file).toContain(file);
  });
});
