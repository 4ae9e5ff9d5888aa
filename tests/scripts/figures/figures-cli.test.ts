/**
 * `npm run figures` as a user runs it (node scripts/run-figures.mjs), in a temporary copy of the
 * project: exit codes, bad input that must leave every output as it was, a changed engine file,
 * and builds killed with SIGKILL at every step of their commit, after which the outputs must be
 * consistent and the next build must finish the job.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileState } from '../../../scripts/figures/file-states.mjs';
import { copyProject, hashTree, mtimeTree } from '../../helpers/project-copy.ts';

const project = copyProject('figures-cli-');
const references = mkdtempSync(join(tmpdir(), 'figures-cli-reference-'));
afterAll(() => {
  for (const dir of [project, references]) rmSync(dir, { recursive: true, force: true });
});
const configPath = join(project, 'content', 'experiments', 'tutorial.json');
const tutorialSettings = readFileSync(configPath, 'utf8');
/** The tutorial's settings with another learning rate: a second valid experiment. */
const otherSettings = tutorialSettings.replace(/"learningRate": [0-9.e-]+/, '"learningRate": 0.02');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command in the project copy. With `killWhen`, sends SIGKILL as soon as stdout matches
 * it (the run then resolves with code null). With `stopReading`, closes its stdout after the first
 * line, as `| head -1` would.
 */
function figures(
  args: string[] = [],
  options: { env?: Record<string, string>; killWhen?: RegExp; stopReading?: boolean } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-figures.mjs', ...args], {
      cwd: project,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (options.killWhen?.test(stdout) === true) child.kill('SIGKILL');
      if (options.stopReading === true && stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const outputs = () =>
  new Map([
    ...hashTree(join(project, 'public')),
    ...[...hashTree(join(project, 'src', 'generated'))].map(
      ([p, h]) => [`generated/${p}`, h] as const,
    ),
  ]);
const times = () =>
  new Map([...mtimeTree(join(project, 'public')), ...mtimeTree(join(project, 'src', 'generated'))]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Checks that figures.json parses and every file it names exists with the hash in its name; returns the manifest text. */
function expectConsistent(): string {
  const text = readFileSync(join(project, 'src', 'generated', 'figures.json'), 'utf8');
  const manifest = JSON.parse(text) as {
    figures: Record<string, { src: string }>;
    downloads: Record<string, { src: string }>;
  };
  expect(Object.keys(manifest.figures).length).toBeGreaterThanOrEqual(10);
  for (const { src } of [
    ...Object.values(manifest.figures),
    ...Object.values(manifest.downloads),
  ]) {
    const path = join(project, 'public', src);
    expect(existsSync(path), src).toBe(true);
    expect(src).toContain(`.${sha(readFileSync(path)).slice(0, 8)}.`);
  }
  JSON.parse(readFileSync(join(project, 'src', 'generated', 'results', 'tutorial.json'), 'utf8'));
  return text;
}

/** The outputs a complete build leaves (without the cache, whose paths and stamp differ between folders). */
function finishedOutputs(root: string): Map<string, string> {
  const files = new Map([...hashTree(join(root, 'public', 'generated'))]);
  for (const [path, hash] of hashTree(join(root, 'src', 'generated'))) {
    if (!path.startsWith('.')) files.set(path, hash);
  }
  return files;
}

describe('exit codes', () => {
  let total = 0;
  it('--check exits with 1 and lists what is missing before the first build, and writes nothing', async () => {
    const run = await figures(['--check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^missing +training-set/m);
    total = run.stdout.match(/^missing /gm)?.length ?? 0;
    expect(total).toBeGreaterThanOrEqual(14);
    expect(run.stdout).toContain(`${total} of ${total} outputs stale or missing`);
    expect(existsSync(join(project, 'public', 'generated'))).toBe(false);
    expect(existsSync(join(project, 'src', 'generated'))).toBe(false);
  }, 60_000);

  it('a build exits with 0; a second one finds everything fresh; --check then exits with 0', async () => {
    expect((await figures()).code).toBe(0);
    const again = await figures();
    expect(again.code).toBe(0);
    expect(again.stdout.match(/^fresh /gm)).toHaveLength(total);
    expect(again.stdout).toContain(`nothing changed: all ${total} outputs fresh`);
    const check = await figures(['--check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`all ${total} outputs fresh`);
  }, 60_000);

  it('bad arguments exit with 2', async () => {
    const unknown = await figures(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --frobnicate');
    expect((await figures(['--check', '--force'])).code).toBe(2);
  }, 60_000);

  it('a build whose reader stops reading goes on to its end (a broken pipe is not an error)', async () => {
    const cut = await figures(['--force'], { stopReading: true });
    expect(cut.stderr).toBe('');
    expect(cut.code).toBe(0);
    expect(cut.stdout.split('\n').length).toBeLessThan(total);
    expect((await figures()).stdout).toContain(`nothing changed: all ${total} outputs fresh`);
  }, 60_000);
});

describe("the unchanged check's file states", () => {
  const generated = join(project, 'src', 'generated');
  const stampFile = join(generated, '.figure-stamp.json');
  const statesFile = join(generated, '.figure-file-states.json');
  const recorded = () =>
    JSON.parse(readFileSync(statesFile, 'utf8')) as {
      stamp: string;
      states: Record<string, string>;
    };
  /** A figure of the build, as an absolute path. */
  const aFigure = () => Object.keys(recorded().states).find((path) => path.endsWith('.png'))!;
  /**
   * Rewrites a file with other bytes of the same length, then sets its times back to the
   * nanosecond (touch -r: Node's utimes rounds them), so that only its change time tells.
   */
  const alterKeepingSizeAndTimes = (path: string, bytes: Buffer) => {
    const times = join(references, 'times');
    const before = statSync(path);
    execFileSync('touch', ['-r', path, times]);
    expect(bytes.length).toBe(before.size);
    writeFileSync(path, bytes);
    execFileSync('touch', ['-r', times, path]);
    const after = statSync(path);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([
      before.size,
      before.mtimeMs,
      before.ino,
    ]);
  };
  /** The file's bytes with the last one flipped. */
  const flippedLast = (path: string) => {
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    return bytes;
  };

  it('records the stamp and every file it lists: its outputs, and the inputs read before the build', async () => {
    expect((await figures()).code).toBe(0);
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    const { stamp: stampState, states } = recorded();
    expect(stampState).toBe(fileState(stampFile));
    const outputs = Object.keys(stamp.outputs);
    expect(outputs.filter((path) => states[path] === undefined)).toEqual([]);
    // The copy's files were all written well before the build read them.
    expect(Object.keys(stamp.inputs).filter((path) => states[path] === undefined)).toEqual([]);
    const figure = aFigure();
    const { size, mtimeMs, ctimeMs, ino } = statSync(figure);
    expect(states[figure]).toBe(`${size}:${mtimeMs}:${ctimeMs}:${ino}`);
  }, 60_000);

  it('makes again an output altered with its size and times kept', async () => {
    const figure = aFigure();
    const before = readFileSync(figure);
    alterKeepingSizeAndTimes(figure, flippedLast(figure));
    const run = await figures();
    expect(run.stdout).not.toContain('nothing changed');
    expect(run.stdout).toMatch(/^missing .*file changed on disk/m);
    expect(readFileSync(figure)).toEqual(before);
  }, 60_000);

  it("sees a setting changed with its file's size and times kept", async () => {
    expect((await figures()).stdout).toContain('nothing changed');
    const changed = tutorialSettings.replace(
      /"seed": (\d)/,
      (_, d) => `"seed": ${(Number(d) + 1) % 10}`,
    );
    alterKeepingSizeAndTimes(configPath, Buffer.from(changed));
    const run = await figures();
    expect(run.stdout).not.toContain('nothing changed');
    expect(run.stdout).toMatch(/^trained .*tutorial/m);
    writeFileSync(configPath, tutorialSettings);
    expect((await figures()).code).toBe(0);
  }, 60_000);

  it('ignores states recorded for another stamp', async () => {
    expect((await figures()).stdout).toContain('nothing changed');
    const figure = aFigure();
    const original = readFileSync(figure);
    alterKeepingSizeAndTimes(figure, flippedLast(figure));
    // States that would vouch for the altered file, were they the stamp's.
    const forged = (stamp: string) =>
      JSON.stringify({ stamp, states: { ...recorded().states, [figure]: fileState(figure) } });
    writeFileSync(statesFile, forged(`${fileState(stampFile)}0`));
    expect((await figures()).stdout).not.toContain('nothing changed');
    // The same states recorded for this stamp are trusted: the check relies on them alone.
    alterKeepingSizeAndTimes(figure, flippedLast(figure));
    writeFileSync(statesFile, forged(fileState(stampFile)));
    expect((await figures()).stdout).toContain('nothing changed');
    // A build trusts them as the check does; --force trusts nothing it has not read.
    expect((await figures(['--force'])).code).toBe(0);
    expect(readFileSync(figure)).toEqual(original);
  }, 60_000);

  it('still finds nothing changed after an output was only touched', async () => {
    const figure = aFigure();
    const later = new Date(Date.now() + 5_000);
    utimesSync(figure, later, later);
    expect((await figures()).stdout).toContain('nothing changed');
  }, 60_000);
});

describe('bad input', () => {
  // Each case: files to write (path in the project, text), the exit code and the message.
  const goodFigure = readFileSync(join(project, 'content', 'figures', 'network.ts'), 'utf8');
  const cases: { name: string; files: [string, string][]; code: number; message: RegExp }[] = [
    {
      name: 'a bad setting (exit 2, naming the file, line and field)',
      files: [[configPath, tutorialSettings.replace(/"hiddenUnits": \d+/, '"hiddenUnits": 0')]],
      code: 2,
      message: /content\/experiments\/tutorial\.json, line \d+: "hiddenUnits"/,
    },
    {
      name: 'an experiment that is not JSON (exit 2, with line and column)',
      files: [[configPath, '{\n  "seed": 7,\n}\n']],
      code: 2,
      message: /tutorial\.json: not valid JSON: line 3, column 1/,
    },
    {
      name: 'an experiment with an unknown key (exit 2, naming the key)',
      files: [[configPath, tutorialSettings.replace('"seed"', '"momentum": 0.9,\n  "seed"')]],
      code: 2,
      message: /tutorial\.json, line 3: "momentum" is not a key of an experiment/,
    },
    {
      name: 'an experiment that leaves out a setting (exit 2)',
      files: [
        [configPath, tutorialSettings.replace(/\s*"frameEvery": \d+/, '').replace(/,(\s*})/, '$1')],
      ],
      code: 2,
      message: /"frameEvery" is missing/,
    },
    {
      name: 'a data file outside the project (exit 2)',
      files: [
        [configPath, tutorialSettings.replace('"seed"', '"train": "../../outside.csv",\n  "seed"')],
      ],
      code: 2,
      message: /"train" must name a file inside the project/,
    },
    {
      name: 'a bad data file (exit 2, with line and column)',
      files: [
        [
          join(project, 'content', 'bad.csv'),
          'p1,p2,p3,p4,p5,p6,p7,p8,p9,class\n0,1,0,0,1,0,0,1,0,7\n',
        ],
        [configPath, tutorialSettings.replace('"seed"', '"train": "bad.csv",\n  "seed"')],
      ],
      code: 2,
      message: /bad\.csv, line 2, column/,
    },
    {
      name: 'a page that is not valid MDX (exit 2, naming the page and line)',
      files: [
        [
          join(project, 'content', 'extra.mdx'),
          '---\ntitle: Extra\n---\n\nText with <IfResult path="finalLoss">an unclosed element.\n',
        ],
      ],
      code: 2,
      message: /content\/extra\.mdx, line 5: not valid MDX: /,
    },
    {
      name: 'a page naming a missing figure (exit 2, naming the page and line)',
      files: [
        [
          join(project, 'content', 'extra.mdx'),
          '---\ntitle: Extra\n---\n\nText.\n\n<Figure id="no-such-figure" />\n',
        ],
      ],
      code: 2,
      message: /content\/extra\.mdx, line 7: <Figure> names figure "no-such-figure"/,
    },
    {
      name: 'a page naming a missing experiment (exit 2, naming the page and line)',
      files: [
        [
          join(project, 'content', 'extra.mdx'),
          '---\ntitle: Extra\n---\n\n<Result experiment="nope" path="finalLoss" />\n',
        ],
      ],
      code: 2,
      message: /content\/extra\.mdx, line 5: <Result> names experiment "nope"/,
    },
    {
      name: 'a figure naming an unknown experiment (exit 2, naming its file)',
      files: [
        [
          join(project, 'content', 'figures', 'network.ts'),
          goodFigure.replace("experiments: ['tutorial']", "experiments: ['missing']"),
        ],
      ],
      code: 2,
      message: /content\/figures\/network\.ts: figure "network" names experiment "missing"/,
    },
    {
      name: 'a figure saying which parts of its frames change, though it is no animation (exit 2, naming its file)',
      files: [
        [
          join(project, 'content', 'figures', 'network.ts'),
          goodFigure.replace("format: 'svg',", "format: 'svg',\n  changing: () => [],"),
        ],
      ],
      code: 2,
      message:
        /content\/figures\/network\.ts: figure "network": "changing", when given, must be a function, and only an animation/,
    },
    {
      name: 'a figure asking for a half size, though it is no PNG (exit 2, naming its file)',
      files: [
        [
          join(project, 'content', 'figures', 'network.ts'),
          goodFigure.replace("format: 'svg',", "format: 'svg',\n  halfSize: true,"),
        ],
      ],
      code: 2,
      message:
        /content\/figures\/network\.ts: figure "network": "halfSize", when given, must be true or false, and only a PNG figure has one/,
    },
    {
      name: 'a PNG figure whose halfSize is not true or false (exit 2, naming its file)',
      files: [
        [
          join(project, 'content', 'figures', 'seeds.ts'),
          readFileSync(join(project, 'content', 'figures', 'seeds.ts'), 'utf8').replace(
            "format: 'png',",
            "format: 'png',\n  halfSize: 'yes',",
          ),
        ],
      ],
      code: 2,
      message:
        /content\/figures\/seeds\.ts: figure "seeds": "halfSize", when given, must be true or false/,
    },
    {
      name: 'a figure module that throws while drawing (exit 2, naming its id and file)',
      files: [
        [
          join(project, 'content', 'figures', 'network.ts'),
          goodFigure.replace(
            'svg: ({ run }, { fontCss }) =>',
            "svg: () => { throw new Error('broken on purpose'); },\n  unused: ({ run }, { fontCss }) =>",
          ),
        ],
      ],
      code: 2,
      message: /content\/figures\/network\.ts: figure "network" failed: broken on purpose/,
    },
    {
      // esbuild cannot bundle it: the command falls back to tsx, which names the file.
      name: 'a figure module with a syntax error (exit 2, naming its id and file)',
      files: [[join(project, 'content', 'figures', 'network.ts'), `${goodFigure}\nconst = ;\n`]],
      code: 2,
      message: /content\/figures\/network\.ts: figure "network" cannot be loaded/,
    },
    {
      name: 'a figure module that throws when loaded (exit 2, naming its id and file)',
      files: [
        [
          join(project, 'content', 'figures', 'network.ts'),
          `${goodFigure}\nthrow new Error('cannot load on purpose');\n`,
        ],
      ],
      code: 2,
      message:
        /content\/figures\/network\.ts: figure "network" cannot be loaded: cannot load on purpose/,
    },
    {
      name: 'an experiment that expects divergence but trains to the end (exit 2, naming the file and field)',
      files: [
        [
          configPath,
          tutorialSettings.replace('"frameEvery": 5', '"frameEvery": 5,\n  "expect": "divergence"'),
        ],
      ],
      code: 2,
      message: /tutorial\.json.*expect.*stayed finite for all 200 iterations/s,
    },
    {
      name: 'an expectation other than divergence (exit 2, naming the field)',
      files: [
        [
          configPath,
          tutorialSettings.replace('"frameEvery": 5', '"frameEvery": 5,\n  "expect": "success"'),
        ],
      ],
      code: 2,
      message: /tutorial\.json.*expect.*must be "divergence"/s,
    },
    {
      name: 'a diverging run (exit 1, naming the experiment and the iteration)',
      files: [
        [configPath, tutorialSettings.replace(/"learningRate": [0-9.e-]+/, '"learningRate": 1000')],
      ],
      code: 1,
      message: /tutorial\.json: training diverged: .* at iteration \d+/,
    },
  ];
  for (const { name, files, code, message } of cases) {
    it(`${name} leaves every output as it was`, async () => {
      expect((await figures()).code).toBe(0);
      const hashes = outputs();
      const mtimes = times();
      const saved = files.map(
        ([path]) => [path, existsSync(path) ? readFileSync(path, 'utf8') : null] as const,
      );
      for (const [path, text] of files) writeFileSync(path, text);
      try {
        const run = await figures();
        expect(run.code, run.stdout).toBe(code);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe('');
      } finally {
        for (const [path, text] of saved) {
          if (text === null) rmSync(path);
          else writeFileSync(path, text);
        }
      }
      expect(outputs()).toEqual(hashes);
      expect(times()).toEqual(mtimes);
    }, 60_000);
  }
});

describe('a killed build', () => {
  beforeAll(async () => {
    // Reference builds of both versions of the tutorial experiment, each from nothing, in their own folders.
    for (const [name, settings] of [
      ['tutorial', tutorialSettings],
      ['other', otherSettings],
    ] as const) {
      writeFileSync(configPath, settings);
      const run = await figures(['--out', join(references, name)]);
      expect(run.code, run.stderr).toBe(0);
    }
    writeFileSync(configPath, tutorialSettings);
    expect((await figures()).code).toBe(0);
  }, 120_000);

  // Where the build is stopped: while drawing (killed after its first finished figure), and
  // after each step of the commit (the build waits there, then is killed).
  const stops: {
    step: string;
    env?: Record<string, string>;
    killWhen: RegExp;
    manifestSwitched: boolean;
  }[] = [
    { step: 'while drawing', killWhen: /^(stale|missing) /m, manifestSwitched: false },
    {
      step: 'drawn',
      env: { FIGURES_TEST_STOP_AFTER: 'drawn' },
      killWhen: /stopped after drawn/,
      manifestSwitched: false,
    },
    {
      step: 'files',
      env: { FIGURES_TEST_STOP_AFTER: 'files' },
      killWhen: /stopped after files/,
      manifestSwitched: false,
    },
    {
      step: 'results',
      env: { FIGURES_TEST_STOP_AFTER: 'results' },
      killWhen: /stopped after results/,
      manifestSwitched: false,
    },
    {
      step: 'manifest',
      env: { FIGURES_TEST_STOP_AFTER: 'manifest' },
      killWhen: /stopped after manifest/,
      manifestSwitched: true,
    },
    {
      step: 'cache',
      env: { FIGURES_TEST_STOP_AFTER: 'cache' },
      killWhen: /stopped after cache/,
      manifestSwitched: true,
    },
  ];
  let current: 'tutorial' | 'other' = 'tutorial';
  for (const { step, env, killWhen, manifestSwitched } of stops) {
    it(`(SIGKILL ${step === 'while drawing' ? step : `after the ${step} step`}) leaves whole figures and a manifest naming them; the next build finishes the job`, async () => {
      const before = finishedOutputs(project);
      const manifestBefore = expectConsistent();
      const next = current === 'tutorial' ? 'other' : 'tutorial';
      writeFileSync(configPath, next === 'other' ? otherSettings : tutorialSettings);

      const killed = await figures([], { ...(env === undefined ? {} : { env }), killWhen });
      expect(killed.code, `${killed.stdout}\n${killed.stderr}`).toBeNull(); // killed, not finished
      const manifestAfterKill = expectConsistent();
      if (!manifestSwitched) {
        // The previous build's manifest and every figure it names are byte for byte as they were.
        expect(manifestAfterKill).toBe(manifestBefore);
        const now = finishedOutputs(project);
        for (const [path, hash] of before) {
          if (!path.startsWith('results')) expect(now.get(path), path).toBe(hash);
        }
      }

      const finished = await figures();
      expect(finished.code, finished.stderr).toBe(0);
      expectConsistent();
      expect(finishedOutputs(project)).toEqual(finishedOutputs(join(references, next)));
      for (const dir of [
        'public/generated/figures',
        'public/generated/data',
        'src/generated',
        'src/generated/results',
      ]) {
        expect(
          readdirSync(join(project, dir)).filter((name) => name.includes('.tmp-')),
          dir,
        ).toEqual([]);
      }
      expect((await figures()).stdout).toContain('nothing changed');
      current = next;
    }, 120_000);
  }
});

describe('a changed engine file', () => {
  it('redraws what reads the trained network and keeps the rest, through the command', async () => {
    writeFileSync(configPath, tutorialSettings);
    expect((await figures()).code).toBe(0);
    appendFileSync(join(project, 'src', 'nn', 'train.ts'), '\n// edited\n');
    const run = await figures();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^stale +loss-accuracy .*source changed: src\/nn\/train\.ts$/m);
    expect(run.stdout).toMatch(/^fresh +himmelblau /m);
    expect(run.stdout).toMatch(/^fresh +training-set /m);
    expect(run.stdout).toMatch(/^trained .*tutorial/m);
  }, 60_000);
});
