/**
 * The tutorial's sentences follow its run: a copy of the project whose tutorial experiment has
 * another seed (one with no dead hidden unit) builds, and the page says what that run did: no
 * dead unit, its own probes, its own traced example, and its own leaning at iteration 0.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neverActiveUnits } from '../../../src/figures/hidden-unit-facts.ts';
import { runResults } from '../../../src/figures/run-results.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../../src/nn/settings.ts';
import { train } from '../../../src/nn/train.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { run } from './build-site.ts';
import { visibleText } from './html.ts';
import { copyProject, removeCopy } from './project-copy.ts';

/** The first seed after the tutorial's whose run has no never-active hidden unit. */
function seedWithoutDeadUnit(): number {
  const datasets = generateDatasets(DEFAULT_SETTINGS.dataSeed);
  for (let seed = DEFAULT_SETTINGS.seed + 1; ; seed++) {
    if (neverActiveUnits(train({ ...DEFAULT_SETTINGS, seed }, datasets)).length === 0) return seed;
  }
}

const seed = seedWithoutDeadUnit();
const expected = runResults(
  train({ ...DEFAULT_SETTINGS, seed }, generateDatasets(DEFAULT_SETTINGS.dataSeed)),
);
let copy = '';
let text = '';

beforeAll(async () => {
  copy = await copyProject(PROJECT_ROOT, 'nn-site-seed-');
  const file = join(copy, 'content', 'experiments', 'tutorial.json');
  const settings = (await readFile(file, 'utf8')).replace(/"seed": \d+/, `"seed": ${seed}`);
  await writeFile(file, settings);
  await run('npm', ['run', 'build'], copy);
  text = visibleText(await readFile(join(copy, 'dist', 'index.html'), 'utf8'));
}, 600_000);

afterAll(() => removeCopy(copy));

describe(`the tutorial built with seed ${DEFAULT_SETTINGS.seed + 1} or later (no dead unit)`, () => {
  it('says that no unit was dead, and names none', () => {
    expect(expected.neverActiveUnits).toBeNull();
    expect(text).toContain('In this run no unit was dead');
    expect(text).not.toContain('In this run that happened to');
  });

  it('gives that run’s probabilities for the probe images', () => {
    for (const probe of expected.probes) expect(text).toContain(probe.probabilities[0]!.toFixed(3));
  });

  it('traces that run’s example 0 and states its leaning at iteration 0', () => {
    for (const z of expected.trace.Z1) expect(text).toContain(z.toFixed(3));
    if (expected.initialPredictions.leaning !== null)
      expect(text).toContain(expected.initialPredictions.leaning);
    expect(text).toContain(String(expected.settings.seed));
  });
});
