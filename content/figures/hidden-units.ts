/** The tutorial's run beside networks with fewer and more hidden units: loss and accuracy over the iterations. */
import { count } from '../../src/figures/prose.ts';
import { comparisonFigure } from '../../src/figures/run-comparison-figure.ts';

export default comparisonFigure({
  // From the fewest hidden units to the most.
  experiments: ['hidden-1', 'hidden-2', 'hidden-3', 'tutorial', 'hidden-16'],
  label: (name, run) =>
    `${count(run.settings.hiddenUnits, 'hidden unit')}${name === 'tutorial' ? ' (the tutorial)' : ''}`,
  curves: 'per size of the hidden layer',
  caption:
    'Five runs that differ only in the number of hidden units: the same data, learning rate and seed (their first W1 rows are shared, their W2 are not).',
});
