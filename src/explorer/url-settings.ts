/**
 * The explorer's settings in the page's URL query (?lr=0.05&hidden=8&init=he&iterations=300&seed=3&data=2024,
 * with images=NAME when the run trains on an experiment's own images), so a shared link
 * reproduces a run. Pure: query strings in, values and messages out, and back.
 */
import {
  EXPLORER_FIELDS,
  type ExplorerKey,
  type ExplorerValues,
  fieldText,
  fieldTexts,
  readField,
  withField,
} from './explorer-fields.ts';

/** What a query string says about the explorer's settings. */
export interface QuerySettings {
  /** The text of every field: the query's where it has the parameter, else the fallback's. */
  texts: Record<ExplorerKey, string>;
  /** Every value that reads well: the query's where it has a good one, else the fallback's. */
  values: ExplorerValues;
  /** A message for each parameter whose text is not an acceptable value. */
  problems: Partial<Record<ExplorerKey, string>>;
  /** True when the query carries at least one of the explorer's parameters. */
  present: boolean;
}

/** Reads the explorer's parameters from `search` ("?lr=0.05&seed=3" or without "?"); absent ones take `fallback`'s values. */
export function settingsFromQuery(
  search: string,
  fallback: Readonly<ExplorerValues>,
): QuerySettings {
  const query = new URLSearchParams(search);
  const result: QuerySettings = {
    texts: fieldTexts(fallback),
    values: { ...fallback },
    problems: {},
    present: false,
  };
  for (const field of EXPLORER_FIELDS) {
    const text = query.get(field.param);
    if (text === null) continue;
    result.present = true;
    result.texts[field.key] = text;
    const reading = readField(field, text);
    if (reading.ok) result.values = withField(result.values, field, reading.value);
    else result.problems[field.key] = reading.message;
  }
  return result;
}

/**
 * `search` with the explorer's parameters set to `values` (or removed when `values` is null),
 * other parameters kept in place: the query part to give history.replaceState, "" or "?...".
 */
export function queryWithSettings(search: string, values: Readonly<ExplorerValues> | null): string {
  const query = new URLSearchParams(search);
  for (const field of EXPLORER_FIELDS) {
    if (values === null) query.delete(field.param);
    else query.set(field.param, fieldText(values[field.key]));
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** The query parameter that names the experiment whose own images (CSV files) a run trains on. */
const IMAGES_PARAM = 'images';

/** The experiment `search` asks for the images of (?images=NAME), or null when it asks for none. */
export function imagesFromQuery(search: string): string | null {
  const name = new URLSearchParams(search).get(IMAGES_PARAM);
  return name === null || name === '' ? null : name;
}

/** `search` asking for the images of experiment `experiment` (or for none when it is null), other parameters kept. */
export function queryWithImages(search: string, experiment: string | null): string {
  const query = new URLSearchParams(search);
  if (experiment === null) query.delete(IMAGES_PARAM);
  else query.set(IMAGES_PARAM, experiment);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
