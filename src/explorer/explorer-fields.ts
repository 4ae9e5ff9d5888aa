/**
 * The six settings a reader can change in the training explorer, with the limits the browser
 * accepts and the message shown beside a field whose text is not an acceptable value.
 * Pure: text in, a value or a message out.
 */
import { DECIMAL_NUMBER } from '../nn/decimal-number.ts';
import { MAX_SEED } from '../nn/seed-sequence.ts';
import { isInitScheme } from '../nn/settings.ts';
import type { InitScheme, Settings } from '../nn/types.ts';

/** A setting the explorer's form offers. */
export type ExplorerKey =
  | 'learningRate'
  | 'hiddenUnits'
  | 'init'
  | 'iterations'
  | 'seed'
  | 'dataSeed';

/** The explorer's settings: the part of Settings a reader can change. */
export type ExplorerValues = Pick<Settings, ExplorerKey>;

/** What every form field has: its setting, the URL query parameter that carries it (?lr=0.05&init=he) and its label. */
interface FieldBase {
  key: ExplorerKey;
  param: string;
  label: string;
}

/** A number typed into a text field. */
interface NumberField extends FieldBase {
  kind: 'number';
  key: Exclude<ExplorerKey, 'init'>;
  integer: boolean;
  /** Inclusive bounds for integers; for the learning rate, values must be above `min`. */
  min: number;
  max: number;
}

/** One of a few named values, picked from a list. */
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  key: 'init';
  /** Each value with its name ("He") and what it means ("variance 2/n"), shown together in the list. */
  choices: readonly { value: InitScheme; name: string; detail: string }[];
}

/** How one form field reads, checks and names its setting. */
export type ExplorerField = NumberField | ChoiceField;

/** The initialisation schemes as the form lists them. */
export const INIT_CHOICES: ChoiceField['choices'] = [
  { value: 'xavier', name: 'Xavier', detail: 'variance 1/n' },
  { value: 'he', name: 'He', detail: 'variance 2/n' },
  { value: 'zeros', name: 'Zeros', detail: 'every weight 0' },
  { value: 'large', name: 'Large', detail: '10 × Xavier' },
];

/** The form's fields in display order. Hidden units stop at 16 and iterations at 2000 so a run stays quick and its frame legible. */
export const EXPLORER_FIELDS: readonly ExplorerField[] = [
  {
    kind: 'number',
    key: 'learningRate',
    param: 'lr',
    label: 'Learning rate',
    integer: false,
    min: 0,
    max: Infinity,
  },
  {
    kind: 'number',
    key: 'hiddenUnits',
    param: 'hidden',
    label: 'Hidden units',
    integer: true,
    min: 1,
    max: 16,
  },
  { kind: 'choice', key: 'init', param: 'init', label: 'Initial weights', choices: INIT_CHOICES },
  {
    kind: 'number',
    key: 'iterations',
    param: 'iterations',
    label: 'Iterations',
    integer: true,
    min: 1,
    max: 2000,
  },
  {
    kind: 'number',
    key: 'seed',
    param: 'seed',
    label: 'Weight seed',
    integer: true,
    min: 0,
    max: MAX_SEED,
  },
  {
    kind: 'number',
    key: 'dataSeed',
    param: 'data',
    label: 'Data seed',
    integer: true,
    min: 0,
    max: MAX_SEED,
  },
];

/** The outcome of reading one field: its value, or a sentence saying what to type instead. */
export type FieldReading =
  | { ok: true; value: ExplorerValues[ExplorerKey] }
  | { ok: false; message: string };

/** Reads the text of `field` (from the form or the URL) as its value, or says why it cannot be used. */
export function readField(field: ExplorerField, text: string): FieldReading {
  return field.kind === 'choice' ? readChoice(field, text) : readNumber(field, text);
}

/** `values` with `field` set to `value` (a value readField gave for that field). */
export function withField(
  values: Readonly<ExplorerValues>,
  field: ExplorerField,
  value: ExplorerValues[ExplorerKey],
): ExplorerValues {
  return { ...values, [field.key]: value };
}

/** The text of a choice in the list: "He (variance 2/n)". */
export function choiceLabel(choice: ChoiceField['choices'][number]): string {
  return `${choice.name} (${choice.detail})`;
}

/** Reads a scheme's name, as the URL carries it (?init=he). */
function readChoice(field: ChoiceField, text: string): FieldReading {
  const name = text.trim().toLowerCase();
  if (isInitScheme(name)) return { ok: true, value: name };
  const names = field.choices.map((choice) => choice.value).join(', ');
  return name === ''
    ? { ok: false, message: `Choose one of ${names}.` }
    : { ok: false, message: `“${shorten(name)}” is not one of ${names}.` };
}

/** Reads a number field's text as its number. */
function readNumber(field: NumberField, text: string): FieldReading {
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

/** The text a field shows for a value: for numbers, the shortest text that reads back as the same double. */
export function fieldText(value: ExplorerValues[ExplorerKey]): string {
  return String(value);
}

/** The text each field shows for `values`. */
export function fieldTexts(values: Readonly<ExplorerValues>): Record<ExplorerKey, string> {
  return Object.fromEntries(
    EXPLORER_FIELDS.map((field) => [field.key, fieldText(values[field.key])]),
  ) as Record<ExplorerKey, string>;
}

/** Whether two sets of explorer settings are the same run: every field equal. */
export function sameSettings(a: Readonly<ExplorerValues>, b: Readonly<ExplorerValues>): boolean {
  return EXPLORER_FIELDS.every((field) => a[field.key] === b[field.key]);
}

/** The explorer's six settings picked out of full settings. */
export function explorerValues(settings: Settings): ExplorerValues {
  return {
    learningRate: settings.learningRate,
    hiddenUnits: settings.hiddenUnits,
    init: settings.init,
    iterations: settings.iterations,
    seed: settings.seed,
    dataSeed: settings.dataSeed,
  };
}

/**
 * Why the explorer cannot train the run of an experiment (none when it can): a value out of its
 * fields' ranges ("hidden units 1024: Must be a whole number from 1 to 16."). frameEvery only
 * picks snapshots: the explorer keeps its own; and images of the experiment's own (CSV files)
 * it reads from the site.
 */
export function explorerProblems(settings: Settings): string[] {
  const values = explorerValues(settings);
  const problems: string[] = [];
  for (const field of EXPLORER_FIELDS) {
    const reading = readField(field, fieldText(values[field.key]));
    if (!reading.ok)
      problems.push(
        `${field.label.toLowerCase()} ${fieldText(values[field.key])}: ${reading.message}`,
      );
  }
  return problems;
}

/**
 * Whose run an explorer starts from, as its text names it: "tutorial" for the tutorial's
 * experiment, "experiment" for any other (on that experiment's page, "the experiment" is it).
 */
export type Whose = 'tutorial' | 'experiment';

/** The run an explorer starts from: its six settings and whose they are. */
export interface StartRun {
  values: ExplorerValues;
  whose: Whose;
}

/**
 * The hint under a field, with the value of the run the explorer starts from: "1 to 16
 * (tutorial: 6)", "Above 0 (tutorial: 0.01)", "Tutorial: Xavier"; "1 to 16 (experiment: 3)".
 */
export function fieldHint(
  field: ExplorerField,
  startValue: ExplorerValues[ExplorerKey],
  whose: Whose = 'tutorial',
): string {
  if (field.kind === 'choice') {
    const choice = field.choices.find((c) => c.value === startValue);
    return `${whose.charAt(0).toUpperCase()}${whose.slice(1)}: ${choice?.name ?? String(startValue)}`;
  }
  const accepts = field.integer ? `${field.min} to ${maxText(field)}` : `Above ${field.min}`;
  return `${accepts} (${whose}: ${fieldText(startValue)})`;
}

/** "from 1 to 16"; for seeds "from 0 to 2⁵³ − 1". */
function range(field: NumberField): string {
  return `from ${field.min} to ${maxText(field)}`;
}

/** A field's upper limit as text: the seed's is written as a power of two. */
function maxText(field: NumberField): string {
  return field.max === MAX_SEED ? '2⁵³\u00a0−\u00a01' : String(field.max);
}

/** Keeps a pasted essay out of the message. */
function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
