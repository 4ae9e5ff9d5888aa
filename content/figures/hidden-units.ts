/** The tutorial's run beside networks with fewer and more hidden units: loss and accuracy over the iterations. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { accuracySentence, count, plain } from '../../src/figures/prose.ts';
import { drawRunComparison, runComparisonSize } from '../../src/figures/run-comparison-figure.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';
import type { RunRecord } from '../../src/nn/types.ts';

/** The runs compared, from the fewest hidden units to the most. */
const EXPERIMENTS = ['hidden-1', 'hidden-2', 'hidden-3', 'tutorial', 'hidden-16'];

/** The legend's label of a run, from its own settings. */
const label = (name: string, run: RunRecord) =>
  `${count(run.settings.hiddenUnits, 'hidden unit')}${name === 'tutorial' ? ' (the tutorial)' : ''}`;

export default defineFigure({
  format: 'png',
  experiments: EXPERIMENTS,
  reads: {
    settings: TRAINED_RUN_SETTINGS,
    record: ['history', 'firstPerfectIteration'],
  },
  displayWidth: CONTENT_WIDTH,
  size: () => runComparisonSize(EXPERIMENTS.length, CONTENT_WIDTH),
  draw: (ctx, { runs }) =>
    drawRunComparison(
      ctx,
      EXPERIMENTS.map((name) => ({
        label: label(name, runs[name]!),
        history: runs[name]!.history,
      })),
      CONTENT_WIDTH,
    ),
  text: ({ runs }) => {
    const described = EXPERIMENTS.map((name) => {
      const run = runs[name]!;
      return `with ${label(name, run)} the loss goes from ${plain(run.history[0]!.loss, 2)} to ${plain(run.history.at(-1)!.loss, 3)} and ${accuracySentence(run)}`;
    });
    return {
      alt:
        `Two line charts over iterations 0 to ${runs.tutorial!.settings.iterations}, one curve per size of the hidden layer: ` +
        `the loss on a logarithmic axis on the left, the training accuracy on the right. ${described.join('; ')}.`,
      caption:
        'Five runs that differ only in the number of hidden units: the same data, learning rate and seed (their first W1 rows are shared, their W2 are not).',
    };
  },
});
