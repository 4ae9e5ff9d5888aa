/** The tutorial's settings over 20 seeds of the first weights: when each run first gets every image right. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { initialInactiveUnits } from '../../src/figures/hidden-unit-facts.ts';
import { count } from '../../src/figures/prose.ts';
import { drawSeedStudy, type SeedRun, seedStudySize } from '../../src/figures/seed-study-figure.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';
import type { RunRecord } from '../../src/nn/types.ts';

/** Seeds 1 to 20, one experiment each (seed-1 ... seed-20). */
const SEEDS = Array.from({ length: 20 }, (_, k) => `seed-${k + 1}`);

/** The seed runs, and the tutorial's only to mark the run that has its settings. */
const EXPERIMENTS = [...SEEDS, 'tutorial'];

/** Whether two runs were trained with the same settings (frameEvery aside, which changes no number). */
const sameRun = (a: RunRecord, b: RunRecord) =>
  TRAINED_RUN_SETTINGS.every((key) => a.settings[key] === b.settings[key]);

const seedRuns = (runs: Readonly<Record<string, RunRecord>>): SeedRun[] =>
  SEEDS.map((name) => {
    const run = runs[name]!;
    return {
      seed: run.settings.seed,
      firstPerfectIteration: run.firstPerfectIteration,
      inactiveAtStart: initialInactiveUnits(run).length,
      iterations: run.settings.iterations,
      tutorial: sameRun(run, runs.tutorial!),
    };
  });

export default defineFigure({
  format: 'png',
  experiments: EXPERIMENTS,
  reads: {
    settings: TRAINED_RUN_SETTINGS,
    record: ['datasets', 'initial', 'firstPerfectIteration'],
  },
  displayWidth: CONTENT_WIDTH,
  size: () => seedStudySize(SEEDS.length, CONTENT_WIDTH),
  draw: (ctx, { runs }) => drawSeedStudy(ctx, seedRuns(runs), CONTENT_WIDTH),
  text: ({ runs }) => {
    const rows = seedRuns(runs);
    const reached = rows.filter((r) => r.firstPerfectIteration !== null);
    const firsts = reached.map((r) => r.firstPerfectIteration!);
    const described = rows.map(
      (r) =>
        `seed ${r.seed}: ${r.firstPerfectIteration === null ? 'never' : `iteration ${r.firstPerfectIteration}`}, ${count(r.inactiveAtStart, 'unit')} off at the start`,
    );
    return {
      alt:
        `A bar chart with one row per seed, ${rows.length} in all: each bar reaches the first iteration with training accuracy 1. ` +
        `${reached.length} of ${rows.length} runs get there, ${reached.length === 0 ? '' : `between iterations ${Math.min(...firsts)} and ${Math.max(...firsts)}`}. ` +
        `Beside each bar, how many hidden units are active on no training image at the start. ${described.join('; ')}.`,
      caption:
        'The same network, data and learning rate, trained from twenty different first weights.',
    };
  },
});
