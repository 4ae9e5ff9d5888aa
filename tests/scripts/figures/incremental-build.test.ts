/**
 * The figure cache end to end, in process: a sequence of builds over a temporary copy of the
 * project, each after one change, checking which outputs were made, which experiments were
 * trained, and what was written. The expected sets of figures are written out here from what
 * each figure shows, not taken from the figures' declarations.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCache } from '../../../scripts/figures/build-cache.ts';
import {
  type BuildReport,
  type BuildRequest,
  runFigureBuild,
} from '../../../scripts/figures/run-build.ts';
import { copyProject, hashTree, mtimeTree } from '../../helpers/project-copy.ts';

const project = copyProject('figure-cache-project-');
const out = mkdtempSync(join(tmpdir(), 'figure-cache-out-'));
const reference = mkdtempSync(join(tmpdir(), 'figure-cache-reference-'));
const tutorialFile = join(project, 'content', 'experiments', 'tutorial.json');
const tutorial = JSON.parse(readFileSync(tutorialFile, 'utf8')) as Record<string, unknown>;
afterAll(() => {
  for (const dir of [project, out, reference]) rmSync(dir, { recursive: true, force: true });
});

/** The tutorial's own outputs: its eleven figures, its six downloads and its results. */
const TUTORIAL = [
  'training-set',
  'data-matrices',
  'network',
  'himmelblau',
  'initial-parameters',
  'training-animation',
  'training-animation-still',
  'loss-accuracy',
  'network-trained',
  'validation-1',
  'validation-2',
  'tutorial/train-csv',
  'tutorial/validation-1-csv',
  'tutorial/validation-2-csv',
  'tutorial/python',
  'tutorial/notebook',
  'tutorial/history-csv',
  'tutorial/results',
];
/** The tutorial's numpy program and notebook: they state every setting, so any setting's change writes them again. */
const TUTORIAL_PROGRAMS = ['tutorial/notebook', 'tutorial/python'];
/** Drawn from the tutorial's trained network: its loss history, final weights or predictions (not the snapshots' spacing); the comparison of learning rates shows its history too. */
const FROM_TRAINED_NETWORK = [
  'card-experiments',
  'card-guide',
  'hidden-units',
  'hidden-weights',
  'initialisation',
  'learning-rates',
  'seeds',
  'training-animation',
  'training-animation-still',
  'loss-accuracy',
  'network-trained',
  'validation-1',
  'validation-2',
  'tutorial/history-csv',
  'tutorial/results',
];

function build(options: Partial<BuildRequest> = {}): Promise<BuildReport> {
  return runFigureBuild({ projectRoot: project, outRoot: out, mode: 'build', ...options });
}
const made = (report: BuildReport) =>
  report.outputs
    .filter((o) => o.made)
    .map((o) => o.id)
    .sort();
const status = (report: BuildReport, id: string) => report.outputs.find((o) => o.id === id)!;
const sorted = (ids: string[]) => [...ids].sort();
/** The figures that are not PNGs (two SVGs and the animation): they come in one size. */
const NOT_PNG = new Set(['network', 'network-trained', 'training-animation']);
/**
 * The ids with each figure's other outputs added: its dark drawing (social cards have none), and
 * each PNG drawing's half size (the social cards' excepted): "network" -> "network",
 * "network.dark"; "seeds" -> "seeds", "seeds.dark", "seeds.half", "seeds.dark.half".
 */
const withDrawings = (ids: string[]) =>
  ids.flatMap((id) => {
    if (id.includes('/') || id.startsWith('card-')) return [id];
    const drawings = [id, `${id}.dark`];
    return NOT_PNG.has(id) ? drawings : [...drawings, ...drawings.map((d) => `${d}.half`)];
  });
function setTutorial(changes: Record<string, number>): void {
  writeFileSync(tutorialFile, `${JSON.stringify({ ...tutorial, ...changes }, null, 2)}\n`);
}
const manifest = (root: string) =>
  JSON.parse(readFileSync(join(root, 'src', 'generated', 'figures.json'), 'utf8'));
/** The outputs without the cache file (its stamp differs between folders). */
const outputsOf = (root: string) =>
  new Map(
    [...hashTree(root)].filter(
      ([path]) => !path.endsWith('.figure-cache.json') && !path.endsWith('.figure-stamp.json'),
    ),
  );

let everything: string[] = [];

describe('the figure cache', () => {
  it('makes every output on the first build, training each experiment once', async () => {
    const report = await build();
    everything = report.outputs.map((o) => o.id).sort();
    expect(everything).toEqual(expect.arrayContaining(TUTORIAL));
    expect(made(report)).toEqual(everything);
    expect(report.outputs.every((o) => o.status === 'missing')).toBe(true);
    expect(report.trained).toContain('tutorial');
    expect(new Set(report.trained).size).toBe(report.trained.length);
  }, 60_000);

  it('makes nothing, trains nothing and writes nothing when nothing changed', async () => {
    const hashes = hashTree(out);
    const times = mtimeTree(out);
    const report = await build();
    expect(made(report)).toEqual([]);
    expect(report.outputs.every((o) => o.status === 'fresh')).toBe(true);
    expect(report.trained).toEqual([]);
    expect(report.run?.finalLoss).toBeCloseTo(0.7457, 4); // from the results file: `npm run train` prints 0.745749
    expect(hashTree(out)).toEqual(hashes);
    expect(mtimeTree(out)).toEqual(times);
  }, 60_000);

  it('makes nothing after an edit to the prose', async () => {
    appendFileSync(join(project, 'content', 'index.mdx'), '\nOne more sentence of prose.\n');
    const report = await build();
    expect(made(report)).toEqual([]);
    expect(report.trained).toEqual([]);
  }, 60_000);

  it('retrains the tutorial alone and redraws exactly what its trained network drew when its learning rate changes', async () => {
    setTutorial({ learningRate: 0.02 });
    const report = await build();
    expect(made(report)).toEqual(
      sorted(withDrawings([...FROM_TRAINED_NETWORK, ...TUTORIAL_PROGRAMS])),
    );
    expect(report.trained).toEqual(['tutorial']);
    expect(status(report, 'loss-accuracy')).toMatchObject({
      status: 'stale',
      reason: 'settings changed: tutorial/learningRate',
    });
    // The architecture, the data and Himmelblau's function do not depend on it.
    for (const id of [
      'network',
      'himmelblau',
      'training-set',
      'data-matrices',
      'initial-parameters',
      'tutorial/train-csv',
    ]) {
      expect(status(report, id).status, id).toBe('fresh');
    }
  }, 60_000);

  it('leaves the same files as a full build from nothing with the same content', async () => {
    await build({ outRoot: reference, mode: 'force' });
    expect(outputsOf(out)).toEqual(outputsOf(reference));
  }, 60_000);

  it('redraws the network diagram, not the training set or Himmelblau, when hiddenUnits changes', async () => {
    setTutorial({ learningRate: 0.02, hiddenUnits: 4 });
    const report = await build();
    expect(made(report)).toEqual(
      sorted(
        withDrawings([
          'network',
          'initial-parameters',
          ...FROM_TRAINED_NETWORK,
          ...TUTORIAL_PROGRAMS,
        ]),
      ),
    );
    expect(manifest(out).figures.network.alt).toContain('4 hidden nodes');
  }, 60_000);

  it('redraws only the animation, its still (the colour scale spans the frames), results and programs when frameEvery changes', async () => {
    setTutorial({ learningRate: 0.02, hiddenUnits: 4, frameEvery: 10 });
    const report = await build();
    expect(made(report)).toEqual(
      sorted(
        withDrawings([
          'training-animation',
          'training-animation-still',
          'tutorial/results',
          ...TUTORIAL_PROGRAMS,
        ]),
      ),
    );
  }, 60_000);

  it('redraws what reads a run, of every experiment, when the training code changes, and not the rest', async () => {
    appendFileSync(
      join(project, 'src', 'nn', 'update.ts'),
      '\n// a comment is a change too: the key covers the text\n',
    );
    const report = await build();
    expect(made(report)).toEqual(
      expect.arrayContaining(withDrawings(['initial-parameters', ...FROM_TRAINED_NETWORK])),
    );
    for (const id of [
      'network',
      'himmelblau',
      'training-set',
      'data-matrices',
      'tutorial/train-csv',
    ]) {
      expect(status(report, id).status, id).toBe('fresh');
    }
    expect(status(report, 'tutorial/results').reason).toBe('source changed: src/nn/update.ts');
    // The numpy programs redo the engine's algorithm: a change to it writes them again.
    expect(made(report)).toEqual(expect.arrayContaining(TUTORIAL_PROGRAMS));
    expect(report.trained).toEqual([...new Set(report.trained)].sort());
  }, 60_000);

  it('redraws the data figures and downloads as well when the dataset code changes', async () => {
    appendFileSync(join(project, 'src', 'nn', 'datasets.ts'), '\n// changed\n');
    const report = await build();
    expect(made(report)).toEqual(
      everything.filter((id) => !/^(network|himmelblau)(\.dark)?(\.half)?$/.test(id)),
    );
  }, 60_000);

  it('writes every experiment’s program and notebook again, and nothing else, when their writer changes', async () => {
    appendFileSync(join(project, 'src', 'python', 'script.ts'), '\n// changed\n');
    const report = await build();
    const programs = everything.filter((id) => /\/(python|notebook)$/.test(id));
    expect(programs.length).toBeGreaterThan(2);
    expect(made(report)).toEqual(programs);
    expect(report.trained).toEqual([]);
  }, 60_000);

  it('redraws one figure when its drawing module changes', async () => {
    appendFileSync(join(project, 'src', 'figures', 'himmelblau-figure.ts'), '\n// changed\n');
    const report = await build();
    expect(made(report)).toEqual(sorted(withDrawings(['himmelblau'])));
    expect(report.trained).toEqual([]);
  }, 60_000);

  it('makes again a figure whose file was altered or deleted', async () => {
    const figures = manifest(out).figures;
    writeFileSync(join(out, 'public', figures['training-set'].src), 'not a png');
    rmSync(join(out, 'public', figures.network.src));
    const report = await build();
    expect(made(report)).toEqual(['network', 'training-set']);
    expect(status(report, 'training-set').reason).toMatch(/^file changed on disk/);
    expect(status(report, 'network').reason).toMatch(/^file missing/);
    expect(report.trained).toEqual([]);
  }, 60_000);

  it('makes a half size alone again, with the same bytes, when only its file is gone', async () => {
    const before = manifest(out).figures;
    const half = readFileSync(join(out, 'public', before['seeds.dark.half'].src));
    rmSync(join(out, 'public', before['seeds.dark.half'].src));
    const report = await build();
    expect(made(report)).toEqual(['seeds.dark.half']);
    expect(status(report, 'seeds.dark').status).toBe('fresh');
    const after = manifest(out).figures;
    expect(after['seeds.dark.half'].src).toBe(before['seeds.dark.half'].src);
    expect(readFileSync(join(out, 'public', after['seeds.dark.half'].src))).toEqual(half);
  }, 60_000);

  it('writes nothing in check mode, and reports what is stale', async () => {
    setTutorial({ learningRate: 0.03, hiddenUnits: 4, frameEvery: 10 });
    const hashes = hashTree(out);
    const report = await build({ mode: 'check' });
    expect(report.notFresh).toBe(
      withDrawings([...FROM_TRAINED_NETWORK, ...TUTORIAL_PROGRAMS]).length,
    );
    expect(made(report)).toEqual([]);
    expect(hashTree(out)).toEqual(hashes);
  }, 60_000);

  it('redraws everything when forced', async () => {
    const report = await build({ mode: 'force' });
    expect(made(report)).toEqual(everything);
    expect(status(report, 'himmelblau').reason).toBe('forced (--force)');
  }, 60_000);

  it('makes again, next time, an output whose source was saved after the drawing code was loaded', async () => {
    // The build hashes the source text after the code was loaded; a save in between could pair
    // the new text's key with a figure drawn by the old code. Such outputs get no key.
    const loadedAt = Date.now() - 1;
    appendFileSync(
      join(project, 'src', 'figures', 'network-figure.ts'),
      '\n// saved during the build\n',
    );
    const first = await build({ codeLoadedAt: loadedAt });
    expect(made(first)).toEqual(withDrawings(['network', 'network-trained']).sort());
    const second = await build();
    expect(made(second)).toEqual(withDrawings(['network', 'network-trained']).sort());
    expect(status(second, 'network').reason).toBe('a source changed while it was being made');
    expect(made(await build())).toEqual([]);
  }, 60_000);

  it('records no file state for an output rewritten while the build ran (the check hashes it)', async () => {
    const command = { cwd: out, args: [], entries: [] };
    await build({ command });
    const statesFile = join(out, 'src', 'generated', '.figure-file-states.json');
    const before = JSON.parse(readFileSync(statesFile, 'utf8')).states as Record<string, string>;
    const figure = Object.keys(before).find((path) => path.endsWith('.png'))!;
    const original = readFileSync(figure);
    const altered = Buffer.from(original);
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 0xff, altered.length - 1);
    // The figure is fresh when the build starts; it changes after the drawing, before the commit.
    const report = await build({
      command,
      onStep: (step) => {
        if (step === 'drawn') writeFileSync(figure, altered);
      },
    });
    expect(made(report)).toEqual([]);
    const after = JSON.parse(readFileSync(statesFile, 'utf8')).states as Record<string, string>;
    expect(after[figure]).toBeUndefined();
    expect(Object.keys(after).sort()).toEqual(
      Object.keys(before)
        .filter((p) => p !== figure)
        .sort(),
    );
    writeFileSync(figure, original);
  }, 60_000);

  it('removes the figures, downloads and results no longer produced', async () => {
    const old = manifest(out);
    writeFileSync(
      join(project, 'content', 'experiments', 'data-one.csv'),
      `${'p1,p2,p3,p4,p5,p6,p7,p8,p9,class'}\n0,1,0,0,1,0,0,1,0,0\n0,0,0,1,1,1,0,0,0,1\n`,
    );
    const extra = join(project, 'content', 'experiments', 'extra.json');
    writeFileSync(extra, JSON.stringify({ ...tutorial, valid: ['experiments/data-one.csv'] }));
    const withExtra = await build();
    expect(withExtra.trained).toEqual(['extra']);
    expect(made(withExtra)).toEqual([
      'extra/history-csv',
      'extra/notebook',
      'extra/python',
      'extra/results',
      'extra/train-csv',
      'extra/validation-1-csv',
    ]);
    expect(readCache(join(out, 'src', 'generated'))!.outputs['extra/results']).toBeDefined();
    rmSync(extra);
    const without = await build();
    expect(made(without)).toEqual([]);
    const now = manifest(out);
    expect(Object.keys(now.downloads)).not.toContain('extra/train-csv');
    expect(Object.keys(now.downloads).sort()).toEqual(Object.keys(old.downloads).sort());
    const generated = [...hashTree(join(out, 'src', 'generated')).keys()];
    expect(generated).not.toContain(join('results', 'extra.json'));
    expect(Object.keys(readCache(join(out, 'src', 'generated'))!.outputs)).not.toContain(
      'extra/results',
    );
  }, 60_000);
});
