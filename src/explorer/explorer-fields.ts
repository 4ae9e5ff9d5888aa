/**
 * The four settings a reader can change in the training explorer, with the limits the browser
 * accepts and the message shown beside a field whose text is not an acceptable value.
 * Pure: text in, a number or a message out.
 */
import { DECIMAL_NUMBER } from '../nn/decimal-number.ts';
import { MAX_SEED } from '../nn/rng.ts';
import type { Settings } from '../nn/types.ts';

/** A setting the explorer's form offers. */
export type ExplorerKey = 'learningRate' | 'hiddenUnits' | 'iterations' | 'seed';

/** How one form field reads, checks and names its setting. */
export interface ExplorerField {
  key: ExplorerKey;
  /** The URL query parameter that carries it (?lr=0.05&hidden=8&iterations=300&seed=3). */
  param: string;
  /** The form label. */
  label: string;
  integer: boolean;
  /** Inclusive bounds for integers; for the learning rate, values must be above `min`. */
  min: number;
  max: number;
}

/** The form's fields in display order. Hidden units stop at 16 and iterations at 2000 so a run stays quick and its frame legible. */
export const EXPLORER_FIELDS: readonly ExplorerField[] = [
  {
    key: 'learningRate',
    param: 'lr',
    label: 'Learning rate',
    integer: false,
    min: 0,
    max: Infinity,
  },
  { key: 'hiddenUnits', param: 'hidden', label: 'Hidden units', integer: true, min: 1, max: 16 },
  { key: 'iterations', param: 'iterations', label: 'Iterations', integer: true, min: 1, max: 2000 },
  { key: 'seed', param: 'seed', label: 'Seed', integer: true, min: 0, max: MAX_SEED },
];

/** The outcome of reading one field: its value, or a sentence saying what to type instead. */
export type FieldReading = { ok: true; value: number } | { ok: false; message: string };

/** Reads the text of `field` (from the form or the URL) as its number, or says why it cannot be used. */
export function readField(field: ExplorerField, text: string): FieldReading {
  const trimmed = text.trim();
  const what = field.integer ? `a whole number ${range(field)}` : 'a number above 0, such as 0.01';
  if (trimmed === '') return { ok: false, message: `Enter ${what}.` };
  if (!DECIMAL_NUMBER.test(trimmed))
    return { ok: false, message: `“${shorten(trimmed)}” is not a number. Enter ${what}.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `Too large. Enter ${what}.` };
  if (!field.integer)
    return value > field.min
      ? { ok: true, value }
      : { ok: false, message: 'Must be above 0, such as 0.01.' };
  // Number.isSafeInteger also refuses 2^53 and above: there a double would silently round the text.
  const fits = Number.isSafeInteger(value) && value >= field.min && value <= field.max;
  return fits
    ? { ok: true, value }
    : { ok: false, message: `Must be a whole number ${range(field)}.` };
}

/** The text a field shows for a value: the shortest text that reads back as the same double. */
export function fieldText(value: number): string {
  return String(value);
}

/** The explorer's four settings picked out of full settings. */
export function explorerValues(settings: Settings): Record<ExplorerKey, number> {
  return {
    learningRate: settings.learningRate,
    hiddenUnits: settings.hiddenUnits,
    iterations: settings.iterations,
    seed: settings.seed,
  };
}

/** The hint under a field, from its limits: "1 to 16 (tutorial: 6)", "Above 0 (tutorial: 0.01)". */
export function fieldHint(field: ExplorerField, tutorialValue: number): string {
  const accepts = field.integer ? `${field.min} to ${maxText(field)}` : `Above ${field.min}`;
  return `${accepts} (tutorial: ${fieldText(tutorialValue)})`;
}

/** "from 1 to 16"; for seeds "from 0 to 2⁵³ − 1". */
function range(field: ExplorerField): string {
  return `from ${field.min} to ${maxText(field)}`;
}

/** A field's upper limit as text: the seed's is written as a power of two. */
function maxText(field: ExplorerField): string {
  return field.max === MAX_SEED ? '2⁵³\u00a0−\u00a01' : String(field.max);
}

/** Keeps a pasted essay out of the message. */
function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
