/** The tutorial's social card: its title beside its first figure, the training images. */
import { drawTrainingSet, trainingSetLayout } from '../../src/figures/dataset-figures.ts';
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { drawSocialCard, SOCIAL_CARD_SIZE } from '../../src/figures/social-card-figure.ts';
import { SITE_TITLE } from '../../src/lib/site.ts';

/** The page's title, as its frontmatter gives it (a test compares them). */
const TITLE = 'Classifying images with a neural network from scratch';

export default defineFigure({
  format: 'png',
  // Shown by other sites, which know nothing of the reader's colour scheme.
  schemes: ['light'],
  // At its own size: other sites choose how to show it.
  halfSize: false,
  experiments: ['tutorial'],
  reads: { settings: ['dataSeed'], record: ['datasets'] },
  displayWidth: SOCIAL_CARD_SIZE.width,
  size: () => SOCIAL_CARD_SIZE,
  draw: (ctx, { run }) => {
    const train = run.datasets.train;
    drawSocialCard(ctx, {
      site: SITE_TITLE,
      title: TITLE,
      picture: { ...trainingSetLayout(train), draw: (c) => drawTrainingSet(c, train) },
    });
  },
  text: () => ({
    alt: `The title "${TITLE}" beside the tutorial's training images, 3 by 3 pixels each, and the site's mark, a vertical line in a 3 by 3 image.`,
    caption: `The social card of the page "${TITLE}", shown by sites that preview a link to it.`,
  }),
});
