/**
 * The command-line options for the experiment's settings (--seed, --lr, ...), shared by every
 * script that trains, and how they combine with a settings file and the defaults.
 */
import { DEFAULT_SETTINGS, settingProblem } from '../../src/nn/settings.ts';
import type { Settings } from '../../src/nn/types.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from './options.ts';
import { loadSettingsFile } from './settings-file.ts';

/** Each setting's option name and placeholder (all numbers but --init, a scheme's name). */
const SETTING_FLAGS: readonly {
  key: keyof Settings;
  name: string;
  valueName: string;
  description: string;
}[] = [
  {
    key: 'seed',
    name: 'seed',
    valueName: 'N',
    description: 'seed of the weight initialisation (integer, 0 to 2^53 - 1)',
  },
  {
    key: 'dataSeed',
    name: 'data-seed',
    valueName: 'N',
    description: 'seed of the generated datasets (integer, 0 to 2^53 - 1)',
  },
  { key: 'learningRate', name: 'lr', valueName: 'X', description: 'learning rate (a number > 0)' },
  {
    key: 'hiddenUnits',
    name: 'hidden',
    valueName: 'N',
    description: 'hidden units H (integer, 1 to 1024)',
  },
  {
    key: 'init',
    name: 'init',
    valueName: 'NAME',
    description: 'initial weights: xavier, he, zeros or large (ten times xavier)',
  },
  {
    key: 'iterations',
    name: 'iterations',
    valueName: 'N',
    description: 'gradient-descent updates N (integer, 1 to 100000)',
  },
  {
    key: 'frameEvery',
    name: 'frame-every',
    valueName: 'N',
    description: 'keep a snapshot every N iterations (integer >= 1)',
  },
];

/** --config FILE and one option per setting, with the defaults --help shows. */
export const SETTINGS_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'config',
    kind: 'string',
    valueName: 'FILE',
    description:
      'read settings from a JSON file (e.g. content/experiments/tutorial.json); options below override it',
  },
  ...SETTING_FLAGS.map(
    ({ key, name, valueName, description }): OptionSpec => ({
      name,
      kind: key === 'init' ? 'string' : 'number',
      valueName,
      description,
      defaultText: String(DEFAULT_SETTINGS[key]),
    }),
  ),
];

/**
 * The settings a command line asks for: `base` (DEFAULT_SETTINGS unless given), replaced by
 * --config FILE if given, then by each setting option given. A bad value is a UsageError naming
 * the option.
 */
export function settingsFromOptions(
  options: ParsedOptions,
  base: Readonly<Settings> = DEFAULT_SETTINGS,
): Settings {
  const config = options.config;
  const settings: Settings = typeof config === 'string' ? loadSettingsFile(config) : { ...base };
  for (const { key, name } of SETTING_FLAGS) {
    const value = options[name];
    if (value === undefined) continue;
    const problem = settingProblem(key, value);
    if (problem !== null) throw new UsageError(`--${name} (${key}) ${problem}`);
    Object.assign(settings, { [key]: value });
  }
  return settings;
}
