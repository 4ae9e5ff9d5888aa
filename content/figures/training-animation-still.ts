/**
 * The training animation's last frame as a still PNG: what the page shows while the animation is
 * paused, and first to a reader whose system asks for reduced motion (<Figure still="ID" />). It
 * draws the frame with the animation's own code and reads what the animation reads (the colour
 * scale spans every frame, so frameEvery changes it too): it is exactly the GIF's last frame, at
 * the sharper PNG pixel ratio.
 */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import {
  drawTrainingFrame,
  trainingFrameDescription,
  trainingFrameInputs,
} from '../../src/figures/training-frame-figure.ts';
import { trainingFrameLayout } from '../../src/figures/training-frame-layout.ts';
import { SETTING_KEYS } from '../../src/nn/settings.ts';

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: {
    settings: SETTING_KEYS,
    record: ['datasets', 'frames', 'history', 'firstPerfectIteration'],
  },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) =>
    trainingFrameLayout(run.settings.hiddenUnits, run.datasets.train.labels.length, CONTENT_WIDTH),
  draw: (ctx, { run }) => drawTrainingFrame(ctx, trainingFrameInputs(run).at(-1)!, CONTENT_WIDTH),
  text: ({ run }) => ({
    alt: `The last frame of the training animation, iteration ${run.settings.iterations}. ${trainingFrameDescription(run)}`,
    caption: 'The last frame of the training animation.',
  }),
});
