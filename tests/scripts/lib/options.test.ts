import { describe, expect, it } from 'vitest';
import {
  formatHelp,
  type OptionSpec,
  parseOptions,
  UsageError,
} from '../../../scripts/lib/options.ts';

const SPECS: OptionSpec[] = [
  { name: 'seed', kind: 'number', valueName: 'N', description: 'a seed', defaultText: '7' },
  { name: 'valid', kind: 'string', valueName: 'FILE', repeatable: true, description: 'a file' },
  { name: 'json', kind: 'flag', description: 'JSON output' },
];

describe('parseOptions', () => {
  it('reads "--name value", "--name=value", repeated options and flags', () => {
    expect(
      parseOptions(['--seed', '12', '--valid=a.csv', '--valid', 'b.csv', '--json'], SPECS),
    ).toEqual({ seed: 12, valid: ['a.csv', 'b.csv'], json: true });
  });

  it('returns nothing for options not given', () => {
    expect(parseOptions([], SPECS)).toEqual({});
  });

  it('takes a negative number as a value, not as an option', () => {
    expect(parseOptions(['--seed', '-1'], SPECS)).toEqual({ seed: -1 });
  });

  const bad = [
    { argv: ['--sed', '1'], message: 'unknown option --sed' },
    { argv: ['--seed'], message: '--seed needs a value (N)' },
    { argv: ['--seed', '--json'], message: '--seed needs a value (N)' },
    { argv: ['--seed', '0x10'], message: '--seed: expected a number, got "0x10"' }, // only decimal numbers
    { argv: ['--seed', ''], message: '--seed: expected a number, got ""' },
    { argv: ['--seed', '1e999'], message: '--seed: expected a number, got "1e999"' }, // overflows to Infinity
    { argv: ['--seed', '1', '--seed', '2'], message: '--seed is given more than once' },
    { argv: ['--json=1'], message: '--json takes no value' },
    { argv: ['seed'], message: 'unexpected argument "seed" (options start with --)' },
  ];
  for (const { argv, message } of bad) {
    it(`rejects ${argv.join(' ')}`, () => {
      expect(() => parseOptions(argv, SPECS)).toThrow(new UsageError(message));
    });
  }
});

describe('formatHelp', () => {
  it('lists every option with its placeholder, description and default', () => {
    expect(formatHelp('cmd [options]', SPECS)).toBe(
      [
        'Usage: cmd [options]',
        '',
        'Options:',
        '  --seed N      a seed (default: 7)',
        '  --valid FILE  a file (repeatable)',
        '  --json        JSON output',
        '',
      ].join('\n'),
    );
  });
});
