/** Parsing the text of a JSON file the author wrote, with the line and column of a syntax error. */
import { SettingsError } from '../../src/nn/errors.ts';
import { findJsonSyntaxError } from './json-syntax.ts';

/** The JSON value in `text` (a byte-order mark is fine); bad JSON is a SettingsError naming `source`, the line and the column. */
export function parseJsonFile(text: string, source: string): unknown {
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (error) {
    const where = findJsonSyntaxError(json);
    const detail =
      where === null
        ? (error as Error).message
        : `line ${where.line}, column ${where.column}: ${where.message}`;
    throw new SettingsError(source, '', `not valid JSON: ${detail}`);
  }
}
