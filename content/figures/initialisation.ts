/** The tutorial's run beside three other ways of drawing the first weights: loss and accuracy over the iterations. */
import { choiceLabel, INIT_CHOICES } from '../../src/explorer/explorer-fields.ts';
import { comparisonFigure } from '../../src/figures/run-comparison-figure.ts';

export default comparisonFigure({
  // The tutorial's scheme first, then He's, then the two that go wrong.
  experiments: ['tutorial', 'init-he', 'init-zeros', 'init-large'],
  label: (name, run) => {
    const choice = INIT_CHOICES.find((c) => c.value === run.settings.init)!;
    return name === 'tutorial'
      ? `${choice.name} (${choice.detail}; the tutorial's)`
      : choiceLabel(choice);
  },
  curves: 'per way of drawing the first weights',
  caption:
    'Four runs that differ only in how the first weights are drawn: the same seed, so the same standard normal draws, scaled differently (or, for zeros, not drawn at all).',
});
