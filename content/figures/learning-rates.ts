/** The tutorial's run beside four other learning rates, from too small to too large: loss and accuracy over the iterations. */
import { accuracySentence, plain } from '../../src/figures/prose.ts';
import { comparisonFigure } from '../../src/figures/run-comparison-figure.ts';
import type { RunRecord } from '../../src/nn/types.ts';

/** The iteration whose loss overflowed, for a run that stopped early (its history ends before N), else null. */
const divergedAt = (run: RunRecord) =>
  run.history.length <= run.settings.iterations ? run.history.length : null;

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

export default comparisonFigure({
  // From the smallest learning rate to the largest.
  experiments: ['lr-0.001', 'tutorial', 'lr-0.1', 'lr-0.3', 'lr-1'],
  label,
  describe: (name, run) => {
    const diverged = divergedAt(run);
    const start = plain(run.history[0]!.loss, 2);
    if (diverged !== null)
      return `with learning rate ${run.settings.learningRate} the loss goes from ${start} to ${plain(run.history.at(-1)!.loss, 1)} at iteration ${diverged - 1} and overflows at iteration ${diverged}, where its curves stop`;
    return `with ${label(name, run)} the loss goes from ${start} to ${plain(run.history.at(-1)!.loss, 3)} and ${accuracySentence(run)}`;
  },
  curves: 'per learning rate',
  caption:
    'Five runs that differ only in their learning rate: the same network, the same data and the same first weights.',
});
