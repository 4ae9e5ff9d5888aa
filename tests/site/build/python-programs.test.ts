/**
 * Every experiment's numpy program and notebook, as the build published them, run by Python
 * and compared with the build's own results: every loss within 1e-9 relative, every accuracy,
 * the first iteration with accuracy 1, the validation accuracies and the iteration a diverging
 * run stops at, all equal. The notebooks are also checked against nbformat's schema, and the
 * program's table against `npm run train`. Without Python and numpy this skips, saying what to
 * install; where REQUIRE_PYTHON=1 (CI) it fails instead.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FigureManifest } from '../../../src/figures/figure-manifest.ts';
import { TUTORIAL_SECTIONS } from '../../../src/python/program.ts';
import { readBuiltHistory } from '../../helpers/history-file.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import {
  findPython,
  installHint,
  PYTHON_REQUIRED,
  RUN_NOTEBOOK,
  runPython,
  VALIDATE_NOTEBOOKS,
} from '../../helpers/python.ts';
import { run } from './build-site.ts';
import { startTags } from './html.ts';

const build = inject('siteBuilds').root;

/** What a program prints with --json (and the notebook's as_json()). */
interface ProgramRun {
  experiment: string;
  history: { iteration: number; loss: number; accuracy: number }[];
  firstPerfectIteration: number | null;
  validation: { name: string; accuracy: number }[];
  divergence: { iteration: number; loss: string } | null;
}

/** The parts of an experiment's results (and its history download) the programs reproduce. */
interface BuildResults {
  history: ProgramRun['history'];
  firstPerfectIteration: number | null;
  validation?: { name: string; accuracy: number }[];
  divergence: ProgramRun['divergence'];
}

const EXPERIMENTS = (await readdir(join(PROJECT_ROOT, 'content', 'experiments')))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length))
  .sort();

let manifest: FigureManifest = { figures: {}, downloads: {} };
let folder = '';

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(PROJECT_ROOT, 'src/generated/figures.json'), 'utf8'));
  // The files as a reader downloads them: one folder, each under the name the browser saves it as.
  folder = await mkdtemp(join(tmpdir(), 'python-programs-'));
  for (const entry of Object.values(manifest.downloads))
    await copyFile(join(build.dir, entry.src), join(folder, entry.fileName));
});

afterAll(async () => {
  if (folder !== '') await rm(folder, { recursive: true, force: true });
});

/** How `actual` differs from the build's `results`, one line per difference (none: they agree). */
function differences(actual: ProgramRun, results: BuildResults): string[] {
  const found: string[] = [];
  if (actual.history.length !== results.history.length)
    found.push(`${actual.history.length} iterations, the build has ${results.history.length}`);
  results.history.forEach((expected, k) => {
    const entry = actual.history[k];
    if (entry === undefined) return;
    const relative = Math.abs(entry.loss - expected.loss) / Math.abs(expected.loss);
    if (entry.iteration !== expected.iteration || !(relative <= 1e-9))
      found.push(
        `iteration ${expected.iteration}: loss ${entry.loss}, the build's ${expected.loss}`,
      );
    if (entry.accuracy !== expected.accuracy)
      found.push(
        `iteration ${expected.iteration}: accuracy ${entry.accuracy}, the build's ${expected.accuracy}`,
      );
  });
  if (actual.firstPerfectIteration !== results.firstPerfectIteration)
    found.push(
      `first perfect iteration ${actual.firstPerfectIteration}, the build's ${results.firstPerfectIteration}`,
    );
  const validation = (results.validation ?? []).map(({ name, accuracy }) => ({ name, accuracy }));
  if (JSON.stringify(actual.validation) !== JSON.stringify(validation))
    found.push(
      `validation ${JSON.stringify(actual.validation)}, the build's ${JSON.stringify(validation)}`,
    );
  if (JSON.stringify(actual.divergence) !== JSON.stringify(results.divergence))
    found.push(
      `divergence ${JSON.stringify(actual.divergence)}, the build's ${JSON.stringify(results.divergence)}`,
    );
  return found;
}

/** The build's results of experiment `name`, with its whole history from its CSV download. */
async function buildResults(name: string): Promise<BuildResults> {
  const results = JSON.parse(
    await readFile(join(PROJECT_ROOT, `src/generated/results/${name}.json`), 'utf8'),
  );
  return { ...results, history: readBuiltHistory(PROJECT_ROOT, name) };
}

describe('the pages that offer the programs', () => {
  it('link the tutorial’s program and notebook from the tutorial, with their names and sizes', async () => {
    const html = await readFile(join(build.dir, 'index.html'), 'utf8');
    const links = startTags(html).filter((t) => t.name === 'a' && 'download' in t.attributes);
    for (const id of ['tutorial/python', 'tutorial/notebook']) {
      const entry = manifest.downloads[id]!;
      expect(links.map((l) => l.attributes.href)).toContain(`/${entry.src}`);
      expect(links.find((l) => l.attributes.href === `/${entry.src}`)!.attributes.download).toBe(
        entry.fileName,
      );
      expect(html).toContain(`(${entry.format}, ${(entry.bytes / 1024).toFixed(1)} kB)`);
    }
  });

  it('link every other experiment’s program and notebook from the Experiments page', async () => {
    const html = await readFile(join(build.dir, 'experiments', 'index.html'), 'utf8');
    const hrefs = new Set(
      startTags(html)
        .filter((t) => t.name === 'a')
        .map((t) => t.attributes.href),
    );
    const missing = EXPERIMENTS.flatMap((name) =>
      ['python', 'notebook']
        .map((id) => manifest.downloads[`${name}/${id}`]!)
        .filter((entry) => !hrefs.has(`/${entry.src}`))
        .map((entry) => entry.fileName),
    );
    expect(missing).toEqual([]);
  });

  it('name tutorial sections that the tutorial page has', async () => {
    const html = await readFile(join(build.dir, 'index.html'), 'utf8');
    const ids = new Set(startTags(html).map((t) => t.attributes.id));
    const absent = TUTORIAL_SECTIONS.filter((s) => !ids.has(s.anchor.slice(1)));
    expect(absent).toEqual([]);
  });
});

const python = findPython(['numpy']);
const nbformatPython = findPython(['numpy', 'nbformat']);

// Without Python this skips, saying what to install; where REQUIRE_PYTHON=1 (CI) it runs and fails.
describe.skipIf(python === null && !PYTHON_REQUIRED)(
  `every experiment's numpy program${python === null ? ` (skipped: ${installHint(['numpy'])})` : ''}`,
  () => {
    beforeAll(() => {
      if (python === null) throw new Error(installHint(['numpy']));
    });

    for (const name of EXPERIMENTS) {
      it(`${name}.py --json and ${name}.ipynb agree with the build's results`, async () => {
        const results = await buildResults(name);
        const [script, notebook] = await Promise.all([
          runPython(python!, [`${name}.py`, '--json'], folder),
          runPython(python!, ['-c', RUN_NOTEBOOK, `${name}.ipynb`], folder),
        ]);
        expect(script.status, script.stderr).toBe(0);
        expect(notebook.status, notebook.stderr).toBe(0);
        const fromScript = JSON.parse(script.stdout) as ProgramRun;
        const fromNotebook = JSON.parse(notebook.stdout.trim().split('\n').at(-1)!) as ProgramRun;
        expect(fromScript.experiment).toBe(name);
        expect(differences(fromScript, results)).toEqual([]);
        expect(differences(fromNotebook, results)).toEqual([]);
      });
    }

    it('prints the table `npm run train` prints for the same experiment', async () => {
      const table = await runPython(python!, ['tutorial.py'], folder);
      const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
      const train = await run(tsx, ['scripts/train.ts', '--experiment', 'tutorial'], PROJECT_ROOT);
      expect(table.status).toBe(0);
      expect(table.stdout).toBe(train);
    });

    it('stops where the build does for a run that diverges, and says so', async () => {
      const diverging = [];
      for (const name of EXPERIMENTS) {
        const results = await buildResults(name);
        if (results.divergence !== null) diverging.push({ name, results });
      }
      expect(diverging.length).toBeGreaterThan(0);
      for (const { name, results } of diverging) {
        const table = await runPython(python!, [`${name}.py`], folder);
        expect(table.status).toBe(1);
        expect(table.stdout).toContain(
          `Training diverged: the loss is ${results.divergence!.loss} at iteration ${results.divergence!.iteration}.`,
        );
      }
    });
  },
);

// Without Python this skips, saying what to install; where REQUIRE_PYTHON=1 (CI) it runs and fails.
describe.skipIf(nbformatPython === null && !PYTHON_REQUIRED)(
  `every experiment's notebook${nbformatPython === null ? ` (skipped: ${installHint(['numpy', 'nbformat'])})` : ''}`,
  () => {
    beforeAll(() => {
      if (nbformatPython === null) throw new Error(installHint(['numpy', 'nbformat']));
    });

    it('is valid by nbformat’s schema', async () => {
      const notebooks = EXPERIMENTS.map((name) => `${name}.ipynb`);
      const result = await runPython(
        nbformatPython!,
        ['-c', VALIDATE_NOTEBOOKS, ...notebooks],
        folder,
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n')).toHaveLength(notebooks.length);
    });
  },
);
