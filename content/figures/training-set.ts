/** The training images in a grid, each with its number and class. */
import { drawTrainingSet, trainingSetLayout } from '../../src/figures/dataset-figures.ts';
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { classCounts, count, plain } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: { settings: ['dataSeed'], record: ['datasets'] },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => trainingSetLayout(run.datasets.train, CONTENT_WIDTH),
  draw: (ctx, { run }) => drawTrainingSet(ctx, run.datasets.train, CONTENT_WIDTH),
  text: ({ run }) => {
    const train = run.datasets.train;
    const lit = train.images.flat().filter((p) => p > 0);
    const dimmest = lit.length > 0 ? Math.min(...lit) : 0;
    return {
      alt:
        `The ${count(train.images.length, 'training image')}, 3 by 3 pixels each, in rows of six, each labelled with its number and class: ` +
        `${classCounts(train)}. Background pixels are black; line pixels are white or light grey (the dimmest is ${plain(dimmest, 2)}).`,
      caption: `The training set: ${classCounts(train)}, drawn with black for 0 and white for 1.`,
    };
  },
});
