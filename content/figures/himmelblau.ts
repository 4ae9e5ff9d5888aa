/** Gradient descent on Himmelblau's function: paths from six starts into its four minima. No experiment: it shows the idea, not the network. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { DESCENT_STARTS, gradientDescentPath } from '../../src/figures/himmelblau.ts';
import {
  drawHimmelblau,
  HIMMELBLAU_MINIMA,
  himmelblauSize,
  nearestMinimum,
} from '../../src/figures/himmelblau-figure.ts';
import { formatNumber } from '../../src/figures/scales.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';

/** A coordinate for prose, with a plain hyphen-minus. */
const coordinate = (value: number) => formatNumber(value, 2).replace('\u2212', '-');

export default defineFigure({
  format: 'png',
  experiments: [],
  reads: { settings: [], record: [] },
  displayWidth: CONTENT_WIDTH,
  size: () => himmelblauSize(CONTENT_WIDTH),
  draw: (ctx) => drawHimmelblau(ctx, CONTENT_WIDTH),
  text: () => {
    const ends = DESCENT_STARTS.map((start) => {
      const path = gradientDescentPath(start);
      const m = HIMMELBLAU_MINIMA[nearestMinimum(path.at(-1)!)]!;
      return `from (${start.x}, ${start.y}) to (${coordinate(m.x)}, ${coordinate(m.y)}) in ${path.length - 1} steps`;
    });
    return {
      alt:
        `A contour map of Himmelblau's function f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2 for x and y from -5 to 5, ` +
        `lighter where f is lower, with its four minima marked by stars at (3, 2), (-2.81, 3.13), (-3.78, -3.28) and (3.58, -1.85). ` +
        `${DESCENT_STARTS.length} gradient-descent paths, coloured by the minimum they reach, run ${ends.join('; ')}.`,
      caption: `Gradient descent on Himmelblau's function: each path steps against the gradient and ends in the minimum of the basin it starts in.`,
    };
  },
});
