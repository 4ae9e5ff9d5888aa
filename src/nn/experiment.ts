/**
 * An experiment: a named training run, written as content/experiments/NAME.json. It gives all seven
 * settings, and optionally CSV files to train and validate on instead of the generated images.
 * Pure: JSON in, an experiment or a SettingsError naming the file and the field out.
 */
import { SettingsError } from './errors.ts';
import { SETTING_KEYS, validateSettings } from './settings.ts';
import type { Settings } from './types.ts';

/** A named run: its settings and where its data comes from. */
export interface Experiment {
  /** The file's name without .json, e.g. "lr-0.05"; pages name experiments by it. */
  name: string;
  /** A short title, a note for readers of the file (the site does not show it); the name when the file gives none. */
  title: string;
  settings: Settings;
  /** A CSV file to train on, relative to content/ (null: generated from dataSeed). */
  train: string | null;
  /** CSV files to validate on, relative to content/ (empty: generated from dataSeed). */
  valid: string[];
  /** The file says "expect": "divergence": the loss is meant to overflow, and training to the end is the error. */
  expectDivergence: boolean;
}

/** The experiment the tutorial page reads when a component names none. */
export const TUTORIAL_EXPERIMENT = 'tutorial';

/** Experiment names: lower-case letters, digits, dots and hyphens, starting with a letter or digit. */
const EXPERIMENT_NAME = /^[a-z0-9][a-z0-9.-]*$/;

/** The keys an experiment file may hold besides the settings. */
const OTHER_KEYS = ['title', 'train', 'valid', 'expect'] as const;

/** Checks untrusted JSON as the experiment `name` from `source`; every setting must be given. */
export function validateExperiment(json: unknown, name: string, source: string): Experiment {
  if (!EXPERIMENT_NAME.test(name)) {
    throw new SettingsError(
      source,
      '',
      `"${name}" is not an experiment name: use lower-case letters, digits, dots and hyphens`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SettingsError(source, '', 'expected an object with the seven settings');
  }
  const record = json as Record<string, unknown>;
  const known: readonly string[] = [...SETTING_KEYS, ...OTHER_KEYS];
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      throw new SettingsError(source, key, `is not a key of an experiment (${known.join(', ')})`);
    }
  }
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(record, key)) {
      throw new SettingsError(source, key, 'is missing: an experiment gives all seven settings');
    }
  }
  const settings = validateSettings(
    Object.fromEntries(SETTING_KEYS.map((key) => [key, record[key]])),
    source,
  );
  return {
    name,
    title: optionalText(record, 'title', source) ?? name,
    settings,
    train: optionalText(record, 'train', source),
    valid: textList(record, 'valid', source),
    expectDivergence: expectsDivergence(record, source),
  };
}

/** record[key] as a non-empty string, or null when absent. */
function optionalText(record: Record<string, unknown>, key: string, source: string): string | null {
  const value = record[key];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SettingsError(
      source,
      key,
      `must be a non-empty string, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** record[key] as a list of non-empty strings ([] when absent). */
function textList(record: Record<string, unknown>, key: string, source: string): string[] {
  const value = record[key];
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((v) => typeof v !== 'string' || v === '')
  ) {
    throw new SettingsError(
      source,
      key,
      `must be a list of file names, got ${JSON.stringify(value)}`,
    );
  }
  return value as string[];
}

/** Whether the file says "expect": "divergence" (the only outcome an experiment can declare). */
function expectsDivergence(record: Record<string, unknown>, source: string): boolean {
  const value = record.expect;
  if (value === undefined) return false;
  if (value !== 'divergence') {
    throw new SettingsError(
      source,
      'expect',
      `must be "divergence" (for a run whose loss is meant to overflow), got ${JSON.stringify(value)}`,
    );
  }
  return true;
}
