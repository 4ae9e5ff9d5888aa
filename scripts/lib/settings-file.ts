/** Reading the experiment's settings from a JSON file (content/experiment.json). */
import { readFileSync } from 'node:fs';
import { SettingsError } from '../../src/nn/errors.ts';
import { validateSettings } from '../../src/nn/settings.ts';
import type { Settings } from '../../src/nn/types.ts';
import { fileProblem } from './file-problem.ts';
import { findJsonSyntaxError } from './json-syntax.ts';

/** The settings in the JSON file at `path`; a missing file, bad JSON (with its line and column) or a bad setting is a SettingsError naming the file. */
export function loadSettingsFile(path: string): Settings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(path, '', fileProblem(error));
  }
  text = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const where = findJsonSyntaxError(text);
    const detail =
      where === null
        ? (error as Error).message
        : `line ${where.line}, column ${where.column}: ${where.message}`;
    throw new SettingsError(path, '', `not valid JSON: ${detail}`);
  }
  return validateSettings(json, path);
}
