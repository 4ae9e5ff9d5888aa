/** The tutorial's run beside four other learning rates, from too small to too large: loss and accuracy over the iterations. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { accuracySentence, plain } from '../../src/figures/prose.ts';
import { drawRunComparison, runComparisonSize } from '../../src/figures/run-comparison-figure.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';
import type { RunRecord } from '../../src/nn/types.ts';

/** The runs compared, from the smallest learning rate to the largest. */
const EXPERIMENTS = ['lr-0.001', 'tutorial', 'lr-0.1', 'lr-0.3', 'lr-1'];

/** The iteration whose loss overflowed, for a run that stopped early (its history ends before N), else null. */
const divergedAt = (run: RunRecord) =>
  run.history.length <= run.settings.iterations ? run.history.length : null;

/** The legend's label of a run, from its own settings. */
const label = (name: string, run: RunRecord) => {
  const diverged = divergedAt(run);
  const note =
    name === 'tutorial'
      ? ' (the tutorial)'
      : diverged === null
        ? ''
        : ` (diverges at iteration ${diverged})`;
  return `learning rate ${run.settings.learningRate}${note}`;
};

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
      const diverged = divergedAt(run);
      if (diverged !== null)
        return `with learning rate ${run.settings.learningRate} the loss goes from ${plain(run.history[0]!.loss, 2)} to ${plain(run.history.at(-1)!.loss, 1)} at iteration ${diverged - 1} and overflows at iteration ${diverged}, where its curves stop`;
      return `with ${label(name, run)} the loss goes from ${plain(run.history[0]!.loss, 2)} to ${plain(run.history.at(-1)!.loss, 3)} and ${accuracySentence(run)}`;
    });
    return {
      alt:
        `Two line charts over iterations 0 to ${runs.tutorial!.settings.iterations}, one curve per learning rate: ` +
        `the loss on a logarithmic axis on the left, the training accuracy on the right. ${described.join('; ')}.`,
      caption:
        'Five runs that differ only in their learning rate: the same network, the same data and the same first weights.',
    };
  },
});
