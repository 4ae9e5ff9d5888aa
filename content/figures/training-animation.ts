/** The training animation: one frame every frameEvery iterations and the last, held for two seconds. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { accuracySentence, plain } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { drawTrainingFrame, trainingFrameInputs } from '../../src/figures/training-frame-figure.ts';
import { trainingFrameLayout } from '../../src/figures/training-frame-layout.ts';
import { SETTING_KEYS } from '../../src/nn/settings.ts';

/** How long each frame shows, and how long the last one is held. */
const FRAME_DELAY_MS = 100;
const LAST_FRAME_DELAY_MS = 2000;

export default defineFigure({
  format: 'gif',
  experiments: ['tutorial'],
  reads: {
    settings: SETTING_KEYS,
    record: ['datasets', 'frames', 'history', 'firstPerfectIteration'],
  },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) =>
    trainingFrameLayout(run.settings.hiddenUnits, run.datasets.train.labels.length, CONTENT_WIDTH),
  frames: ({ run }) => {
    const inputs = trainingFrameInputs(run);
    return inputs.map((input, k) => ({
      draw: (ctx) => drawTrainingFrame(ctx, input, CONTENT_WIDTH),
      delayMs: k === inputs.length - 1 ? LAST_FRAME_DELAY_MS : FRAME_DELAY_MS,
    }));
  },
  text: ({ run }) => {
    const { settings, history, frames } = run;
    const h = settings.hiddenUnits;
    const n = run.datasets.train.labels.length;
    return {
      alt:
        `Animation of ${frames.length} frames, iterations 0 to ${settings.iterations} every ${settings.frameEvery}, looping. ` +
        `Each frame shows heatmaps of W[1] (${h} by 9), b[1], A[1] (${h} by ${n}), W[2] (2 by ${h}), b[2] and A[2] (2 by ${n}) ` +
        `with a green disc (correct) or red cross (wrong) on each example's true class, and the loss and accuracy curves so far. ` +
        `The loss falls from ${plain(history[0]!.loss, 2)} to ${plain(history.at(-1)!.loss, 3)}; ${accuracySentence(run)}.`,
      caption:
        `Training, one frame every ${settings.frameEvery} iterations. Warm colours are positive parameters, cool colours negative; ` +
        `activations run from black (0) to white (1). Green discs on A[2] mark correct predictions, red crosses wrong ones.`,
    };
  },
});
