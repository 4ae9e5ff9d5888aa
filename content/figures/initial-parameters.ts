/** The parameters before training, values printed in the cells, on one colour scale. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import {
  drawInitialParameters,
  initialParametersLayout,
  parametersMaxAbs,
} from '../../src/figures/initial-parameters-figure.ts';
import { plain } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: { settings: ['seed', 'hiddenUnits'], record: ['initial'] },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => initialParametersLayout(run.settings.hiddenUnits, CONTENT_WIDTH),
  draw: (ctx, { run }) => drawInitialParameters(ctx, run.initial, CONTENT_WIDTH),
  text: ({ run }) => {
    const { W1, W2 } = run.initial;
    const h = run.settings.hiddenUnits;
    const weights = [...W1.data, ...W2.data];
    const max = parametersMaxAbs(run.initial);
    return {
      alt:
        `Heatmaps of the parameters before training, with their values printed in the cells: W[1] (${h} by 9) and W[2] (2 by ${h}) ` +
        `with weights from ${plain(Math.min(...weights), 2)} to ${plain(Math.max(...weights), 2)}, and the biases b[1] and b[2], all zero. ` +
        `One colour bar from ${plain(-max, 1)} (purple) through 0 (white) to ${plain(max, 1)} (orange).`,
      caption: `The initial parameters (seed ${run.settings.seed}): weights drawn from a normal distribution scaled by 1/sqrt(fan-in), biases zero.`,
    };
  },
});
