/**
 * One frame of the training animation: the network at one iteration. The build draws the GIF's
 * frames with it, and the browser's training explorer calls the same function to draw any
 * iteration. It draws in CSS pixels; the caller scales the context for sharpness.
 *
 * It shows W1, b1, A1; W2, b2, A2 (with a marker per example on its true class); and the loss
 * and accuracy curves up to this iteration, on axes that span the whole run. Where each goes is
 * training-frame-layout.ts's business: side by side in the animation, stacked on a phone.
 */
import { SETTING_KEYS } from '../nn/settings.ts';
import type { HistoryEntry, RunRecord, Snapshot } from '../nn/types.ts';
import { drawColourBar } from './colour-bar.ts';
import { divergingAt, divergingColour, greyColour, type Rgb } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import type { FigureReads } from './figure-definition.ts';
import { cellCentre, drawHeatmap } from './heatmap.ts';
import { drawLineChart } from './line-chart.ts';
import { drawPredictionMarker } from './markers.ts';
import type { Rect } from './pixel-snap.ts';
import { accuracySentence, plain } from './prose.ts';
import { exampleTicks, formatNumber, niceCeil, ticksEvery } from './scales.ts';
import {
  drawLabel,
  drawText,
  drawVerticalText,
  fontFor,
  type LabelPart,
  layerSymbol,
  measureLabel,
} from './text.ts';
import { COLOURS, CONTENT_WIDTH, className, TEXT } from './theme.ts';
import { thinHistory } from './thin-points.ts';
import {
  type HeatmapPlace,
  type HeatmapSpecBase,
  type TrainingFrameLayout,
  trainingFrameLayout,
} from './training-frame-layout.ts';
import {
  firstColumns,
  firstRows,
  grouped,
  isPartial,
  subsetSentence,
  unitSubset,
} from './unit-subset.ts';

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

/**
 * What the training animation and its still read of a run: every setting (frameEvery too, since
 * the colour scale spans every frame) and the parts the frames draw.
 */
export const TRAINING_FRAME_READS: FigureReads = {
  settings: SETTING_KEYS,
  record: ['datasets', 'frames', 'history', 'firstPerfectIteration'],
};

/** The size of a run's frames, in CSS px, at the page's content width. */
export function trainingFrameSize(run: Pick<RunRecord, 'settings' | 'datasets'>) {
  return trainingFrameLayout(
    run.settings.hiddenUnits,
    run.datasets.train.labels.length,
    CONTENT_WIDTH,
  );
}

/** Room around a changing part for what is drawn on its edge: a curve's width, the current point's dot. */
const CHANGING_PAD = 6;

/**
 * The parts of a run's frames that change from one iteration to the next, in CSS px: the header
 * (iteration, loss and accuracy), the cells of the six heatmaps (and the markers on A2's), and
 * the two plots. The titles, labels, legend and axes are drawn the same in every frame.
 */
export function trainingFrameChanging(
  run: Pick<RunRecord, 'settings' | 'datasets'>,
  width = CONTENT_WIDTH,
): Rect[] {
  const hidden = unitSubset(run.settings.hiddenUnits).drawn;
  const n = run.datasets.train.labels.length;
  const layout = trainingFrameLayout(hidden, n, width);
  const { readout } = layout;
  const header = Math.max(layout.titleY, readout.y + (readout.lines - 1) * readout.lineHeight);
  const cells = (place: HeatmapPlace, rows: number, cols: number): Rect => ({
    x: place.x,
    y: place.y,
    width: cols * place.cellWidth,
    height: rows * place.cellHeight,
  });
  const padded = (r: Rect): Rect => ({
    x: r.x - CHANGING_PAD,
    y: r.y - CHANGING_PAD,
    width: r.width + 2 * CHANGING_PAD,
    height: r.height + 2 * CHANGING_PAD,
  });
  // The header reaches its last line's descenders (on a phone the legend starts 11 px below it).
  // The cells are not padded: the markers stay inside them, and the column numbers start 4 px below.
  return [
    { x: 0, y: 0, width: layout.width, height: header + CHANGING_PAD },
    cells(layout.W1, hidden, 9),
    cells(layout.b1, hidden, 1),
    cells(layout.A1, hidden, n),
    cells(layout.W2, 2, hidden),
    cells(layout.b2, 2, 1),
    cells(layout.A2, 2, n),
    padded(layout.lossPlot),
    padded(layout.accuracyPlot),
  ];
}

/**
 * What every frame of the training animation shows, and how the run went, for alt texts: "Each
 * frame shows heatmaps of W[1] (6 by 9), ... The loss falls from 16.10 to 0.746; ...".
 */
export function trainingFrameDescription(
  run: Pick<RunRecord, 'settings' | 'datasets' | 'history' | 'firstPerfectIteration'>,
): string {
  const h = run.settings.hiddenUnits;
  const n = run.datasets.train.labels.length;
  const { history } = run;
  return (
    `Each frame shows heatmaps of W[1] (${grouped(h)} by 9), b[1], A[1] (${grouped(h)} by ${n}), W[2] (2 by ${grouped(h)}), b[2] and A[2] (2 by ${n}) ` +
    `with a green disc (correct) or red cross (wrong) on each example's true class, and the loss and accuracy curves so far.` +
    `${subsetSentence(unitSubset(h))} ` +
    `The loss falls from ${plain(history[0]!.loss, 2)} to ${plain(history.at(-1)!.loss, 3)}; ${accuracySentence(run)}.`
  );
}

/** The shared colour scale for W and b: the largest |value| in any snapshot, rounded up to a tidy number. */
export function parameterScaleMax(snapshots: readonly Pick<Snapshot, 'params'>[]): number {
  let max = 0;
  for (const { params } of snapshots) {
    for (const m of [params.W1, params.b1, params.W2, params.b2]) max = Math.max(max, m.maxAbs());
  }
  return niceCeil(max, 10);
}

/** Runs of iterations a long history is thinned to for the frames' charts: more than their pixel columns at any size. */
const CURVE_BUCKETS = 2000;

/** The frame inputs of a run's animation: one per snapshot, all on one colour scale. */
export function trainingFrameInputs(
  record: Pick<RunRecord, 'frames' | 'history' | 'datasets' | 'firstPerfectIteration'>,
): TrainingFrameInput[] {
  const scaleMax = parameterScaleMax(record.frames);
  // Every frame plots the curves: a long run's, thinned once, draws the same lines far faster.
  // A frame's own state is kept: its curves end there, at the dot the header's numbers describe.
  const history = thinHistory(
    record.history,
    CURVE_BUCKETS,
    record.frames.map((f) => f.iteration),
  );
  return record.frames.map((snapshot) => ({
    snapshot,
    history,
    labels: record.datasets.train.labels,
    firstPerfectIteration: record.firstPerfectIteration,
    parameterScaleMax: scaleMax,
  }));
}

/** What the parts of a frame share: its layout, the hidden units drawn, and the colour of a parameter. */
interface FrameParts {
  layout: TrainingFrameLayout;
  /** How many hidden units are drawn (all of them, or the first few of a wide layer). */
  hidden: number;
  /** How many there are, grouped in thousands ("1,024"). */
  total: string;
  /** The axis title of the hidden units: "16 of 1,024 hidden units", "6 hidden units". */
  unitsText: string;
  /** The number of training examples. */
  n: number;
  /** The run's last iteration: the header's "of N" and the curves' axes end there. */
  last: number;
  /** The largest |value| of W and b on the colour scale. */
  parameterScale: number;
  parameterColour: (v: number) => Rgb;
}

/** The layout and labels of the frame that draws `input` at `width` CSS px. */
function frameParts(input: TrainingFrameInput, width: number): FrameParts {
  const { snapshot, labels } = input;
  const subset = unitSubset(snapshot.params.W1.rows);
  const hidden = subset.drawn;
  const total = grouped(subset.total);
  // The axes of the hidden units say which are drawn: "16 of 1,024 hidden units", numbered 0 to 15.
  const unitsText = isPartial(subset)
    ? `${hidden} of ${total} hidden units`
    : hidden === 1
      ? '1 hidden unit'
      : `${hidden} hidden units`;
  const n = labels.length;
  const max = input.parameterScaleMax;
  return {
    layout: trainingFrameLayout(hidden, n, width),
    hidden,
    total,
    unitsText,
    n,
    last: input.history[input.history.length - 1]?.iteration ?? snapshot.iteration,
    parameterScale: max,
    parameterColour: (v) => divergingColour(v, max),
  };
}

/**
 * Draws the frame for input.snapshot into ctx, whose origin is the frame's top-left corner and
 * whose units are CSS pixels; the frame is trainingFrameLayout(H, n, width) in size (stacked
 * below 600 px, the animation's own arrangement from there up).
 */
export function drawTrainingFrame(
  ctx: Context2D,
  input: TrainingFrameInput,
  width = CONTENT_WIDTH,
): void {
  const parts = frameParts(input, width);
  onBackground(ctx, parts.layout, () => {
    drawLegend(ctx, parts.layout, parts.parameterScale);
    drawFirstLayerLabels(ctx, parts);
    drawSecondLayerLabels(ctx, parts);
    drawFrameState(ctx, input, parts);
  });
}

/**
 * Draws only what differs from one frame to the next, the parts trainingFrameChanging names, on
 * the background: the same pixels there as drawTrainingFrame, and none of its titles, labels or
 * legend elsewhere. An animation draws its later frames with it, since it reads back only those
 * parts (the legend and labels took a third of each frame's drawing).
 */
export function drawTrainingFrameChanges(
  ctx: Context2D,
  input: TrainingFrameInput,
  width = CONTENT_WIDTH,
): void {
  const parts = frameParts(input, width);
  onBackground(ctx, parts.layout, () => drawFrameState(ctx, input, parts));
}

/** Fills the frame with the paper, runs `draw`, and gives the context back as it was. */
function onBackground(ctx: Context2D, layout: TrainingFrameLayout, draw: () => void): void {
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  draw();
  ctx.restore();
}

/** The frame's state at its iteration: the header, the six heatmaps' cells with the markers, and the curves. */
function drawFrameState(ctx: Context2D, input: TrainingFrameInput, parts: FrameParts): void {
  drawHeader(ctx, input, parts);
  drawFirstLayerCells(ctx, input.snapshot, parts);
  drawSecondLayerCells(ctx, input.snapshot, input.labels, parts);
  drawCurves(ctx, input, parts);
}

/** The header: the iteration, and the loss and accuracy there. */
function drawHeader(ctx: Context2D, input: TrainingFrameInput, parts: FrameParts): void {
  const { snapshot } = input;
  const { layout, n, last } = parts;
  const title = `Iteration ${snapshot.iteration}`;
  drawText(ctx, title, layout.margin, layout.titleY, { size: 20, weight: 600 });
  const titleWidth = ctx.measureText(title).width;
  drawText(ctx, `of ${last}`, layout.margin + titleWidth + 6, layout.titleY, {
    size: TEXT.label,
    colour: COLOURS.mutedText,
  });
  const correct = Math.round(snapshot.accuracy * n);
  const lossText = `loss ${formatNumber(snapshot.loss, 3)}`;
  const accuracyText = `accuracy ${formatNumber(snapshot.accuracy, 3)} (${correct} of ${n} correct)`;
  const { readout } = layout;
  const readoutLines =
    readout.lines === 1 ? [`${lossText}    ${accuracyText}`] : [lossText, accuracyText];
  readoutLines.forEach((line, k) => {
    drawText(ctx, line, readout.x, readout.y + k * readout.lineHeight, {
      size: TEXT.label,
      align: readout.align,
    });
  });
}

/** Layer 1's cells: W1 (H x 9), b1 (H x 1) and A1 (H x n), for the units drawn. */
function drawFirstLayerCells(ctx: Context2D, snapshot: Snapshot, parts: FrameParts): void {
  const { layout, hidden, parameterColour } = parts;
  drawHeatmap(ctx, firstRows(snapshot.params.W1, hidden), {
    ...layout.W1,
    colour: parameterColour,
  });
  drawHeatmap(ctx, firstRows(snapshot.params.b1, hidden), {
    ...layout.b1,
    colour: parameterColour,
  });
  drawHeatmap(ctx, firstRows(snapshot.A1, hidden), { ...layout.A1, colour: greyColour });
}

/** Layer 1's titles, and the numbers of its rows and columns. */
function drawFirstLayerLabels(ctx: Context2D, parts: FrameParts): void {
  const { layout, hidden, total, unitsText, n } = parts;
  heatmapTitle(ctx, layout.W1, layerSymbol('W', 1), `${total} \u00d7 9`);
  heatmapTitle(ctx, layout.b1, layerSymbol('b', 1), '');
  heatmapTitle(
    ctx,
    layout.A1,
    layerSymbol('A', 1),
    `hidden activations, ReLU: ${total} \u00d7 ${n}`,
  );
  unitRowLabels(ctx, layout.W1, hidden);
  // Stacked, A1 has rows of its own to number; side by side it shares W1's.
  if (layout.stacked) unitRowLabels(ctx, layout.A1, hidden);
  // The rotated row title only where it fits beside the rows (the W2 axis names the units too).
  if (hidden * layout.W1.cellHeight >= 96) {
    drawVerticalText(
      ctx,
      unitsText,
      layout.margin + 6,
      layout.W1.y + (hidden * layout.W1.cellHeight) / 2,
      {
        size: TEXT.small,
        colour: COLOURS.mutedText,
      },
    );
  }
  columnLabels(
    ctx,
    layout.W1,
    { rows: hidden, columns: 9, preferred: consecutive(9) },
    '9 input pixels',
  );
  columnLabels(
    ctx,
    layout.A1,
    { rows: hidden, columns: n, preferred: exampleTicks(n) },
    `${n} training examples`,
  );
}

/** Layer 2's cells: W2 (2 x H), b2 (2 x 1) and A2 (2 x n), with a marker on each example's true class. */
function drawSecondLayerCells(
  ctx: Context2D,
  snapshot: Snapshot,
  labels: readonly number[],
  parts: FrameParts,
): void {
  const { layout, hidden, parameterColour } = parts;
  const { params, A2 } = snapshot;
  drawHeatmap(ctx, firstColumns(params.W2, hidden), { ...layout.W2, colour: parameterColour });
  drawHeatmap(ctx, params.b2, { ...layout.b2, colour: parameterColour });
  drawHeatmap(ctx, A2, { ...layout.A2, colour: greyColour });
  const predicted = A2.argmaxColumns();
  const markerSize = Math.max(4, Math.min(layout.A2.cellWidth, layout.A2.cellHeight) * 0.55);
  labels.forEach((label, j) => {
    const centre = cellCentre({ ...layout.A2, colour: greyColour }, label, j);
    drawPredictionMarker(ctx, centre.x, centre.y, markerSize, predicted[j] === label);
  });
}

/** Layer 2's titles, the class names of its rows and the numbers of its columns. */
function drawSecondLayerLabels(ctx: Context2D, parts: FrameParts): void {
  const { layout, hidden, total, unitsText, n } = parts;
  heatmapTitle(ctx, layout.W2, layerSymbol('W', 2), `2 \u00d7 ${total}`);
  heatmapTitle(ctx, layout.b2, layerSymbol('b', 2), '');
  heatmapTitle(ctx, layout.A2, layerSymbol('A', 2), `class probabilities, softmax: 2 \u00d7 ${n}`);
  const classNames = [className(0), className(1)];
  rowLabels(
    ctx,
    layout.W2,
    classNames.map((name, r) => ({ text: name, row: r })),
  );
  if (layout.stacked)
    rowLabels(
      ctx,
      layout.A2,
      classNames.map((name, r) => ({ text: name, row: r })),
    );
  // Every unit's number while they fit, else 0 and multiples of a tidy step.
  const unitTicks = hidden <= 9 ? consecutive(hidden) : exampleTicks(hidden);
  columnLabels(ctx, layout.W2, { rows: 2, columns: hidden, preferred: unitTicks }, unitsText);
  columnLabels(
    ctx,
    layout.A2,
    { rows: 2, columns: n, preferred: exampleTicks(n) },
    `${n} training examples`,
  );
}

/** The loss and accuracy curves up to this iteration, on axes spanning the whole run. */
function drawCurves(ctx: Context2D, input: TrainingFrameInput, parts: FrameParts): void {
  const { snapshot, history } = input;
  const { layout, last } = parts;
  const perfect = input.firstPerfectIteration;
  const reached = perfect !== null && snapshot.iteration >= perfect;
  const marker = (plot: Rect) =>
    reached ? { x: perfect, label: markerLabel(ctx, plot, perfect, last) } : null;
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
    marker: marker(layout.lossPlot),
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
    marker: marker(layout.accuracyPlot),
  });
}

/** The colour bars of W, b and A, and the key to the prediction markers. */
function drawLegend(ctx: Context2D, layout: TrainingFrameLayout, max: number): void {
  const { parameterBar, activationBar } = layout;
  drawText(ctx, 'W, b', parameterBar.labelX, parameterBar.bar.y + 6, {
    size: TEXT.body,
    weight: 600,
    baseline: 'middle',
  });
  drawColourBar(ctx, {
    rect: parameterBar.bar,
    colourAt: divergingAt,
    ticks: [
      { t: 0, label: formatNumber(-max, 1) },
      { t: 0.5, label: '0' },
      { t: 1, label: `+${formatNumber(max, 1)}` },
    ],
  });
  drawText(ctx, 'A', activationBar.labelX, activationBar.bar.y + 6, {
    size: TEXT.body,
    weight: 600,
    baseline: 'middle',
  });
  drawColourBar(ctx, {
    rect: activationBar.bar,
    colourAt: (t) => greyColour(t),
    ticks: [
      { t: 0, label: '0' },
      { t: 1, label: '1' },
    ],
  });
  // The key to the markers: each marker 10 px left of its word, 28 px between the two entries.
  const { key } = layout;
  ctx.font = fontFor({ size: TEXT.small });
  const wrongText = 'wrong';
  const correctText = 'correct prediction';
  const wrongWidth = ctx.measureText(wrongText).width;
  const correctWidth = ctx.measureText(correctText).width;
  const wrongX = key.align === 'right' ? key.x - wrongWidth : key.x + 15 + correctWidth + 28;
  const correctX = key.align === 'right' ? wrongX - 28 - correctWidth : key.x + 15;
  drawText(ctx, wrongText, wrongX, key.y, { size: TEXT.small, baseline: 'middle' });
  drawPredictionMarker(ctx, wrongX - 10, key.y, 9, false);
  drawText(ctx, correctText, correctX, key.y, { size: TEXT.small, baseline: 'middle' });
  drawPredictionMarker(ctx, correctX - 10, key.y, 9, true);
}

function heatmapTitle(ctx: Context2D, at: HeatmapPlace, symbol: LabelPart[], note: string): void {
  drawLabel(ctx, symbol, at.titleX, at.y - 9, { size: 16 });
  if (note !== '') {
    const offset = measureLabel(ctx, symbol, 16) + 6;
    drawText(ctx, note, at.titleX + offset, at.y - 9, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
    });
  }
}

/** Numbers the hidden units down the rows of `at`: every one while a line of text fits each row, else every 2nd or 4th. */
function unitRowLabels(ctx: Context2D, at: HeatmapSpecBase, hidden: number): void {
  const rows = spacedTicks(
    sparserTicks(hidden, consecutive(hidden)),
    at.cellHeight,
    () => TEXT.small,
    1,
  );
  rowLabels(
    ctx,
    at,
    rows.map((k) => ({ text: String(k), row: k })),
  );
}

function rowLabels(
  ctx: Context2D,
  at: HeatmapSpecBase,
  labels: readonly { text: string; row: number }[],
): void {
  for (const { text, row } of labels) {
    drawText(ctx, text, at.x - 6, at.y + (row + 0.5) * at.cellHeight, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'right',
      baseline: 'middle',
    });
  }
}

/** Numbers under the columns of `at` (`preferred`, or fewer where cells are narrower than the numbers), and the axis title. */
function columnLabels(
  ctx: Context2D,
  at: HeatmapSpecBase,
  shape: { rows: number; columns: number; preferred: readonly number[] },
  title: string,
): void {
  const { rows, columns, preferred } = shape;
  const bottom = at.y + rows * at.cellHeight;
  ctx.font = fontFor({ size: TEXT.small });
  const numbers = spacedTicks(
    sparserTicks(columns, preferred),
    at.cellWidth,
    (k) => ctx.measureText(String(k)).width,
    3,
  );
  for (const k of numbers) {
    drawText(ctx, String(k), at.x + (k + 0.5) * at.cellWidth, bottom + 4, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    });
  }
  drawText(ctx, title, at.x, bottom + 20, {
    size: TEXT.small,
    colour: COLOURS.mutedText,
    baseline: 'top',
  });
}

/** 0, 1, ..., n - 1: units, pixels and examples are numbered from 0, as in the code. */
function consecutive(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

/** `preferred`, then ever sparser positions among 1..n: every 2nd and 4th (short axes), 1 and multiples of 5, 10, 20, ...; last [1]. */
function sparserTicks(n: number, preferred: readonly number[]): (readonly number[])[] {
  const lists: (readonly number[])[] = [preferred];
  if (n <= 16)
    for (const stride of [2, 4])
      lists.push(consecutive(Math.ceil(n / stride)).map((k) => k * stride));
  for (const step of [5, 10, 20, 50, 100]) if (step < n) lists.push(ticksEvery(n, step));
  lists.push([0]);
  return lists;
}

/**
 * The first of `candidates` whose labels, centred on cells `pitch` px apart and `extent(k)` px
 * long along the axis, keep at least `gap` px apart; the last candidate if none does.
 */
function spacedTicks(
  candidates: readonly (readonly number[])[],
  pitch: number,
  extent: (k: number) => number,
  gap: number,
): readonly number[] {
  const fits = (ticks: readonly number[]) =>
    ticks.every(
      (k, i) =>
        i === 0 || (k - ticks[i - 1]!) * pitch >= (extent(k) + extent(ticks[i - 1]!)) / 2 + gap,
    );
  return candidates.find(fits) ?? candidates[candidates.length - 1]!;
}

/**
 * The dashed marker's label at iteration k of a chart over 0..last: the full sentence where it
 * fits inside the plot on the side drawLineChart puts it (right of the line before 60% of the
 * width, else left), else shorter forms.
 */
function markerLabel(ctx: Context2D, plot: Rect, k: number, last: number): string {
  const x = plot.x + (last > 0 ? k / last : 0) * plot.width;
  const right = x < plot.x + plot.width * 0.6;
  const room = right ? plot.x + plot.width - (x + 5) : x - 5 - plot.x;
  ctx.font = fontFor({ size: TEXT.small });
  const forms = [`first accuracy of 1: iteration ${k}`, `iteration ${k}`, String(k)];
  return forms.find((form) => ctx.measureText(form).width <= room) ?? forms[forms.length - 1]!;
}
