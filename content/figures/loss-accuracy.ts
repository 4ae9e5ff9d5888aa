/** Loss and accuracy over the whole run, the first iteration with accuracy 1 dashed. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { drawLossAccuracy, lossAccuracySize } from '../../src/figures/loss-accuracy-figure.ts';
import { accuracySentence, plain } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: {
    settings: TRAINED_RUN_SETTINGS,
    record: ['history', 'firstPerfectIteration'],
  },
  displayWidth: CONTENT_WIDTH,
  size: () => lossAccuracySize(CONTENT_WIDTH),
  draw: (ctx, { run }) =>
    drawLossAccuracy(ctx, run.history, run.firstPerfectIteration, CONTENT_WIDTH),
  text: ({ run }) => {
    const { history, settings } = run;
    const first = run.firstPerfectIteration;
    return {
      alt:
        `Two line charts over iterations 0 to ${settings.iterations}. Left: the loss falls from ${plain(history[0]!.loss, 2)} to ${plain(history.at(-1)!.loss, 3)}. ` +
        `Right: ${accuracySentence(run)}.` +
        (first === null ? '' : ` A dashed vertical line marks iteration ${first} on both charts.`),
      caption:
        first === null
          ? `Loss and accuracy during training: the accuracy never reaches 1 in ${settings.iterations} iterations.`
          : `Loss and accuracy during training. The dashed line marks iteration ${first}, the first at which every training image is classified correctly.`,
    };
  },
});
