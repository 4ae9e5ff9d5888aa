/**
 * The numpy program of an experiment, written by src/python/ and run by Python: for datasets
 * generated from the data seed, read from CSV files, or both, it trains the run the engine
 * trains (checked against src/nn/train.ts in this process, not against the program itself).
 * The script and the notebook hold the same code, in the same steps. Skips without numpy,
 * saying what to install; fails instead where REQUIRE_PYTHON=1 (CI).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/nn/csv.ts';
import { type Datasets, generateDatasets } from '../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';
import type { Settings } from '../../src/nn/types.ts';
import { pythonNotebook } from '../../src/python/notebook.ts';
import { type ProgramInput, pythonProgram } from '../../src/python/program.ts';
import { pythonScript } from '../../src/python/script.ts';
import {
  findPython,
  installHint,
  PYTHON_REQUIRED,
  RUN_NOTEBOOK,
  runPython,
} from '../helpers/python.ts';

const folder = mkdtempSync(join(tmpdir(), 'python-program-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const settings: Settings = { ...DEFAULT_SETTINGS, seed: 3, hiddenUnits: 4, iterations: 60 };

/** Datasets unlike the generated ones: the training images dimmed by a tenth, and one validation set of four of them. */
function ownDatasets(): Datasets {
  const generated = generateDatasets(settings.dataSeed);
  const images = generated.train.images.map((image) => image.map((p) => p * 0.9));
  return {
    train: { name: 'dim', images, labels: [...generated.train.labels] },
    validation: [
      { name: 'four', images: images.slice(10, 14), labels: generated.train.labels.slice(10, 14) },
    ],
  };
}

describe('the program text', () => {
  const input: ProgramInput = {
    experiment: 'demo',
    settings,
    trainFile: null,
    validationFiles: [],
  };
  const program = pythonProgram(input);

  it('states every setting of the experiment', () => {
    const script = pythonScript(program);
    for (const [key, value] of Object.entries(settings))
      expect(script).toContain(`"${key}": ${JSON.stringify(value)},`);
  });

  it('has one step for each part of the tutorial, in its order', () => {
    expect(program.sections.map((s) => s.title)).toEqual([
      'The data',
      'The input matrix and the targets',
      'Initialisation',
      'The forward pass',
      'The loss',
      'The gradients',
      'The update',
      'Training',
      'Validation',
      'The results',
    ]);
  });

  it('puts each step in the notebook as a text cell and a code cell, with the same code as the script', () => {
    const notebook = JSON.parse(pythonNotebook(program)) as {
      cells: { cell_type: string; source: string[] }[];
    };
    const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    expect(code).toEqual([
      program.imports,
      ...program.sections.map((s) => s.code),
      program.notebookEnd,
    ]);
    const script = pythonScript(program);
    for (const section of program.sections) expect(script).toContain(section.code);
    const headings = notebook.cells
      .filter((c) => c.cell_type === 'markdown')
      .map((c) => c.source[0]!.trim());
    expect(headings.slice(1)).toEqual(program.sections.map((s, k) => `## ${k + 1}. ${s.title}`));
  });

  it('reads CSV files only when the experiment has them, and generates data only when it needs some', () => {
    const files = pythonScript(
      pythonProgram({
        ...input,
        trainFile: { name: 'dim', file: 'demo-train.csv' },
        validationFiles: [{ name: 'four', file: 'demo-validation-1.csv' }],
      }),
    );
    expect(files).toContain('read_csv("dim", "demo-train.csv")');
    expect(files).not.toContain('def generate_datasets');
    const generated = pythonScript(program);
    expect(generated).not.toContain('read_csv');
    expect(generated).toContain('def generate_datasets');
  });
});

const python = findPython(['numpy']);

// Without Python this skips, saying what to install; where REQUIRE_PYTHON=1 (CI) it runs and fails.
describe.skipIf(python === null && !PYTHON_REQUIRED)(
  `the program run by Python${python === null ? ` (skipped: ${installHint(['numpy'])})` : ''}`,
  () => {
    beforeAll(() => {
      if (python === null) throw new Error(installHint(['numpy']));
    });

    /** Writes the program for `input` (script and notebook) and the CSV files of `datasets`, runs both, and returns their JSON. */
    async function runBoth(input: ProgramInput, datasets: Datasets) {
      const program = pythonProgram(input);
      writeFileSync(join(folder, `${input.experiment}.py`), pythonScript(program));
      writeFileSync(join(folder, `${input.experiment}.ipynb`), pythonNotebook(program));
      if (input.trainFile !== null)
        writeFileSync(join(folder, input.trainFile.file), toCsv(datasets.train));
      for (const [k, file] of input.validationFiles.entries())
        writeFileSync(join(folder, file.file), toCsv(datasets.validation[k]!));
      // Run from another folder: the script finds its CSV files beside itself.
      const script = await runPython(
        python!,
        [join(folder, `${input.experiment}.py`), '--json'],
        tmpdir(),
      );
      const notebook = await runPython(
        python!,
        ['-c', RUN_NOTEBOOK, `${input.experiment}.ipynb`],
        folder,
      );
      expect(script.status, script.stderr).toBe(0);
      expect(notebook.status, notebook.stderr).toBe(0);
      return [JSON.parse(script.stdout), JSON.parse(notebook.stdout.trim().split('\n').at(-1)!)];
    }

    /** What the engine's run of `datasets` says, in the program's JSON shape. */
    function engineRun(name: string, datasets: Datasets) {
      const record = train(settings, datasets);
      return {
        experiment: name,
        history: record.history,
        firstPerfectIteration: record.firstPerfectIteration,
        validation: record.validation.map(({ name, accuracy }) => ({ name, accuracy })),
        divergence: null,
      };
    }

    /** `actual` with each loss replaced by the engine's when it agrees within 1e-9 relative, so that toEqual shows only real differences. */
    function withCloseLosses(
      actual: ReturnType<typeof engineRun>,
      expected: ReturnType<typeof engineRun>,
    ) {
      return {
        ...actual,
        history: actual.history.map((entry, k) => {
          const loss = expected.history[k]?.loss ?? Number.NaN;
          return Math.abs(entry.loss - loss) <= 1e-9 * Math.abs(loss) ? { ...entry, loss } : entry;
        }),
      };
    }

    it('generates the engine’s datasets bit for bit, from any data seed', async () => {
      for (const dataSeed of [2024, 99]) {
        const input: ProgramInput = {
          experiment: `data-${dataSeed}`,
          settings: { ...settings, dataSeed },
          trainFile: null,
          validationFiles: [],
        };
        writeFileSync(
          join(folder, `${input.experiment}.ipynb`),
          pythonNotebook(pythonProgram(input)),
        );
        const sets =
          '[{"name": d["name"], "images": d["images"].tolist(), "labels": d["labels"].tolist()} for d in [train_set, *validation_sets]]';
        const shown = await runPython(
          python!,
          ['-c', RUN_NOTEBOOK, `${input.experiment}.ipynb`, sets],
          folder,
        );
        expect(shown.status, shown.stderr).toBe(0);
        const { train: trainSet, validation } = generateDatasets(dataSeed);
        expect(JSON.parse(shown.stdout.trim().split('\n').at(-1)!)).toEqual([
          trainSet,
          ...validation,
        ]);
      }
    });

    it('trains the engine’s run on datasets read from CSV files', async () => {
      const datasets = ownDatasets();
      const input: ProgramInput = {
        experiment: 'from-files',
        settings,
        trainFile: { name: 'dim', file: 'from-files-train.csv' },
        validationFiles: [{ name: 'four', file: 'from-files-validation-1.csv' }],
      };
      const expected = engineRun('from-files', datasets);
      for (const actual of await runBoth(input, datasets))
        expect(withCloseLosses(actual, expected)).toEqual(expected);
    });

    it('trains the engine’s run on a CSV training set with the generated validation sets', async () => {
      const datasets = {
        ...ownDatasets(),
        validation: generateDatasets(settings.dataSeed).validation,
      };
      const input: ProgramInput = {
        experiment: 'mixed',
        settings,
        trainFile: { name: 'dim', file: 'mixed-train.csv' },
        validationFiles: [],
      };
      const expected = engineRun('mixed', datasets);
      for (const actual of await runBoth(input, datasets))
        expect(withCloseLosses(actual, expected)).toEqual(expected);
    });
  },
);
