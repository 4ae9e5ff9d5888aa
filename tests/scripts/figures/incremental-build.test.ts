/**
 * The figure cache end to end, in process: a sequence of builds over a temporary copy of the
 * project, each after one change, checking which outputs were made, whether the network was
 * trained, and what was written. The expected sets of figures are written out here from what
 * each figure shows, not taken from the catalogue's declarations.
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
const configPath = join(project, 'content', 'experiment.json');
const defaults = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, number>;
afterAll(() => {
  for (const dir of [project, out, reference]) rmSync(dir, { recursive: true, force: true });
});

/** Every output id: 10 figures, 3 downloads, results. */
const ALL = [
  'training-set',
  'data-matrices',
  'network',
  'himmelblau',
  'initial-parameters',
  'training-animation',
  'loss-accuracy',
  'network-trained',
  'validation-1',
  'validation-2',
  'train-csv',
  'validation-1-csv',
  'validation-2-csv',
  'results',
];
/** Drawn from the trained network: its loss history, final weights or predictions (not the snapshots' spacing). */
const FROM_TRAINED_NETWORK = [
  'training-animation',
  'loss-accuracy',
  'network-trained',
  'validation-1',
  'validation-2',
  'results',
];

function build(options: Partial<BuildRequest> = {}): Promise<BuildReport> {
  return runFigureBuild({
    projectRoot: project,
    configPath,
    trainFile: null,
    validFiles: [],
    outRoot: out,
    mode: 'build',
    ...options,
  });
}
const made = (report: BuildReport) =>
  report.outputs
    .filter((o) => o.made)
    .map((o) => o.id)
    .sort();
const status = (report: BuildReport, id: string) => report.outputs.find((o) => o.id === id)!;
const sorted = (ids: string[]) => [...ids].sort();
function setSettings(changes: Record<string, number>): void {
  writeFileSync(configPath, `${JSON.stringify({ ...defaults, ...changes }, null, 2)}\n`);
}
const manifest = (root: string) =>
  JSON.parse(readFileSync(join(root, 'src', 'generated', 'figures.json'), 'utf8'));
/** The outputs without the cache file (its paths and stamp differ between folders). */
const outputsOf = (root: string) =>
  new Map([...hashTree(root)].filter(([path]) => !path.endsWith('.figure-cache.json')));

describe('the figure cache', () => {
  it('makes every output on the first build, training once', async () => {
    const report = await build();
    expect(made(report)).toEqual(sorted(ALL));
    expect(report.outputs.every((o) => o.status === 'missing')).toBe(true);
    expect(report.trained).toBe(true);
  }, 60_000);

  it('makes nothing, trains not and writes nothing when nothing changed', async () => {
    const hashes = hashTree(out);
    const times = mtimeTree(out);
    const report = await build();
    expect(made(report)).toEqual([]);
    expect(report.outputs.map((o) => o.status)).toEqual(ALL.map(() => 'fresh'));
    expect(report.trained).toBe(false);
    expect(report.run?.finalLoss).toBeCloseTo(0.7457, 4); // read from results.json: `npm run train` prints 0.745749
    expect(hashTree(out)).toEqual(hashes);
    expect(mtimeTree(out)).toEqual(times);
  }, 60_000);

  it('makes nothing after an edit to the prose', async () => {
    appendFileSync(join(project, 'content', 'index.mdx'), '\nOne more sentence of prose.\n');
    const report = await build();
    expect(made(report)).toEqual([]);
    expect(report.trained).toBe(false);
  }, 60_000);

  it('redraws exactly the figures drawn from the trained network when the learning rate changes', async () => {
    setSettings({ learningRate: 0.02 });
    const report = await build();
    expect(made(report)).toEqual(sorted(FROM_TRAINED_NETWORK));
    expect(status(report, 'loss-accuracy')).toMatchObject({
      status: 'stale',
      reason: 'settings changed: learningRate',
    });
    // The architecture, the data and Himmelblau's function do not depend on it.
    for (const id of [
      'network',
      'himmelblau',
      'training-set',
      'data-matrices',
      'initial-parameters',
      'train-csv',
    ])
      expect(status(report, id).status, id).toBe('fresh');
    expect(report.trained).toBe(true);
  }, 60_000);

  it('leaves the same files as a full build from nothing with the same settings', async () => {
    await build({ outRoot: reference, mode: 'force' });
    expect(outputsOf(out)).toEqual(outputsOf(reference));
  }, 60_000);

  it('redraws the network diagram, not the training set or Himmelblau, when hiddenUnits changes', async () => {
    setSettings({ learningRate: 0.02, hiddenUnits: 4 });
    const report = await build();
    expect(made(report)).toEqual(
      sorted(['network', 'initial-parameters', ...FROM_TRAINED_NETWORK]),
    );
    expect(manifest(out).figures.network.alt).toContain('4 hidden nodes');
  }, 60_000);

  it('redraws only the animation (and results) when frameEvery changes', async () => {
    setSettings({ learningRate: 0.02, hiddenUnits: 4, frameEvery: 10 });
    const report = await build();
    expect(made(report)).toEqual(['results', 'training-animation']);
  }, 60_000);

  it('redraws what reads the run when the training code changes, and not the rest', async () => {
    appendFileSync(
      join(project, 'src', 'nn', 'update.ts'),
      '\n// a comment is a change too: the key covers the text\n',
    );
    const report = await build();
    expect(made(report)).toEqual(sorted(['initial-parameters', ...FROM_TRAINED_NETWORK]));
    expect(status(report, 'results').reason).toBe('source changed: src/nn/update.ts');
  }, 60_000);

  it('redraws the data figures and downloads as well when the dataset code changes', async () => {
    appendFileSync(join(project, 'src', 'nn', 'datasets.ts'), '\n// changed\n');
    const report = await build();
    expect(made(report)).toEqual(
      sorted(ALL.filter((id) => id !== 'network' && id !== 'himmelblau')),
    );
  }, 60_000);

  it('redraws one figure when its drawing module changes, and only rewrites texts when the text module imports it', async () => {
    const before = manifest(out);
    appendFileSync(join(project, 'src', 'figures', 'himmelblau-figure.ts'), '\n// changed\n');
    const report = await build();
    const drawn = report.outputs.filter((o) => o.made && o.status !== 'text').map((o) => o.id);
    expect(drawn).toEqual(['himmelblau']);
    // figure-text.ts imports himmelblau-figure.ts: the texts are written again, the files stay.
    expect(status(report, 'network').status).toBe('text');
    expect(manifest(out).figures.network.src).toBe(before.figures.network.src);
    expect(report.trained).toBe(true); // some texts quote the trained network
  }, 60_000);

  it('makes again a figure whose file was altered or deleted', async () => {
    const figures = manifest(out).figures;
    writeFileSync(join(out, 'public', figures['training-set'].src), 'not a png');
    rmSync(join(out, 'public', figures.network.src));
    const report = await build();
    expect(made(report)).toEqual(['network', 'training-set']);
    expect(status(report, 'training-set').reason).toMatch(/^file changed on disk/);
    expect(status(report, 'network').reason).toMatch(/^file missing/);
    expect(report.trained).toBe(false);
  }, 60_000);

  it('writes nothing in check mode, and reports what is stale', async () => {
    setSettings({ learningRate: 0.03, hiddenUnits: 4, frameEvery: 10 });
    const hashes = hashTree(out);
    const report = await build({ mode: 'check' });
    expect(report.notFresh).toBe(FROM_TRAINED_NETWORK.length);
    expect(made(report)).toEqual([]);
    expect(hashTree(out)).toEqual(hashes);
  }, 60_000);

  it('redraws everything when forced', async () => {
    const report = await build({ mode: 'force' });
    expect(made(report)).toEqual(sorted(ALL));
    expect(status(report, 'himmelblau').reason).toBe('forced (--force)');
  }, 60_000);

  it('makes again, next time, an output whose source was saved after the drawing code was loaded', async () => {
    // The build hashes the source text after the code was loaded; a save in between could pair
    // the new text's key with a figure drawn by the old code. Such outputs get no key.
    const loadedAt = Date.now() - 1;
    appendFileSync(
      join(project, 'src', 'figures', 'network-diagram.ts'),
      '\n// saved during the build\n',
    );
    const first = await build({ codeLoadedAt: loadedAt });
    expect(made(first)).toEqual(['network', 'network-trained']);
    const second = await build();
    expect(made(second)).toEqual(['network', 'network-trained']);
    expect(status(second, 'network').reason).toBe('a source changed while it was being made');
    expect(made(await build())).toEqual([]);
  }, 60_000);

  it('removes the figures and downloads no longer produced', async () => {
    const old = manifest(out);
    const valid = join(project, 'only-validation.csv');
    writeFileSync(
      valid,
      `${'p1,p2,p3,p4,p5,p6,p7,p8,p9,class'}\n0,1,0,0,1,0,0,1,0,0\n0,0,0,1,1,1,0,0,0,1\n`,
    );
    const report = await build({ validFiles: [valid] });
    expect(report.outputs.map((o) => o.id)).not.toContain('validation-2');
    const now = manifest(out);
    expect(Object.keys(now.figures)).not.toContain('validation-2');
    expect(Object.keys(now.downloads)).not.toContain('validation-2-csv');
    const files = [...hashTree(join(out, 'public')).keys()];
    expect(files).not.toContain(old.figures['validation-2'].src);
    expect(files).not.toContain(old.downloads['validation-2-csv'].src);
    expect(Object.keys(readCache(join(out, 'src', 'generated'))!.outputs)).not.toContain(
      'validation-2',
    );
    expect(status(report, 'validation-1').reason).toBe('data changed: validation');
  }, 60_000);
});
