/** The parameters before training, values printed in the cells, on one colour scale. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import {
  drawInitialParameters,
  initialParametersLayout,
  parametersMaxAbs,
  printsValues,
} from '../../src/figures/initial-parameters-figure.ts';
import { plain } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { grouped, subsetSentence, unitSubset } from '../../src/figures/unit-subset.ts';
import type { InitScheme } from '../../src/nn/types.ts';

/** How each initialisation scheme drew the weights, for the caption. */
const WEIGHTS: Record<InitScheme, string> = {
  xavier: 'weights drawn from a normal distribution scaled by 1/sqrt(fan-in)',
  he: 'weights drawn from a normal distribution scaled by sqrt(2/fan-in)',
  large: 'weights drawn from a normal distribution scaled by 10/sqrt(fan-in)',
  zeros: 'every weight zero',
};

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: { settings: ['seed', 'hiddenUnits', 'init'], record: ['initial'] },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => initialParametersLayout(run.settings.hiddenUnits, CONTENT_WIDTH),
  draw: (ctx, { run }) => drawInitialParameters(ctx, run.initial, CONTENT_WIDTH, run.settings.init),
  text: ({ run }) => {
    const { W1, W2 } = run.initial;
    const h = run.settings.hiddenUnits;
    const weights = [...W1.data, ...W2.data];
    const max = parametersMaxAbs(run.initial);
    const layout = initialParametersLayout(h, CONTENT_WIDTH);
    const values = printsValues(layout) ? ', with their values printed in the cells' : '';
    return {
      alt:
        `Heatmaps of the parameters before training${values}: W[1] (${grouped(h)} by 9) and W[2] (2 by ${grouped(h)}) ` +
        `with weights from ${plain(Math.min(...weights), 2)} to ${plain(Math.max(...weights), 2)}, and the biases b[1] and b[2], all zero. ` +
        `One colour bar from ${plain(-max, 1)} (purple) through 0 (white) to ${plain(max, 1)} (orange).` +
        subsetSentence(unitSubset(h)),
      caption: `The initial parameters (seed ${run.settings.seed}): ${WEIGHTS[run.settings.init]}, biases zero.`,
    };
  },
});
