/**
 * The training animation: one frame for each snapshot the run kept (every frameEvery iterations,
 * or a wider spacing for a long run, plus the first iteration with accuracy 1 and the last, held
 * for two seconds).
 */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import {
  drawTrainingFrame,
  drawTrainingFrameChanges,
  TRAINING_FRAME_READS,
  trainingFrameChanging,
  trainingFrameDescription,
  trainingFrameInputs,
  trainingFrameSize,
} from '../../src/figures/training-frame-figure.ts';
import { frameSpacing, MAX_FRAMES } from '../../src/nn/frame-schedule.ts';

/** How long each frame shows, and how long the last one is held. */
const FRAME_DELAY_MS = 100;
const LAST_FRAME_DELAY_MS = 2000;

export default defineFigure({
  format: 'gif',
  experiments: ['tutorial'],
  reads: TRAINING_FRAME_READS,
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => trainingFrameSize(run),
  changing: ({ run }) => trainingFrameChanging(run),
  frames: ({ run }) => {
    const inputs = trainingFrameInputs(run);
    return inputs.map((input, k) => ({
      draw: (ctx) => drawTrainingFrame(ctx, input, CONTENT_WIDTH),
      drawChanges: (ctx) => drawTrainingFrameChanges(ctx, input, CONTENT_WIDTH),
      delayMs: k === inputs.length - 1 ? LAST_FRAME_DELAY_MS : FRAME_DELAY_MS,
    }));
  },
  text: ({ run }) => {
    const { settings, frames } = run;
    const spacing = frameSpacing(settings.iterations, settings.frameEvery);
    const perfect = run.firstPerfectIteration;
    // Said only when it is a frame of its own, off the regular spacing.
    const perfectFrame =
      perfect !== null && perfect % spacing !== 0 && perfect !== settings.iterations
        ? `, and iteration ${perfect}, the first with accuracy 1`
        : '';
    const widened =
      spacing === settings.frameEvery
        ? ''
        : ` (a frame every ${settings.frameEvery} would make more than ${MAX_FRAMES})`;
    return {
      alt:
        `Animation of ${frames.length} frames, iterations 0 to ${settings.iterations} every ${spacing}${widened}${perfectFrame}, looping. ` +
        trainingFrameDescription(run),
      caption:
        `Training, one frame every ${spacing} iterations. Warm colours are positive parameters, cool colours negative; ` +
        `activations run from black (0) to white (1). Green discs on A[2] mark correct predictions, red crosses wrong ones.`,
    };
  },
});
