/** The Experiments page's social card: its title beside its first figure, the runs of five learning rates. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { drawRunComparison, runComparisonSize } from '../../src/figures/run-comparison-figure.ts';
import { drawSocialCard, SOCIAL_CARD_SIZE } from '../../src/figures/social-card-figure.ts';
import { SITE_TITLE } from '../../src/lib/site.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';

/** The page's title, as its frontmatter gives it (a test compares them). */
const TITLE = 'Experiments';
/** The runs of the page's first figure, from the smallest learning rate to the largest. */
const RUNS = ['lr-0.001', 'tutorial', 'lr-0.1', 'lr-0.3', 'lr-1'];

export default defineFigure({
  format: 'png',
  // Shown by other sites, which know nothing of the reader's colour scheme.
  schemes: ['light'],
  // At its own size: other sites choose how to show it.
  halfSize: false,
  experiments: RUNS,
  reads: { settings: TRAINED_RUN_SETTINGS, record: ['history'] },
  displayWidth: SOCIAL_CARD_SIZE.width,
  size: () => SOCIAL_CARD_SIZE,
  draw: (ctx, { runs }) => {
    const compared = RUNS.map((name) => ({
      label: `learning rate ${runs[name]!.settings.learningRate}`,
      history: runs[name]!.history,
    }));
    drawSocialCard(ctx, {
      site: SITE_TITLE,
      title: TITLE,
      picture: {
        ...runComparisonSize(compared.length),
        draw: (c) => drawRunComparison(c, compared),
      },
    });
  },
  text: () => ({
    alt: `The title "${TITLE}" beside the loss and accuracy curves of the page's runs with five learning rates, and the site's mark, a vertical line in a 3 by 3 image.`,
    caption: `The social card of the page "${TITLE}", shown by sites that preview a link to it.`,
  }),
});
