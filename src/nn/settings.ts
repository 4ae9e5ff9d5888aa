/**
 * The experiment's settings: their defaults (the one place they are written down) and the
 * checks every setting passes, whether it comes from a JSON file, the command line or a form.
 */
import { SettingsError } from './errors.ts';
import { MAX_SEED } from './seed-sequence.ts';
import type { InitScheme, Settings } from './types.ts';

/** The tutorial's settings: seed 7, learning rate 0.01, 6 hidden units, Xavier initialisation, 200 iterations, a frame every 5. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  seed: 7,
  // Any fixed integer would do; 2024 is the year of the original tutorial.
  dataSeed: 2024,
  learningRate: 0.01,
  hiddenUnits: 6,
  init: 'xavier',
  iterations: 200,
  frameEvery: 5,
});

/** The names of the settings, in the order they are printed. */
export const SETTING_KEYS: readonly (keyof Settings)[] = [
  'seed',
  'dataSeed',
  'learningRate',
  'hiddenUnits',
  'init',
  'iterations',
  'frameEvery',
];

/** The initialisation schemes, the tutorial's first (see InitScheme for what each draws). */
const INIT_SCHEMES: readonly InitScheme[] = ['xavier', 'he', 'zeros', 'large'];

/** True when `value` names an initialisation scheme. */
export function isInitScheme(value: unknown): value is InitScheme {
  return INIT_SCHEMES.includes(value as InitScheme);
}

/** What a trained network depends on: every setting but frameEvery, which only picks the snapshots. */
export const TRAINED_RUN_SETTINGS: readonly (keyof Settings)[] = SETTING_KEYS.filter(
  (key) => key !== 'frameEvery',
);

/** The settings that are numbers. */
type NumberKey = Exclude<keyof Settings, 'init'>;

/** What each number accepts: integers within a range, or (learningRate) any finite number above 0. */
const RULES: Record<NumberKey, { integer: boolean; min: number; max: number }> = {
  seed: { integer: true, min: 0, max: MAX_SEED },
  dataSeed: { integer: true, min: 0, max: MAX_SEED },
  learningRate: { integer: false, min: 0, max: Infinity },
  hiddenUnits: { integer: true, min: 1, max: 1024 },
  iterations: { integer: true, min: 1, max: 100_000 },
  frameEvery: { integer: true, min: 1, max: 100_000 },
};

/** True when `key` names a setting. */
function isSettingKey(key: string): key is keyof Settings {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** What is wrong with `value` as the setting `key` (e.g. "must be an integer from 1 to 1024, got 0"), or null if it is fine. */
export function settingProblem(key: keyof Settings, value: unknown): string | null {
  // JSON.stringify shows strings quoted, so "7" (a string) is told apart from 7.
  const shown =
    typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  if (key === 'init') {
    return isInitScheme(value)
      ? null
      : `must be one of ${INIT_SCHEMES.map((name) => `"${name}"`).join(', ')}, got ${shown}`;
  }
  const rule = RULES[key];
  if (typeof value !== 'number') return `must be a number, got ${shown}`;
  if (!rule.integer) {
    // The learning rate: any finite number strictly above 0.
    return Number.isFinite(value) && value > rule.min
      ? null
      : `must be a finite number greater than 0, got ${shown}`;
  }
  const range =
    rule.max === MAX_SEED ? `from ${rule.min} to 2^53 - 1` : `from ${rule.min} to ${rule.max}`;
  return Number.isInteger(value) && value >= rule.min && value <= rule.max
    ? null
    : `must be an integer ${range}, got ${shown}`;
}

/**
 * Checks an untrusted object (parsed JSON, say) and returns complete settings: missing keys take
 * their DEFAULT_SETTINGS value; an unknown key or a bad value throws a SettingsError naming
 * `source` and the field.
 */
export function validateSettings(input: unknown, source = 'settings'): Settings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SettingsError(
      source,
      '',
      `expected an object with the keys ${SETTING_KEYS.join(', ')}`,
    );
  }
  for (const key of Object.keys(input)) {
    if (!isSettingKey(key))
      throw new SettingsError(
        source,
        key,
        `is not a setting (the settings are ${SETTING_KEYS.join(', ')})`,
      );
  }
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(input, key)) continue;
    const value: unknown = (input as Record<string, unknown>)[key];
    const problem = settingProblem(key, value);
    if (problem !== null) throw new SettingsError(source, key, problem);
    Object.assign(settings, { [key]: value });
  }
  return settings;
}
