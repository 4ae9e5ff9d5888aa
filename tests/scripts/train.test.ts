/**
 * `npm run train` end to end: each case spawns the command line as a user would run it and
 * checks its exit code, stdout and stderr.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { runRecordToJson } from '../../src/nn/run-record-json.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { PROJECT_ROOT } from '../helpers/project-root.ts';

const dir = mkdtempSync(join(tmpdir(), 'train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs scripts/train.ts with `args` in the project at `cwd`; resolves with its exit code and output. */
function run(
  args: string[],
  cwd = PROJECT_ROOT,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/train.ts', ...args],
      { cwd, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** Writes `text` to a file in the temporary directory and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'r1c1,r1c2,r1c3,r2c1,r2c2,r2c3,r3c1,r3c2,r3c3,class';
const GOOD_ROWS = '1,0,0,1,0,0,1,0,0,0\n0,0,0,1,1,1,0,0,0,1\n';

describe.concurrent('npm run train', () => {
  it('prints a table every 20 iterations, the first perfect iteration and the validation accuracies', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = stdout.split('\n').filter((line) => /^\s+\d+\s+[\d.]+\s+[\d.]+$/.test(line));
    expect(rows.map((line) => Number(line.trim().split(/\s+/)[0]))).toEqual([
      0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200,
    ]);
    // Loss at iteration 0 (tests/nn/numpy-reference.py: 16.096606822327825), to 6 decimals.
    expect(rows[0]).toMatch(/\s16\.096607\s+0\.7500$/);
    expect(stdout).toMatch(/First iteration with accuracy 1: 5\n/);
    expect(stdout).toMatch(/validation-1: 1\.0000 \(18 of 18 correct\)/);
    expect(stdout).toMatch(/validation-2: 1\.0000 \(24 of 24 correct\)/);
  });

  it('prints the run record as JSON with --json, in full precision', async () => {
    const { code, stdout, stderr } = await run(['--json', '--hidden', '4', '--iterations', '30']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(Object.keys(json).sort()).toEqual([
      'config',
      'datasets',
      'final',
      'firstPerfectIteration',
      'history',
      'initial',
      'validation',
    ]);
    expect(json.config).toEqual({ ...DEFAULT_SETTINGS, hiddenUnits: 4, iterations: 30 });
    expect(json.initial.W1).toHaveLength(4);
    expect(json.initial.W1[0]).toHaveLength(9);
    expect(json.initial.b1).toEqual([0, 0, 0, 0]);
    expect(json.final.W2).toHaveLength(2);
    expect(json.final.W2[0]).toHaveLength(4);
    expect(json.final.b2).toHaveLength(2);
    // numpy 2.4: default_rng(7).normal() / 3, the first weight, printed to the last digit.
    expect(json.initial.W1[0][0]).toBe(0.0004100511191608581);
    expect(json.history).toHaveLength(31);
    expect(json.datasets.train.images).toHaveLength(24);
    expect(json.datasets.validation.map((d: { name: string }) => d.name)).toEqual([
      'validation-1',
      'validation-2',
    ]);
    expect(json.validation.map((v: { name: string }) => v.name)).toEqual([
      'validation-1',
      'validation-2',
    ]);
    // Every number survives the trip through JSON exactly.
    const expected = runRecordToJson(
      train(
        { ...DEFAULT_SETTINGS, hiddenUnits: 4, iterations: 30 },
        generateDatasets(DEFAULT_SETTINGS.dataSeed),
      ),
    );
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('lists every option with its default under --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const option of [
      '--seed N',
      '--data-seed N',
      '--lr X',
      '--hidden N',
      '--iterations N',
      '--frame-every N',
      '--train FILE',
      '--valid FILE',
      '--json',
      '--config FILE',
      '--help',
    ]) {
      expect(stdout).toContain(option);
    }
    for (const value of [
      'default: 7',
      'default: 2024',
      'default: 0.01',
      'default: 6',
      'default: 200',
      'default: 5',
    ])
      expect(stdout).toContain(value);
  });

  it('trains on CSV files given with --train and --valid (a byte-order mark and CRLF are fine)', async () => {
    const trainFile = file('mine.csv', `\uFEFF${HEADER}\r\n${GOOD_ROWS.replaceAll('\n', '\r\n')}`);
    const validFile = file('check.csv', `${HEADER}\n${GOOD_ROWS}`);
    const { code, stdout } = await run([
      '--train',
      trainFile,
      '--valid',
      validFile,
      '--valid',
      validFile,
      '--json',
      '--iterations',
      '3',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.datasets.train).toEqual({
      name: 'mine',
      images: [
        [1, 0, 0, 1, 0, 0, 1, 0, 0],
        [0, 0, 0, 1, 1, 1, 0, 0, 0],
      ],
      labels: [0, 1],
    });
    expect(json.validation.map((v: { name: string }) => v.name)).toEqual(['check', 'check']);
  });

  it('reads settings from --config, with options overriding them', async () => {
    const config = file('settings.json', JSON.stringify({ learningRate: 0.02, iterations: 10 }));
    const { code, stdout } = await run(['--config', config, '--iterations', '12', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).config).toEqual({
      ...DEFAULT_SETTINGS,
      learningRate: 0.02,
      iterations: 12,
    });
  });

  it('draws the first weights by --init, as numpy does (He: the Xavier draws times sqrt(2))', async () => {
    const { code, stdout } = await run(['--init', 'he', '--iterations', '1', '--json']);
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.config.init).toBe('he');
    // numpy 2.4: default_rng(7).normal() = 0.0012301533574825742, times np.sqrt(2 / 9).
    expect(record.initial.W1[0][0]).toBe(0.0012301533574825742 * Math.sqrt(2 / 9));
  });

  it('trains an experiment by name, with its own settings, and options overriding them', async () => {
    const tutorial = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'content/experiments/tutorial.json'), 'utf8'),
    );
    const { code, stdout, stderr } = await run([
      '--experiment',
      'tutorial',
      '--iterations',
      '3',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    delete tutorial.title;
    expect(JSON.parse(stdout).config).toEqual({ ...tutorial, iterations: 3 });
  });

  it('says which file an experiment trains on when it names one', async () => {
    const copy = copyProject('train-cli-experiment-');
    try {
      writeFileSync(join(copy, 'content/experiments/mine.csv'), `${HEADER}\n${GOOD_ROWS}`);
      const tutorial = JSON.parse(
        readFileSync(join(copy, 'content/experiments/tutorial.json'), 'utf8'),
      );
      writeFileSync(
        join(copy, 'content/experiments/from-file.json'),
        JSON.stringify({ ...tutorial, train: 'experiments/mine.csv', iterations: 3 }),
      );
      const { code, stdout } = await run(['--experiment', 'from-file'], copy);
      expect(code).toBe(0);
      expect(stdout).toContain('Training set: 2 images from experiments/mine.csv;');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('names the file of an experiment that does not exist', async () => {
    const { code, stderr } = await run(['--experiment', 'no-such-run']);
    expect(code).toBe(2);
    expect(stderr).toContain('content/experiments/no-such-run.json: file not found');
  });

  it('exits with 1 and names the iteration when training diverges', async () => {
    const { code, stdout, stderr } = await run(['--lr', '1000']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/diverged.*iteration 1\b.*smaller learning rate/);
  });
});

describe.concurrent('npm run train with bad arguments: exit code 2, a message on stderr, nothing on stdout', () => {
  const cases: { what: string; args: string[]; message: RegExp }[] = [
    { what: 'an unknown option', args: ['--speed', '3'], message: /unknown option --speed/ },
    { what: 'a missing value', args: ['--seed'], message: /--seed needs a value/ },
    { what: 'a value that is an option', args: ['--lr', '--json'], message: /--lr needs a value/ },
    { what: 'a stray argument', args: ['7'], message: /unexpected argument "7"/ },
    {
      what: 'an option given twice',
      args: ['--seed', '1', '--seed', '2'],
      message: /--seed is given more than once/,
    },
    { what: 'a value to a flag', args: ['--json=yes'], message: /--json takes no value/ },
    {
      what: 'a seed that is not a number',
      args: ['--seed', 'abc'],
      message: /--seed: expected a number, got "abc"/,
    },
    {
      what: 'a negative seed',
      args: ['--seed', '-1'],
      message: /--seed \(seed\) must be an integer from 0 to 2\^53 - 1, got -1/,
    },
    {
      what: 'a fractional seed',
      args: ['--seed=1.5'],
      message: /--seed \(seed\) must be an integer/,
    },
    {
      what: 'a data seed beyond 2^53 - 1',
      args: ['--data-seed', '9007199254740992'],
      message: /--data-seed \(dataSeed\) must be an integer from 0 to 2\^53 - 1/,
    },
    {
      what: 'a learning rate of 0',
      args: ['--lr', '0'],
      message: /--lr \(learningRate\) must be a finite number greater than 0, got 0/,
    },
    {
      what: 'a negative learning rate',
      args: ['--lr', '-0.1'],
      message: /--lr \(learningRate\) must be a finite number greater than 0/,
    },
    {
      what: 'a learning rate of Infinity',
      args: ['--lr', 'Infinity'],
      message: /--lr: expected a number, got "Infinity"/,
    },
    {
      what: 'a learning rate of NaN',
      args: ['--lr', 'NaN'],
      message: /--lr: expected a number, got "NaN"/,
    },
    {
      what: 'no hidden units',
      args: ['--hidden', '0'],
      message: /--hidden \(hiddenUnits\) must be an integer from 1 to 1024, got 0/,
    },
    {
      what: 'too many hidden units',
      args: ['--hidden', '1025'],
      message: /--hidden \(hiddenUnits\) must be an integer from 1 to 1024/,
    },
    {
      what: 'no iterations',
      args: ['--iterations', '0'],
      message: /--iterations \(iterations\) must be an integer from 1 to 100000/,
    },
    {
      what: 'too many iterations',
      args: ['--iterations', '100001'],
      message: /--iterations \(iterations\) must be an integer from 1 to 100000/,
    },
    {
      what: 'an initialisation that does not exist',
      args: ['--init', 'glorot'],
      message: /--init \(init\) must be one of "xavier", "he", "zeros", "large", got "glorot"/,
    },
    {
      what: 'a frame interval of 0',
      args: ['--frame-every', '0'],
      message: /--frame-every \(frameEvery\) must be an integer from 1/,
    },
  ];
  for (const { what, args, message } of cases) {
    it(what, async () => {
      const { code, stdout, stderr } = await run(args);
      expect(stderr).toMatch(message);
      expect(code).toBe(2);
      expect(stdout).toBe('');
    });
  }
});

describe.concurrent('npm run train with bad input files: exit code 2, the file, line and column on stderr, nothing on stdout', () => {
  const csvCases: { what: string; text: string; where: string; message: RegExp }[] = [
    {
      what: 'a row with the wrong number of columns',
      text: `${HEADER}\n${GOOD_ROWS}1,0,0,1,0,0,1,0,0\n`,
      where: 'line 4, column 10',
      message: /found 9 values, expected 10/,
    },
    {
      what: 'a value that is not a number',
      text: `${HEADER}\n1,0,0,1,0,x,1,0,0,0\n`,
      where: 'line 2, column 6',
      message: /"x" is not a number/,
    },
    {
      what: 'NaN',
      text: `${HEADER}\n${GOOD_ROWS}1,0,0,NaN,0,0,1,0,0,0\n`,
      where: 'line 4, column 4',
      message: /NaN is not allowed/,
    },
    {
      what: 'Infinity',
      text: `${HEADER}\n1,0,0,1,0,0,1,0,-Infinity,0\n`,
      where: 'line 2, column 9',
      message: /-Infinity is not allowed/,
    },
    {
      what: 'a pixel outside [0, 1]',
      text: `${HEADER}\n1,0,0,1,0,0,1,0,0,0\n0,0,0,1,1,1.2,0,0,0,1\n`,
      where: 'line 3, column 6',
      message: /pixel value 1.2 .*outside \[0, 1\]/,
    },
    {
      what: 'a class other than 0 or 1',
      text: `${HEADER}\n1,0,0,1,0,0,1,0,0,3\n`,
      where: 'line 2, column 10',
      message: /class 3 is not 0/,
    },
    {
      what: 'no data rows',
      text: `${HEADER}\n`,
      where: 'line 2, column 1',
      message: /no data rows/,
    },
  ];
  for (const { what, text, where, message } of csvCases) {
    // Both options read files the same way: --valid is checked on two of the cases.
    const options =
      what === 'no data rows' || what === 'NaN' ? ['--train', '--valid'] : ['--train'];
    for (const option of options) {
      it(`${what} (${option})`, async () => {
        const path = file(`${what.replaceAll(/\W+/g, '-')}${option}.csv`, text);
        const { code, stdout, stderr } = await run([option, path]);
        expect(stderr).toContain(`${path}, ${where}: `);
        expect(stderr).toMatch(message);
        expect(code).toBe(2);
        expect(stdout).toBe('');
      });
    }
  }

  it('a training file that does not exist', async () => {
    const path = join(dir, 'nowhere.csv');
    const { code, stdout, stderr } = await run(['--train', path]);
    expect(stderr).toContain(`${path}: file not found`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('a validation file that does not exist, after a good one', async () => {
    const good = file('good.csv', `${HEADER}\n${GOOD_ROWS}`);
    const { code, stdout, stderr } = await run(['--valid', good, '--valid', 'missing/valid.csv']);
    expect(stderr).toContain('missing/valid.csv: file not found');
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('a settings file with a JSON syntax error, with its line and column', async () => {
    const path = file('broken.json', '{\n  "seed": 7,\n  "learningRate": 0.01,\n}\n');
    const { code, stdout, stderr } = await run(['--config', path]);
    expect(stderr).toContain(`${path}: not valid JSON: line 4, column 1:`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('a settings file with an unknown key', async () => {
    const path = file('typo.json', '{ "learning_rate": 0.1 }');
    const { code, stdout, stderr } = await run(['--config', path]);
    expect(stderr).toContain(`${path}: "learning_rate" is not a setting`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('a settings file with a bad value', async () => {
    const path = file('bad-value.json', '{ "hiddenUnits": 0 }');
    const { code, stdout, stderr } = await run(['--config', path]);
    expect(stderr).toContain(`${path}: "hiddenUnits" must be an integer from 1 to 1024, got 0`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('a settings file that does not exist', async () => {
    const { code, stdout, stderr } = await run(['--config', 'no/such/settings.json']);
    expect(stderr).toContain('no/such/settings.json: file not found');
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });
});
