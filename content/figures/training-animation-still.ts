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
  TRAINING_FRAME_READS,
  trainingFrameDescription,
  trainingFrameInputs,
  trainingFrameSize,
} from '../../src/figures/training-frame-figure.ts';

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: TRAINING_FRAME_READS,
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => trainingFrameSize(run),
  draw: (ctx, { run }) => drawTrainingFrame(ctx, trainingFrameInputs(run).at(-1)!, CONTENT_WIDTH),
  text: ({ run }) => ({
    alt: `The last frame of the training animation, iteration ${run.settings.iterations}. ${trainingFrameDescription(run)}`,
    caption: 'The last frame of the training animation.',
  }),
});
