import { describe, expect, it } from 'vitest';
import {
  EXPLORER_FIELDS,
  type ExplorerField,
  type ExplorerKey,
  type ExplorerValues,
  explorerProblems,
  explorerValues,
  fieldHint,
  fieldText,
  fieldTexts,
  readField,
  sameSettings,
} from '../../src/explorer/explorer-fields.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';

function field(key: ExplorerKey): ExplorerField {
  const found = EXPLORER_FIELDS.find((f) => f.key === key);
  if (found === undefined) throw new Error(`no field ${key}`);
  return found;
}

describe('readField', () => {
  // [field, text typed or found in the URL, the value expected, or null when it must be refused]
  const cases: [ExplorerKey, string, number | string | null][] = [
    ['learningRate', '0.01', 0.01], // the tutorial's rate
    ['learningRate', ' 0.05 ', 0.05], // spaces around are forgiven
    ['learningRate', '.5', 0.5], // no leading zero
    ['learningRate', '1e-3', 0.001], // an exponent
    ['learningRate', '1000', 1000], // large but finite: accepted (training may then diverge)
    ['learningRate', '0', null], // must be above 0
    ['learningRate', '-0.1', null], // negative
    ['learningRate', '', null], // empty
    ['learningRate', 'abc', null], // not a number
    ['learningRate', '0x10', null], // Number() would read 16
    ['learningRate', 'Infinity', null], // not a plain decimal
    ['learningRate', '1e999', null], // overflows to Infinity
    ['hiddenUnits', '1', 1], // the smallest layer
    ['hiddenUnits', '16', 16], // the largest the explorer offers
    ['hiddenUnits', '16.0', 16], // a whole number written with a point
    ['hiddenUnits', '0', null], // below range
    ['hiddenUnits', '17', null], // above range
    ['hiddenUnits', '2.5', null], // not whole
    ['iterations', '1', 1], // one update
    ['iterations', '2000', 2000], // the cap
    ['iterations', '2001', null], // over the cap
    ['iterations', '1_000', null], // separators are not numbers
    ['seed', '0', 0], // seeds start at 0
    ['seed', '9007199254740991', 9007199254740991], // 2^53 - 1, the largest exact seed
    ['seed', '9007199254740992', null], // 2^53: a double cannot tell it from 2^53 + 1
    ['seed', '-1', null], // negative
    ['seed', '3.5', null], // not whole
    ['init', 'xavier', 'xavier'], // the tutorial's scheme
    ['init', 'he', 'he'],
    ['init', 'zeros', 'zeros'],
    ['init', ' Large ', 'large'], // a hand-typed URL: spaces and capitals forgiven
    ['init', 'glorot', null], // not one of the four
    ['init', '', null], // nothing chosen
    ['init', '0', null], // not a number field
  ];
  it.each(cases)('%s "%s" -> %s', (key, text, expected) => {
    const reading = readField(field(key), text);
    if (expected === null) {
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.message.length).toBeGreaterThan(10);
    } else {
      expect(reading).toEqual({ ok: true, value: expected });
    }
  });

  it('says what range a whole-number field accepts', () => {
    const reading = readField(field('hiddenUnits'), '17');
    expect(reading.ok ? '' : reading.message).toContain('from 1 to 16');
  });

  it('names the schemes a choice accepts', () => {
    const reading = readField(field('init'), 'glorot');
    expect(reading.ok ? '' : reading.message).toBe(
      '“glorot” is not one of xavier, he, zeros, large.',
    );
  });

  it('quotes the text that is not a number, shortened when long', () => {
    const reading = readField(field('seed'), 'x'.repeat(100));
    const message = reading.ok ? '' : reading.message;
    expect(message).toContain('x'.repeat(23));
    expect(message).not.toContain('x'.repeat(24));
  });
});

describe('fieldText', () => {
  it('writes text that reads back as the very same double', () => {
    for (const value of [0.01, 0.1 + 0.2, 1e-7, 123456.789, 9007199254740991]) {
      expect(Number(fieldText(value))).toBe(value);
    }
  });
});

describe('explorerValues', () => {
  it('picks the six settings the form offers', () => {
    const values = explorerValues({
      seed: 3,
      dataSeed: 99,
      learningRate: 0.2,
      hiddenUnits: 4,
      init: 'he',
      iterations: 50,
      frameEvery: 5,
    });
    expect(values).toEqual({
      learningRate: 0.2,
      hiddenUnits: 4,
      init: 'he',
      iterations: 50,
      seed: 3,
      dataSeed: 99,
    });
  });
});

describe('fieldHint', () => {
  // Each case: a field's key, the tutorial's value, and the hint the form shows under the field.
  const cases: [string, ExplorerValues[ExplorerKey], string][] = [
    ['learningRate', 0.01, 'Above 0 (tutorial: 0.01)'],
    ['init', 'xavier', 'Tutorial: Xavier'],
    ['hiddenUnits', 6, '1 to 16 (tutorial: 6)'],
    ['iterations', 200, '1 to 2000 (tutorial: 200)'],
    ['seed', 7, '0 to 2⁵³\u00a0−\u00a01 (tutorial: 7)'],
    ['dataSeed', 2024, '0 to 2⁵³\u00a0−\u00a01 (tutorial: 2024)'],
  ];
  for (const [key, value, hint] of cases) {
    it(`says what ${key} accepts, from its definition`, () => {
      const field = EXPLORER_FIELDS.find((f) => f.key === key)!;
      expect(fieldHint(field, value)).toBe(hint);
    });
  }

  it('names another experiment’s run as "experiment"', () => {
    const field = (key: string) => EXPLORER_FIELDS.find((f) => f.key === key)!;
    expect(fieldHint(field('hiddenUnits'), 3, 'experiment')).toBe('1 to 16 (experiment: 3)');
    expect(fieldHint(field('init'), 'he', 'experiment')).toBe('Experiment: He');
  });
});

describe('explorerProblems', () => {
  it('finds none for a run the explorer can train, and each thing it cannot', () => {
    expect(explorerProblems(DEFAULT_SETTINGS)).toEqual([]);
    // frameEvery only picks snapshots, and the images come from any data seed: neither stops it.
    const sparse = { ...DEFAULT_SETTINGS, frameEvery: 50, dataSeed: 1 };
    expect(explorerProblems(sparse)).toEqual([]);
    const wide = { ...DEFAULT_SETTINGS, hiddenUnits: 64, iterations: 5000 };
    expect(explorerProblems(wide)).toEqual([
      'hidden units 64: Must be a whole number from 1 to 16.',
      'iterations 5000: Must be a whole number from 1 to 2000.',
    ]);
  });
});

describe('sameSettings', () => {
  it('compares settings field by field', () => {
    const a = explorerValues(DEFAULT_SETTINGS);
    expect(sameSettings(a, { ...a })).toBe(true);
    expect(sameSettings(a, { ...a, seed: 8 })).toBe(false);
    expect(sameSettings(a, { ...a, dataSeed: 2025 })).toBe(false);
    expect(sameSettings(a, { ...a, init: 'he' })).toBe(false);
  });
});

describe('fieldTexts', () => {
  it('gives every field its text', () => {
    const values = explorerValues({ ...DEFAULT_SETTINGS, learningRate: 0.1 + 0.2, dataSeed: 5 });
    expect(fieldTexts(values)).toEqual({
      learningRate: '0.30000000000000004',
      hiddenUnits: String(DEFAULT_SETTINGS.hiddenUnits),
      init: DEFAULT_SETTINGS.init,
      iterations: String(DEFAULT_SETTINGS.iterations),
      seed: String(DEFAULT_SETTINGS.seed),
      dataSeed: '5',
    });
  });
});
