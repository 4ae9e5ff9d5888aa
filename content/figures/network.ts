/** The architecture: 9 inputs, H hidden units, 2 outputs, every connection drawn. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import {
  hiddenColumnLabel,
  networkDiagramSvg,
  networkLayout,
} from '../../src/figures/network-figure.ts';
import { count } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { grouped, isPartial, subsetSentence, unitSubset } from '../../src/figures/unit-subset.ts';
import { CLASSES, PIXELS } from '../../src/nn/data-matrices.ts';

export default defineFigure({
  format: 'svg',
  experiments: ['tutorial'],
  reads: { settings: ['hiddenUnits'], record: [] },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => networkLayout(run.settings.hiddenUnits, CONTENT_WIDTH),
  svg: ({ run }, { fontCss }) =>
    networkDiagramSvg(run.settings.hiddenUnits, { fontCss, width: CONTENT_WIDTH }),
  text: ({ run }) => {
    const h = run.settings.hiddenUnits;
    const subset = unitSubset(h);
    const hiddenNodes = isPartial(subset)
      ? `${subset.drawn} of the ${grouped(h)} hidden nodes`
      : count(h, 'hidden node');
    return {
      alt:
        `Diagram of the network: three columns of circles, 9 input nodes (one per pixel), ${hiddenNodes} and 2 output nodes, ` +
        `each node joined to every node of the next column (${grouped(PIXELS * h)} + ${grouped(CLASSES * h)} = ${grouped((PIXELS + CLASSES) * h)} connections${isPartial(subset) ? ' in the network' : ''}). ` +
        `The columns are labelled x[0] (9 input pixels), A[1] (${hiddenColumnLabel(h)}, ReLU) and A[2] (2 outputs, softmax).` +
        subsetSentence(subset),
      caption: `The 9-${grouped(h)}-2 network: every input pixel feeds every hidden unit, and every hidden unit feeds both outputs.`,
    };
  },
});
