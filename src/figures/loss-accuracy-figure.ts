/** Loss and training accuracy over the whole run, side by side, with the first iteration of accuracy 1 marked. */
import type { HistoryEntry } from '../nn/types.ts';
import type { Context2D } from './context-2d.ts';
import { drawLineChart } from './line-chart.ts';
import { niceCeil } from './scales.ts';
import { COLOURS, CONTENT_WIDTH } from './theme.ts';

const MARGIN = 16;
const PLOT_TOP = 44;
const PLOT_HEIGHT = 190;
const GAP = 64;
const LEFT = MARGIN + 40;

/** The figure's size in CSS pixels. */
export function lossAccuracySize(width = CONTENT_WIDTH): { width: number; height: number } {
  return { width, height: PLOT_TOP + PLOT_HEIGHT + 50 };
}

/** Draws the loss and accuracy curves of `history`; a dashed line marks firstPerfectIteration when there is one. */
export function drawLossAccuracy(
  ctx: Context2D,
  history: readonly HistoryEntry[],
  firstPerfectIteration: number | null,
  width = CONTENT_WIDTH,
): void {
  const size = lossAccuracySize(width);
  const plotWidth = (width - LEFT - MARGIN - GAP) / 2;
  const last = history[history.length - 1]?.iteration ?? 0;
  const maxLoss = history.reduce((m, h) => Math.max(m, h.loss), 0);
  const marker =
    firstPerfectIteration === null
      ? null
      : {
          x: firstPerfectIteration,
          label: `first accuracy of 1: iteration ${firstPerfectIteration}`,
        };
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, size.width, size.height);
  drawLineChart(ctx, {
    plot: { x: LEFT, y: PLOT_TOP, width: plotWidth, height: PLOT_HEIGHT },
    xDomain: [0, last],
    yDomain: [0, niceCeil(maxLoss, 4)],
    xTickCount: 4,
    yTickCount: 5,
    title: 'Loss (cross-entropy, summed over the examples)',
    xLabel: 'iteration',
    points: history.map((h) => ({ x: h.iteration, y: h.loss })),
    colour: COLOURS.loss,
    marker,
  });
  drawLineChart(ctx, {
    plot: { x: LEFT + plotWidth + GAP, y: PLOT_TOP, width: plotWidth, height: PLOT_HEIGHT },
    xDomain: [0, last],
    yDomain: [0, 1],
    xTickCount: 4,
    yTickCount: 5,
    title: 'Accuracy on the training set',
    xLabel: 'iteration',
    points: history.map((h) => ({ x: h.iteration, y: h.accuracy })),
    colour: COLOURS.accuracy,
    marker,
  });
  ctx.restore();
}
