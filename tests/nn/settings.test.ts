import { describe, expect, it } from 'vitest';
import { SettingsError } from '../../src/nn/errors.ts';
import { DEFAULT_SETTINGS, settingProblem, validateSettings } from '../../src/nn/settings.ts';

describe('DEFAULT_SETTINGS', () => {
  it("are the tutorial's settings", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      seed: 7,
      dataSeed: 2024,
      learningRate: 0.01,
      hiddenUnits: 6,
      init: 'xavier',
      iterations: 200,
      frameEvery: 5,
    });
  });
});

describe('validateSettings', () => {
  it('accepts complete settings and returns a copy', () => {
    const input = {
      seed: 1,
      dataSeed: 2,
      learningRate: 0.5,
      hiddenUnits: 1024,
      init: 'zeros',
      iterations: 100000,
      frameEvery: 1,
    };
    const settings = validateSettings(input, 'x.json');
    expect(settings).toEqual(input);
    expect(settings).not.toBe(input);
  });

  it('fills missing settings from the defaults', () => {
    expect(validateSettings({ learningRate: 0.05 })).toEqual({
      ...DEFAULT_SETTINGS,
      learningRate: 0.05,
    });
  });

  it('accepts seeds up to 2^53 - 1', () => {
    expect(validateSettings({ seed: 2 ** 53 - 1, dataSeed: 0 }).seed).toBe(9007199254740991);
  });

  const bad: { input: unknown; field: string; message: RegExp }[] = [
    { input: { seed: -1 }, field: 'seed', message: /integer from 0 to 2\^53 - 1, got -1/ }, // negative seed
    { input: { seed: 1.5 }, field: 'seed', message: /integer/ }, // fractional seed
    { input: { seed: 2 ** 53 }, field: 'seed', message: /2\^53 - 1/ }, // beyond exact integers
    { input: { dataSeed: '7' }, field: 'dataSeed', message: /must be a number, got "7"/ }, // a string, not a number
    {
      input: { learningRate: 0 },
      field: 'learningRate',
      message: /finite number greater than 0, got 0/,
    },
    { input: { learningRate: -0.1 }, field: 'learningRate', message: /greater than 0/ },
    { input: { learningRate: Infinity }, field: 'learningRate', message: /finite/ },
    { input: { learningRate: NaN }, field: 'learningRate', message: /finite/ },
    { input: { learningRate: null }, field: 'learningRate', message: /must be a number, got null/ },
    { input: { hiddenUnits: 0 }, field: 'hiddenUnits', message: /from 1 to 1024, got 0/ },
    { input: { hiddenUnits: 1025 }, field: 'hiddenUnits', message: /from 1 to 1024/ },
    { input: { hiddenUnits: 2.5 }, field: 'hiddenUnits', message: /integer/ },
    { input: { iterations: 0 }, field: 'iterations', message: /from 1 to 100000/ },
    { input: { iterations: 100001 }, field: 'iterations', message: /from 1 to 100000/ },
    { input: { frameEvery: 0 }, field: 'frameEvery', message: /integer from 1/ },
    { input: { frameEvery: 2.5 }, field: 'frameEvery', message: /integer/ },
    {
      input: { init: 'glorot' },
      field: 'init',
      message: /must be one of "xavier", "he", "zeros", "large", got "glorot"/,
    },
    { input: { init: 'He' }, field: 'init', message: /got "He"/ }, // names are lower case in files
    { input: { init: 0 }, field: 'init', message: /must be one of .*got 0$/ },
    { input: { learningrate: 0.1 }, field: 'learningrate', message: /is not a setting/ }, // a typo is an unknown key
    { input: [1, 2], field: '', message: /expected an object/ },
    { input: null, field: '', message: /expected an object/ },
  ];
  for (const { input, field, message } of bad) {
    it(`rejects ${JSON.stringify(input) ?? String(input)}, naming the source and the field`, () => {
      let error: unknown;
      try {
        validateSettings(input, 'content/experiment.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as SettingsError).field).toBe(field);
      expect((error as SettingsError).source).toBe('content/experiment.json');
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(
        field === ''
          ? /^content\/experiment\.json: /
          : new RegExp(`^content/experiment\\.json: "${field}" `),
      );
    });
  }
});

describe('settingProblem', () => {
  it('is null for a good value and a sentence for a bad one', () => {
    expect(settingProblem('hiddenUnits', 16)).toBeNull();
    expect(settingProblem('hiddenUnits', 0)).toBe('must be an integer from 1 to 1024, got 0');
  });
});
