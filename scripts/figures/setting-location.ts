/** Where in its file a bad setting is written, so the message can name the line as well as the field. */
import { readFileSync } from 'node:fs';
import type { SettingsError } from '../../src/nn/errors.ts';

/** The 1-based line of the first `"field":` in `text`, or null if there is none. */
export function settingLine(text: string, field: string): number | null {
  const index = text.search(new RegExp(`"${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`));
  return index === -1 ? null : text.slice(0, index).split('\n').length;
}

/** The error's message with the field's line added after the file name when it can be found ("content/experiments/tutorial.json, line 4: ..."). */
export function settingsErrorMessage(error: SettingsError): string {
  if (error.field === '' || !error.message.startsWith(`${error.source}: `)) return error.message;
  let text: string;
  try {
    text = readFileSync(error.source, 'utf8');
  } catch {
    return error.message;
  }
  const line = settingLine(text, error.field);
  return line === null
    ? error.message
    : `${error.source}, line ${line}: ${error.message.slice(error.source.length + 2)}`;
}
