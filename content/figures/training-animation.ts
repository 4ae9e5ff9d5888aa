/** The training animation: one frame every frameEvery iterations and the last, held for two seconds. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import {
  drawTrainingFrame,
  TRAINING_FRAME_READS,
  trainingFrameDescription,
  trainingFrameInputs,
  trainingFrameSize,
} from '../../src/figures/training-frame-figure.ts';

/** How long each frame shows, and how long the last one is held. */
const FRAME_DELAY_MS = 100;
const LAST_FRAME_DELAY_MS = 2000;

export default defineFigure({
  format: 'gif',
  experiments: ['tutorial'],
  reads: TRAINING_FRAME_READS,
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => trainingFrameSize(run),
  frames: ({ run }) => {
    const inputs = trainingFrameInputs(run);
    return inputs.map((input, k) => ({
      draw: (ctx) => drawTrainingFrame(ctx, input, CONTENT_WIDTH),
      delayMs: k === inputs.length - 1 ? LAST_FRAME_DELAY_MS : FRAME_DELAY_MS,
    }));
  },
  text: ({ run }) => {
    const { settings, frames } = run;
    return {
      alt:
        `Animation of ${frames.length} frames, iterations 0 to ${settings.iterations} every ${settings.frameEvery}, looping. ` +
        trainingFrameDescription(run),
      caption:
        `Training, one frame every ${settings.frameEvery} iterations. Warm colours are positive parameters, cool colours negative; ` +
        `activations run from black (0) to white (1). Green discs on A[2] mark correct predictions, red crosses wrong ones.`,
    };
  },
});
