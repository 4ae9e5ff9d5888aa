/**
 * A small command-line option parser shared by the project's scripts: `--name value` or
 * `--name=value`, numbers checked strictly, repeatable options, flags, and a help text
 * generated from the same option list.
 */
import { DECIMAL_NUMBER } from '../../src/nn/decimal-number.ts';

/** One option: `--name`, what it takes and what --help says about it. */
export interface OptionSpec {
  /** The option without its dashes, e.g. "data-seed". */
  name: string;
  /** "number" and "string" take a value; "flag" takes none. */
  kind: 'number' | 'string' | 'flag';
  /** May be given more than once (values are collected into an array); only for "string". */
  repeatable?: boolean;
  /** The placeholder shown in --help, e.g. "N", "X" or "FILE". */
  valueName?: string;
  description: string;
  /** The default as --help shows it, if the option has one. */
  defaultText?: string;
}

/** Parsed options by name: a number, a string, a string[] (repeatable) or true (flag); absent if not given. */
export type ParsedOptions = Record<string, number | string | string[] | true>;

/** A mistake on the command line; scripts print its message and exit with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The number written in `text` for option `--name`, or a UsageError. */
function parseNumberOption(name: string, text: string): number {
  const value = Number(text);
  if (!DECIMAL_NUMBER.test(text.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`--${name}: expected a number, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Parses `argv` (without node and the script) against `specs`; unknown options, missing values and stray arguments are UsageErrors. */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const parsed: ParsedOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new UsageError(`unexpected argument ${JSON.stringify(arg)} (options start with --)`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs.find((s) => s.name === name);
    if (spec === undefined) throw new UsageError(`unknown option --${name}`);
    if (spec.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      parsed[name] = true;
      continue;
    }
    let text: string;
    if (eq !== -1) {
      text = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      // A following "--option" means the value was left out ("-1" is still a value).
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`--${name} needs a value (${spec.valueName ?? 'VALUE'})`);
      text = next;
      i++;
    }
    if (spec.repeatable === true) {
      const list = parsed[name];
      parsed[name] = Array.isArray(list) ? [...list, text] : [text];
    } else {
      if (Object.hasOwn(parsed, name)) throw new UsageError(`--${name} is given more than once`);
      parsed[name] = spec.kind === 'number' ? parseNumberOption(name, text) : text;
    }
  }
  return parsed;
}

/** The --help text: a usage line, then one line per option with its placeholder, description and default. */
export function formatHelp(usage: string, specs: readonly OptionSpec[], footer = ''): string {
  const left = specs.map(
    (s) => `--${s.name}${s.kind === 'flag' ? '' : ` ${s.valueName ?? 'VALUE'}`}`,
  );
  const width = Math.max(...left.map((l) => l.length));
  const lines = specs.map((s, i) => {
    const extra = [
      s.repeatable === true ? 'repeatable' : '',
      s.defaultText === undefined ? '' : `default: ${s.defaultText}`,
    ].filter(Boolean);
    return `  ${left[i]!.padEnd(width)}  ${s.description}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
  });
  return `${[
    `Usage: ${usage}`,
    '',
    'Options:',
    ...lines,
    ...(footer === '' ? [] : ['', footer]),
  ].join('\n')}\n`;
}
