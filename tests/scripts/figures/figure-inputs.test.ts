/**
 * The figures' declared reads, on which the cache keys rest, checked against what the figures
 * really do: changing a setting that a figure's key does not hold must leave its bytes and text
 * exactly as they were; every part of a run a setting changes must be keyed by it; reading an
 * undeclared input must fail, naming the figure and its module.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedFigure } from '../../../scripts/figures/figure-modules.ts';
import {
  keyedSettings,
  RECORD_PART_SETTINGS,
  recordView,
  UndeclaredInputError,
} from '../../../scripts/figures/record-view.ts';
import { type RenderedFigure, renderFigures } from '../../../scripts/figures/render.ts';
import type { RecordPart } from '../../../src/figures/figure-definition.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../../src/nn/settings.ts';
import { train } from '../../../src/nn/train.ts';
import type { RunRecord, Settings } from '../../../src/nn/types.ts';
import { projectFigures, sourcesOf } from '../../helpers/figures.ts';

function run(settings: Settings): RunRecord {
  return train(settings, generateDatasets(settings.dataSeed));
}

/** Another valid value for each setting. */
const CHANGED: Settings = {
  seed: 8,
  dataSeed: 2025,
  learningRate: 0.02,
  hiddenUnits: 5,
  init: 'he',
  iterations: 150,
  frameEvery: 7,
};

let base: RunRecord;
let figures: LoadedFigure[];
let baseFigures: Map<string, RenderedFigure>;

/** The figures among `ids` drawn from `record`. */
async function draw(record: RunRecord, ids: readonly string[]): Promise<RenderedFigure[]> {
  const chosen = figures.filter((f) => ids.includes(f.id));
  return renderFigures(chosen, sourcesOf(record, chosen));
}

beforeAll(async () => {
  base = run(DEFAULT_SETTINGS);
  figures = await projectFigures();
  baseFigures = new Map(
    (
      await draw(
        base,
        figures.map((f) => f.id),
      )
    ).map((f) => [f.id, f]),
  );
}, 60_000);

describe('a setting a figure’s key does not hold', () => {
  for (const key of SETTING_KEYS) {
    it(`(${key}) leaves the figures whose key does not hold it byte-identical, text included`, async () => {
      const record = run({ ...DEFAULT_SETTINGS, [key]: CHANGED[key] });
      const independent = figures.filter((f) => !keyedSettings(f.definition.reads).includes(key));
      for (const figure of await draw(
        record,
        independent.map((f) => f.id),
      )) {
        const before = baseFigures.get(figure.id)!;
        expect(figure.bytes.equals(before.bytes), `${figure.id} changed with ${key}`).toBe(true);
        expect([figure.alt, figure.caption], figure.id).toEqual([before.alt, before.caption]);
      }
      // The keys are not vacuous: some figure's key leaves out each setting.
      expect(independent.length).toBeGreaterThan(0);
    }, 60_000);
  }

  it('is not every setting: the declared ones do change their figures', async () => {
    // hiddenUnits is declared by the network diagram, learningRate by the loss curves.
    const [hidden] = await draw(run({ ...DEFAULT_SETTINGS, hiddenUnits: 3 }), ['network']);
    expect(hidden!.bytes.equals(baseFigures.get('network')!.bytes)).toBe(false);
    const [rate] = await draw(run({ ...DEFAULT_SETTINGS, learningRate: 0.02 }), ['loss-accuracy']);
    expect(rate!.bytes.equals(baseFigures.get('loss-accuracy')!.bytes)).toBe(false);
  }, 60_000);
});

describe('the settings a key holds for the parts of a run', () => {
  const PARTS = Object.keys(RECORD_PART_SETTINGS) as RecordPart[];
  /** A part of a run as comparable text (matrices as their entries). */
  const text = (record: RunRecord, part: RecordPart) =>
    JSON.stringify(record[part], (_, value) =>
      ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value,
    );

  for (const key of SETTING_KEYS) {
    it(`(${key}) include it for every part that changes with it`, () => {
      const record = run({ ...DEFAULT_SETTINGS, [key]: CHANGED[key] });
      const changed = PARTS.filter((part) => text(record, part) !== text(base, part));
      const keyed = PARTS.filter((part) => RECORD_PART_SETTINGS[part].includes(key));
      // Every part it changes is keyed by it (none could go stale); the comparison is not vacuous.
      expect(
        changed.filter((part) => !keyed.includes(part)),
        key,
      ).toEqual([]);
      expect(changed.length, key).toBeGreaterThan(0);
    });
  }

  it('go into the key of a figure that lists none of them', () => {
    expect(keyedSettings({ settings: [], record: ['history'] })).toEqual(
      SETTING_KEYS.filter((key) => key !== 'frameEvery'),
    );
    expect(keyedSettings({ settings: [], record: ['frames'] })).toEqual(SETTING_KEYS);
    // The first network does not depend on how it is trained: its figure is not redrawn for that.
    expect(keyedSettings({ settings: [], record: ['initial'] })).toEqual([
      'seed',
      'hiddenUnits',
      'init',
    ]);
    expect(keyedSettings({ settings: ['learningRate'], record: ['datasets'] })).toEqual([
      'dataSeed',
      'learningRate',
    ]);
  });
});

describe('the record view', () => {
  it('gives a figure the settings and record parts it declares', () => {
    const view = recordView(base, 'probe', { settings: ['hiddenUnits'], record: ['history'] });
    expect(view.settings.hiddenUnits).toBe(6);
    expect(view.history).toBe(base.history);
  });

  it('stops a figure that reads an undeclared setting or record part, naming both and its module', () => {
    const view = recordView(base, 'probe', { settings: ['hiddenUnits'], record: [] });
    expect(() => view.settings.learningRate).toThrow(UndeclaredInputError);
    expect(() => view.settings.learningRate).toThrow(/"probe" reads the setting learningRate/);
    expect(() => view.final).toThrow(/"probe" reads record\.final, .* content\/figures\/probe\.ts/);
    expect(() => view.datasets).toThrow(UndeclaredInputError);
  });

  it('says so when a declared trained part is asked of an untrained source', () => {
    const view = recordView({ settings: DEFAULT_SETTINGS, datasets: base.datasets }, 'probe', {
      settings: [],
      record: ['final'],
    });
    expect(() => view.final).toThrow(/not trained/);
  });
});
