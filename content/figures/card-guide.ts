/** The Authoring guide's social card: its title beside the chart its example figure module draws, the tutorial's loss and accuracy. */

import { defineFigure } from '../../src/figures/figure-definition.ts';
import { drawLossAccuracy, lossAccuracySize } from '../../src/figures/loss-accuracy-figure.ts';
import { drawSocialCard, SOCIAL_CARD_SIZE } from '../../src/figures/social-card-figure.ts';
import { SITE_TITLE } from '../../src/lib/site.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';

/** The page's title, as its frontmatter gives it (a test compares them). */
const TITLE = 'Authoring guide';

export default defineFigure({
  format: 'png',
  // Shown by other sites, which know nothing of the reader's colour scheme.
  schemes: ['light'],
  // At its own size: other sites choose how to show it.
  halfSize: false,
  experiments: ['tutorial'],
  reads: { settings: TRAINED_RUN_SETTINGS, record: ['history', 'firstPerfectIteration'] },
  displayWidth: SOCIAL_CARD_SIZE.width,
  size: () => SOCIAL_CARD_SIZE,
  draw: (ctx, { run }) =>
    drawSocialCard(ctx, {
      site: SITE_TITLE,
      title: TITLE,
      picture: {
        ...lossAccuracySize(),
        draw: (c) => drawLossAccuracy(c, run.history, run.firstPerfectIteration),
      },
    }),
  text: () => ({
    alt: `The title "${TITLE}" beside the tutorial's loss and accuracy curves, the chart the guide's example figure draws, and the site's mark, a vertical line in a 3 by 3 image.`,
    caption: `The social card of the page "${TITLE}", shown by sites that preview a link to it.`,
  }),
});
