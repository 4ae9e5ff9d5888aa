/**
 * One frame of the training animation: the network at one iteration. The build draws the GIF's
 * frames with it, and the browser's training explorer calls the same function to draw any
 * iteration. It draws in CSS pixels; the caller scales the context for sharpness.
 *
 * Layout (3 rows): W1, b1, A1 / W2, b2, A2 (with a marker per example on its true class) /
 * the loss and accuracy curves up to this iteration, on axes that span the whole run.
 */
import type { HistoryEntry, Snapshot } from '../nn/types.ts';
import { divergingAt, divergingColour, greyColour } from './colour-maps.ts';
import { drawColourBar } from './colour-bar.ts';
import type { Context2D } from './context-2d.ts';
import { cellCentre, drawHeatmap, type HeatmapSpec } from './heatmap.ts';
import { drawLineChart } from './line-chart.ts';
import { drawPredictionMarker } from './markers.ts';
import type { Rect } from './pixel-snap.ts';
import { formatNumber, niceCeil, niceStep } from './scales.ts';
import { className, COLOURS, TEXT } from './theme.ts';
import { drawLabel, drawText, drawVerticalText, fontFor, layerSymbol, measureLabel, type LabelPart } from './text.ts';

/** Everything a frame shows. */
export interface TrainingFrameInput {
  /** The network at the iteration to draw (its parameters and activations on the training set). */
  snapshot: Snapshot;
  /** Loss and accuracy of every iteration 0..N: fixes the axes; curves are drawn up to snapshot.iteration. */
  history: readonly HistoryEntry[];
  /** The true class of each training example (0 or 1), in the order of A1's and A2's columns. */
  labels: readonly number[];
  /** The first iteration with training accuracy 1 (its dashed marker appears once reached), or null. */
  firstPerfectIteration: number | null;
  /** The colour scale's maximum |value| for W and b; the same for every frame so colours compare. */
  parameterScaleMax: number;
}

/** The frame's size and the places of its parts, in CSS pixels. */
export interface TrainingFrameLayout {
  width: number;
  height: number;
  cell: number;
  W1: HeatmapSpecBase;
  b1: HeatmapSpecBase;
  A1: HeatmapSpecBase;
  W2: HeatmapSpecBase;
  b2: HeatmapSpecBase;
  A2: HeatmapSpecBase;
  lossPlot: Rect;
  accuracyPlot: Rect;
  legendY: number;
}

/** A heatmap's position and cell size (the colour map is chosen when drawing). */
export type HeatmapSpecBase = Pick<HeatmapSpec, 'x' | 'y' | 'cellWidth' | 'cellHeight'>;

const MARGIN = 16;
/** Room left of the heatmaps for row labels ("horizontal") and the rotated row title. */
const ROW_LABELS = 76;
const GAP = 24;
const MAX_CELL = 18;
/** Space above a heatmap for its title, and below it for column numbers and the axis title. */
const TITLE_SPACE = 26;
const BELOW_SPACE = 40;
const CHART_HEIGHT = 130;

/** Places the frame's parts for H hidden units and n training examples, `width` CSS pixels wide (default 720). */
export function trainingFrameLayout(hidden: number, examples: number, width = 720): TrainingFrameLayout {
  const left = MARGIN + ROW_LABELS;
  const firstColumnCells = Math.max(9, hidden);
  const available = width - left - MARGIN - 2 * GAP;
  const cell = Math.max(3, Math.min(MAX_CELL, Math.floor(available / (firstColumnCells + 1 + examples))));
  const bX = left + firstColumnCells * cell + GAP;
  const aX = bX + cell + GAP;
  const legendY = MARGIN + 34;
  const row1Y = legendY + 46 + TITLE_SPACE;
  const row2Y = row1Y + hidden * cell + BELOW_SPACE + TITLE_SPACE;
  const chartsY = row2Y + 2 * cell + BELOW_SPACE + 30;
  const chartLeft = MARGIN + 40;
  const chartGap = 64;
  const chartWidth = (width - chartLeft - MARGIN - chartGap) / 2;
  const at = (x: number, y: number): HeatmapSpecBase => ({ x, y, cellWidth: cell, cellHeight: cell });
  return {
    width,
    height: chartsY + CHART_HEIGHT + 44,
    cell,
    W1: at(left, row1Y),
    b1: at(bX, row1Y),
    A1: at(aX, row1Y),
    W2: at(left, row2Y),
    b2: at(bX, row2Y),
    A2: at(aX, row2Y),
    lossPlot: { x: chartLeft, y: chartsY, width: chartWidth, height: CHART_HEIGHT },
    accuracyPlot: { x: chartLeft + chartWidth + chartGap, y: chartsY, width: chartWidth, height: CHART_HEIGHT },
    legendY,
  };
}

/** The shared colour scale for W and b: the largest |value| in any snapshot, rounded up to a tidy number. */
export function parameterScaleMax(snapshots: readonly Pick<Snapshot, 'params'>[]): number {
  let max = 0;
  for (const { params } of snapshots) {
    for (const m of [params.W1, params.b1, params.W2, params.b2]) max = Math.max(max, m.maxAbs());
  }
  return niceCeil(max, 10);
}

/** Column numbers to print under n columns (examples, or many hidden units): 1 and multiples of a nice step. */
export function exampleTicks(n: number): number[] {
  const step = Math.max(1, niceStep(n, 5));
  const ticks = [1];
  for (let k = step; k <= n; k += step) if (k - 1 >= step / 2) ticks.push(k);
  return ticks;
}

/**
 * Draws the frame for input.snapshot into ctx, whose origin is the frame's top-left corner and
 * whose units are CSS pixels; the frame is trainingFrameLayout(H, n, width) in size.
 */
export function drawTrainingFrame(ctx: Context2D, input: TrainingFrameInput, width = 720): void {
  const { snapshot, history, labels } = input;
  const { params, A1, A2 } = snapshot;
  const hidden = params.W1.rows;
  const n = labels.length;
  const layout = trainingFrameLayout(hidden, n, width);
  const max = input.parameterScaleMax;
  const parameterColour = (v: number) => divergingColour(v, max);

  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, layout.width, layout.height);

  // Header: the iteration, and the loss and accuracy there.
  const last = history[history.length - 1]?.iteration ?? snapshot.iteration;
  const title = `Iteration ${snapshot.iteration}`;
  drawText(ctx, title, MARGIN, MARGIN + 18, { size: 20, weight: 600 });
  const titleWidth = ctx.measureText(title).width;
  drawText(ctx, `of ${last}`, MARGIN + titleWidth + 6, MARGIN + 18, { size: TEXT.label, colour: COLOURS.mutedText });
  const correct = Math.round(snapshot.accuracy * n);
  drawText(
    ctx,
    `loss ${formatNumber(snapshot.loss, 3)}    accuracy ${formatNumber(snapshot.accuracy, 3)} (${correct} of ${n} correct)`,
    layout.width - MARGIN,
    MARGIN + 18,
    { size: TEXT.label, align: 'right' },
  );

  drawLegend(ctx, layout, max);

  // Row 1: W1 (H x 9), b1 (H x 1), A1 (H x n).
  const cell = layout.cell;
  drawHeatmap(ctx, params.W1, { ...layout.W1, colour: parameterColour });
  drawHeatmap(ctx, params.b1, { ...layout.b1, colour: parameterColour });
  drawHeatmap(ctx, A1, { ...layout.A1, colour: greyColour });
  heatmapTitle(ctx, layout.W1, layerSymbol('W', 1), `${hidden} \u00d7 9`);
  heatmapTitle(ctx, layout.b1, layerSymbol('b', 1), '');
  heatmapTitle(ctx, layout.A1, layerSymbol('A', 1), `hidden activations, ReLU: ${hidden} \u00d7 ${n}`);
  const row1Labels = Array.from({ length: hidden }, (_, r) => String(r + 1));
  rowLabels(ctx, layout.W1, row1Labels);
  // The rotated row title only where it fits beside the rows (the W2 axis names the units too).
  if (hidden * cell >= 96) {
    drawVerticalText(ctx, `${hidden} hidden units`, MARGIN + 6, layout.W1.y + (hidden * cell) / 2, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
    });
  }
  columnLabels(ctx, layout.W1, hidden, Array.from({ length: 9 }, (_, c) => c + 1), '9 input pixels');
  columnLabels(ctx, layout.A1, hidden, exampleTicks(n), `${n} training examples`);

  // Row 2: W2 (2 x H), b2 (2 x 1), A2 (2 x n) with a marker on each example's true class.
  drawHeatmap(ctx, params.W2, { ...layout.W2, colour: parameterColour });
  drawHeatmap(ctx, params.b2, { ...layout.b2, colour: parameterColour });
  drawHeatmap(ctx, A2, { ...layout.A2, colour: greyColour });
  heatmapTitle(ctx, layout.W2, layerSymbol('W', 2), `2 \u00d7 ${hidden}`);
  heatmapTitle(ctx, layout.b2, layerSymbol('b', 2), '');
  heatmapTitle(ctx, layout.A2, layerSymbol('A', 2), `class probabilities, softmax: 2 \u00d7 ${n}`);
  rowLabels(ctx, layout.W2, [className(0), className(1)]);
  columnLabels(
    ctx,
    layout.W2,
    2,
    // Every unit's number while they fit, else 1 and multiples of a tidy step.
    hidden <= 9 ? Array.from({ length: hidden }, (_, c) => c + 1) : exampleTicks(hidden),
    hidden === 1 ? '1 hidden unit' : `${hidden} hidden units`,
  );
  columnLabels(ctx, layout.A2, 2, exampleTicks(n), `${n} training examples`);
  const predicted = A2.argmaxColumns();
  labels.forEach((label, j) => {
    const centre = cellCentre({ ...layout.A2, colour: greyColour }, label, j);
    drawPredictionMarker(ctx, centre.x, centre.y, Math.max(4, cell * 0.55), predicted[j] === label);
  });

  // Row 3: the curves up to this iteration on axes spanning the whole run.
  const reached = input.firstPerfectIteration !== null && snapshot.iteration >= input.firstPerfectIteration;
  const marker = reached ? { x: input.firstPerfectIteration!, label: `first accuracy of 1: iteration ${input.firstPerfectIteration}` } : null;
  const maxLoss = history.reduce((m, h) => Math.max(m, h.loss), 0);
  drawLineChart(ctx, {
    plot: layout.lossPlot,
    xDomain: [0, last],
    yDomain: [0, niceCeil(maxLoss, 4)],
    xTickCount: 4,
    yTickCount: 4,
    title: 'Loss (cross-entropy)',
    xLabel: 'iteration',
    points: history.map((h) => ({ x: h.iteration, y: h.loss })),
    colour: COLOURS.loss,
    upTo: snapshot.iteration,
    currentDot: true,
    marker,
  });
  drawLineChart(ctx, {
    plot: layout.accuracyPlot,
    xDomain: [0, last],
    yDomain: [0, 1],
    xTickCount: 4,
    yTickCount: 4,
    title: 'Accuracy on the training set',
    xLabel: 'iteration',
    points: history.map((h) => ({ x: h.iteration, y: h.accuracy })),
    colour: COLOURS.accuracy,
    upTo: snapshot.iteration,
    currentDot: true,
    marker,
  });
  ctx.restore();
}

/** The colour bars of W, b and A, and the key to the prediction markers. */
function drawLegend(ctx: Context2D, layout: TrainingFrameLayout, max: number): void {
  const y = layout.legendY;
  let x = MARGIN;
  drawText(ctx, 'W, b', x, y + 10, { size: TEXT.body, weight: 600, baseline: 'middle' });
  x += 40;
  const barWidth = 170;
  drawColourBar(ctx, {
    rect: { x, y: y + 4, width: barWidth, height: 12 },
    colourAt: divergingAt,
    ticks: [
      { t: 0, label: formatNumber(-max, 1) },
      { t: 0.5, label: '0' },
      { t: 1, label: `+${formatNumber(max, 1)}` },
    ],
  });
  x += barWidth + 30;
  drawText(ctx, 'A', x, y + 10, { size: TEXT.body, weight: 600, baseline: 'middle' });
  x += 22;
  const greyWidth = 100;
  drawColourBar(ctx, {
    rect: { x, y: y + 4, width: greyWidth, height: 12 },
    colourAt: (t) => greyColour(t),
    ticks: [
      { t: 0, label: '0' },
      { t: 1, label: '1' },
    ],
  });
  // Key to the markers, right-aligned.
  const right = layout.width - MARGIN;
  ctx.font = fontFor({ size: TEXT.small });
  const wrongText = 'wrong';
  const correctText = 'correct prediction';
  const wrongWidth = ctx.measureText(wrongText).width;
  const correctWidth = ctx.measureText(correctText).width;
  const wrongX = right - wrongWidth;
  drawText(ctx, wrongText, wrongX, y + 10, { size: TEXT.small, baseline: 'middle' });
  drawPredictionMarker(ctx, wrongX - 10, y + 10, 9, false);
  const correctX = wrongX - 28 - correctWidth;
  drawText(ctx, correctText, correctX, y + 10, { size: TEXT.small, baseline: 'middle' });
  drawPredictionMarker(ctx, correctX - 10, y + 10, 9, true);
}

function heatmapTitle(ctx: Context2D, at: HeatmapSpecBase, symbol: LabelPart[], note: string): void {
  drawLabel(ctx, symbol, at.x, at.y - 9, { size: 16 });
  if (note !== '') {
    const offset = measureLabel(ctx, symbol, 16) + 6;
    drawText(ctx, note, at.x + offset, at.y - 9, { size: TEXT.small, colour: COLOURS.mutedText });
  }
}

function rowLabels(ctx: Context2D, at: HeatmapSpecBase, labels: readonly string[]): void {
  labels.forEach((label, r) => {
    drawText(ctx, label, at.x - 6, at.y + (r + 0.5) * at.cellHeight, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'right',
      baseline: 'middle',
    });
  });
}

function columnLabels(ctx: Context2D, at: HeatmapSpecBase, rows: number, numbers: readonly number[], title: string): void {
  const bottom = at.y + rows * at.cellHeight;
  for (const k of numbers) {
    drawText(ctx, String(k), at.x + (k - 0.5) * at.cellWidth, bottom + 4, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    });
  }
  drawText(ctx, title, at.x, bottom + 20, { size: TEXT.small, colour: COLOURS.mutedText, baseline: 'top' });
}
