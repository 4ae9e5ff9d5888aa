/** Validation set 1 with the trained network's predictions: each image's true class, prediction and probability. */
import {
  drawValidationSet,
  validationLayout,
  validationText,
} from '../../src/figures/dataset-figures.ts';
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';

/** The validation set shown: the experiment's set number 1. */
const SET = 0;

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: {
    settings: ['seed', 'dataSeed', 'learningRate', 'hiddenUnits', 'iterations'],
    record: ['datasets', 'validation'],
  },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => validationLayout(run.datasets.validation[SET]!, CONTENT_WIDTH),
  draw: (ctx, { run }) =>
    drawValidationSet(ctx, run.datasets.validation[SET]!, run.validation[SET]!, CONTENT_WIDTH),
  text: ({ run }) => validationText(run.datasets.validation[SET]!, run.validation[SET]!),
});
