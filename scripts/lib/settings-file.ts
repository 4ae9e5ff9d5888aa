/** Reading settings from a JSON file (`npm run train -- --config FILE`). */
import { readFileSync } from 'node:fs';
import { SettingsError } from '../../src/nn/errors.ts';
import { validateSettings } from '../../src/nn/settings.ts';
import type { Settings } from '../../src/nn/types.ts';
import { fileProblem } from './file-problem.ts';
import { parseJsonFile } from './json-file.ts';

/** The settings in the JSON file at `path`; a missing file, bad JSON (with its line and column) or a bad setting is a SettingsError naming the file. */
export function loadSettingsFile(path: string): Settings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(path, '', fileProblem(error));
  }
  return validateSettings(parseJsonFile(text, path), path);
}
