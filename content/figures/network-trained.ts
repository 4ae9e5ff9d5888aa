/** The trained network: connection colour is the sign of the weight, width and opacity its size, node fill the bias. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { networkLayout, trainedNetworkSvg } from '../../src/figures/network-figure.ts';
import { plain } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH, className } from '../../src/figures/theme.ts';
import {
  grouped,
  MAX_DRAWN_UNITS,
  subsetSentence,
  unitSubset,
} from '../../src/figures/unit-subset.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';
import type { Parameters } from '../../src/nn/types.ts';

/** " (not drawn)" after a hidden unit the diagram leaves out. */
const undrawn = (unit: number) => (unit >= MAX_DRAWN_UNITS ? ' (not drawn)' : '');

/** The largest weight in size, and where it sits ("from pixel 5 to hidden unit 2"). */
function largestWeight({ W1, W2 }: Parameters): { value: number; text: string } {
  let best = { value: 0, text: '' };
  for (let j = 0; j < W1.rows; j++) {
    for (let i = 0; i < W1.cols; i++) {
      const v = W1.get(j, i);
      if (Math.abs(v) > Math.abs(best.value))
        best = { value: v, text: `from pixel ${i} to hidden unit ${j}${undrawn(j)}` };
    }
  }
  for (let k = 0; k < W2.rows; k++) {
    for (let j = 0; j < W2.cols; j++) {
      const v = W2.get(k, j);
      if (Math.abs(v) > Math.abs(best.value))
        best = {
          value: v,
          text: `from hidden unit ${j}${undrawn(j)} to the ${className(k)} output`,
        };
    }
  }
  return best;
}

export default defineFigure({
  format: 'svg',
  experiments: ['tutorial'],
  reads: {
    settings: TRAINED_RUN_SETTINGS,
    record: ['final'],
  },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => networkLayout(run.settings.hiddenUnits, CONTENT_WIDTH),
  svg: ({ run }, { fontCss }) => trainedNetworkSvg(run.final, { fontCss, width: CONTENT_WIDTH }),
  text: ({ run }) => {
    const weights = [...run.final.W1.data, ...run.final.W2.data];
    const positive = weights.filter((w) => w > 0).length;
    const best = largestWeight(run.final);
    return {
      alt:
        `The trained network drawn like the diagram above: each connection orange for a positive weight and purple for a negative one, ` +
        `thicker and more opaque the larger the weight; hidden and output nodes are filled with the colour of their bias. ` +
        `${grouped(positive)} of the ${grouped(weights.length)} weights are positive; the largest in size is ${plain(best.value, 2)}, ${best.text}.` +
        subsetSentence(unitSubset(run.settings.hiddenUnits)),
      caption: `The network after ${run.settings.iterations} iterations: warm connections excite, cool ones inhibit, and the thick ones matter most.`,
    };
  },
});
