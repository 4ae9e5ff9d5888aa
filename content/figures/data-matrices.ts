/** The training set as the matrices of the equations: X, the labels y and the one-hot Y. */
import { dataMatricesLayout, drawDataMatrices } from '../../src/figures/data-matrices-figure.ts';
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: { settings: ['dataSeed'], record: ['datasets'] },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => dataMatricesLayout(run.datasets.train.labels.length, CONTENT_WIDTH),
  draw: (ctx, { run }) => drawDataMatrices(ctx, run.datasets.train, CONTENT_WIDTH),
  text: ({ run }) => {
    const train = run.datasets.train;
    const n = train.labels.length;
    return {
      alt:
        `Three grids. The input matrix X, 9 rows by ${n} columns of grey cells: column j holds the 9 pixels of image j. ` +
        `The label vector y, ${n} digits: ${train.labels.join(' ')}. ` +
        `The one-hot matrix Y, 2 by ${n}: a white 1 in the row of each example's class and a black 0 in the other row.`,
      caption: `The training set as matrices: X (9 \u00d7 ${n}), the labels y and the one-hot targets Y (2 \u00d7 ${n}).`,
    };
  },
});
