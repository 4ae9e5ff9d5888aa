/**
 * Where the parts of a training frame go, for a frame `width` CSS pixels wide. Two arrangements:
 *
 * - wide (the animation's, from 600 px): W, b and A of a layer side by side in one row, the two
 *   charts side by side;
 * - stacked (phones, 300 to 600 px): every part under the previous one, so the text keeps its
 *   own size (at least 11 px) instead of being shrunk with a 720-px frame.
 *
 * Pure arithmetic: the heights follow from H, n and the width.
 */
import type { HeatmapSpec } from './heatmap.ts';
import type { Rect } from './pixel-snap.ts';
import { CONTENT_WIDTH, TEXT } from './theme.ts';
import { unitSubset } from './unit-subset.ts';

/** A heatmap's position and cell size (the colour map is chosen when drawing). */
export type HeatmapSpecBase = Pick<HeatmapSpec, 'x' | 'y' | 'cellWidth' | 'cellHeight'>;

/** A heatmap's place and the x where its title starts. */
export interface HeatmapPlace extends HeatmapSpecBase {
  titleX: number;
}

/** A colour bar of the legend and the x of its name ("W, b" or "A"), which sits left of it. */
interface LegendBar {
  labelX: number;
  bar: Rect;
}

/** The frame's size and the places of its parts, in CSS pixels. */
export interface TrainingFrameLayout {
  width: number;
  height: number;
  /** The cell size of the parameter heatmaps (in the wide arrangement, of all six). */
  cell: number;
  /** True for the narrow arrangement, with the parts one under another. */
  stacked: boolean;
  /** The left and right margin. */
  margin: number;
  /** The alphabetic baseline of the title "Iteration k". */
  titleY: number;
  /** The loss and accuracy: one right-aligned line beside the title, or 1 or 2 left-aligned lines under it. */
  readout: { x: number; y: number; align: 'left' | 'right'; lines: 1 | 2; lineHeight: number };
  /** The top of the legend's (first) row of colour bars. */
  legendY: number;
  parameterBar: LegendBar;
  activationBar: LegendBar;
  /** The key to the prediction markers: its vertical middle, and where it starts (align left) or ends (align right). */
  key: { x: number; y: number; align: 'left' | 'right' };
  W1: HeatmapPlace;
  b1: HeatmapPlace;
  A1: HeatmapPlace;
  W2: HeatmapPlace;
  b2: HeatmapPlace;
  A2: HeatmapPlace;
  lossPlot: Rect;
  accuracyPlot: Rect;
}

/** Frames narrower than this are stacked; from it up the animation's own layout is used. */
export const STACKED_BELOW = 600;

const MARGIN = 16;
/** Room left of the heatmaps for row labels ("horizontal") and the rotated row title. */
const ROW_LABELS = 76;
const GAP = 24;
const MAX_CELL = 18;
const MIN_CELL = 3;
/** Space above a heatmap for its title, and below it for column numbers and the axis title. */
const TITLE_SPACE = 26;
const BELOW_SPACE = 40;
const CHART_HEIGHT = 130;
/** Rows that carry a class name ("vertical", "horizontal") are at least a line of small text high. */
const LABELLED_ROW = TEXT.small + 1;
/** The legend's bars: W and b's diverging bar, A's grey bar. */
const PARAMETER_BAR = 170;
const ACTIVATION_BAR = 100;

/** Places the frame's parts for H hidden units (the rows of those drawn) and n training examples, `width` CSS pixels wide (default 720). */
export function trainingFrameLayout(
  hidden: number,
  examples: number,
  width = CONTENT_WIDTH,
): TrainingFrameLayout {
  // Rows for the units drawn: at most MAX_DRAWN_UNITS of them.
  const drawn = unitSubset(hidden).drawn;
  return width >= STACKED_BELOW
    ? wideLayout(drawn, examples, width)
    : stackedLayout(drawn, examples, width);
}

/** The animation's arrangement: three rows (layer 1, layer 2, the charts) under a one-line header. */
function wideLayout(hidden: number, examples: number, width: number): TrainingFrameLayout {
  const left = MARGIN + ROW_LABELS;
  const firstColumnCells = Math.max(9, hidden);
  const available = width - left - MARGIN - 2 * GAP;
  const cell = fitCell(available / (firstColumnCells + 1 + examples));
  const labelledRow = Math.max(cell, LABELLED_ROW);
  const bX = left + firstColumnCells * cell + GAP;
  const aX = bX + cell + GAP;
  const legendY = MARGIN + 34;
  const row1Y = legendY + 46 + TITLE_SPACE;
  const row2Y = row1Y + hidden * cell + BELOW_SPACE + TITLE_SPACE;
  const chartsY = row2Y + 2 * labelledRow + BELOW_SPACE + 30;
  const chartLeft = MARGIN + 40;
  const chartGap = 64;
  const chartWidth = (width - chartLeft - MARGIN - chartGap) / 2;
  const at = (x: number, y: number, rowHeight = cell): HeatmapPlace => ({
    x,
    y,
    cellWidth: cell,
    cellHeight: rowHeight,
    titleX: x,
  });
  const activationX = MARGIN + 40 + PARAMETER_BAR + 30;
  return {
    width,
    height: chartsY + CHART_HEIGHT + 44,
    cell,
    stacked: false,
    margin: MARGIN,
    titleY: MARGIN + 18,
    readout: { x: width - MARGIN, y: MARGIN + 18, align: 'right', lines: 1, lineHeight: 0 },
    legendY,
    parameterBar: {
      labelX: MARGIN,
      bar: { x: MARGIN + 40, y: legendY + 4, width: PARAMETER_BAR, height: 12 },
    },
    activationBar: {
      labelX: activationX,
      bar: { x: activationX + 22, y: legendY + 4, width: ACTIVATION_BAR, height: 12 },
    },
    key: { x: width - MARGIN, y: legendY + 10, align: 'right' },
    W1: at(left, row1Y),
    b1: at(bX, row1Y),
    A1: at(aX, row1Y),
    W2: at(left, row2Y, labelledRow),
    b2: at(bX, row2Y, labelledRow),
    A2: at(aX, row2Y, labelledRow),
    lossPlot: { x: chartLeft, y: chartsY, width: chartWidth, height: CHART_HEIGHT },
    accuracyPlot: {
      x: chartLeft + chartWidth + chartGap,
      y: chartsY,
      width: chartWidth,
      height: CHART_HEIGHT,
    },
  };
}

/** The stacked arrangement's margin, row-label column (room for "horizontal" in 12 px) and chart height. */
const NARROW_MARGIN = 12;
const NARROW_ROW_LABELS = 62;
const NARROW_CHART_HEIGHT = 110;
/** From this width the readout fits on one line and both colour bars share a row. */
const ONE_LINE_FROM = 420;
/** Vertical pitch of the readout's lines and of the legend's rows. */
const READOUT_LINE = 20;
const LEGEND_ROW = 38;

/** The top of the phone arrangement: what sits above the heatmaps, and where the first heatmap's title can go. */
type StackedHeader = Pick<
  TrainingFrameLayout,
  'titleY' | 'readout' | 'legendY' | 'parameterBar' | 'activationBar' | 'key'
> & { bottom: number };

/** The title, the readout (one line from ONE_LINE_FROM, else two), the colour bars (one row or two) and the marker key. */
function stackedHeader(width: number): StackedHeader {
  const margin = NARROW_MARGIN;
  const right = width - margin;
  const titleY = margin + 18;
  const oneLine = width >= ONE_LINE_FROM;
  const readout = {
    x: margin,
    y: titleY + 24,
    align: 'left' as const,
    lines: oneLine ? (1 as const) : (2 as const),
    lineHeight: READOUT_LINE,
  };
  const legendY = readout.y + (readout.lines - 1) * READOUT_LINE + 11;
  const barX = margin + 40;
  const parameterBar: LegendBar = {
    labelX: margin,
    bar: { x: barX, y: legendY + 4, width: Math.min(PARAMETER_BAR, right - barX - 14), height: 12 },
  };
  const activationBar: LegendBar = oneLine
    ? {
        labelX: barX + PARAMETER_BAR + 30,
        bar: { x: barX + PARAMETER_BAR + 52, y: legendY + 4, width: ACTIVATION_BAR, height: 12 },
      }
    : {
        labelX: margin,
        bar: { x: barX, y: legendY + LEGEND_ROW + 4, width: ACTIVATION_BAR, height: 12 },
      };
  const keyY = legendY + (oneLine ? 1 : 2) * LEGEND_ROW + 8;
  const key = { x: margin, y: keyY, align: 'left' as const };
  return { titleY, readout, legendY, parameterBar, activationBar, key, bottom: keyY + 18 };
}

/**
 * The phone arrangement, top to bottom: title; readout; colour bars; marker key; W1 and b1; A1;
 * W2 and b2; A2; the loss chart; the accuracy chart. Each heatmap row sizes its own cells to the
 * width (parameters up to 18 px, A down to what n columns allow).
 */
function stackedLayout(hidden: number, examples: number, width: number): TrainingFrameLayout {
  const margin = NARROW_MARGIN;
  const left = margin + NARROW_ROW_LABELS;
  const right = width - margin;
  const cell = fitCell((right - left - GAP) / (Math.max(9, hidden) + 1));
  const aCell = fitCell((right - left) / examples);
  // Each b right of its W (9 columns in layer 1, H in layer 2).
  const b1X = left + 9 * cell + GAP;
  const b2X = left + hidden * cell + GAP;
  const { bottom, ...header } = stackedHeader(width);

  const block = BELOW_SPACE + TITLE_SPACE;
  const w1Y = bottom + TITLE_SPACE;
  const a1Y = w1Y + hidden * cell + block;
  const w2Y = a1Y + hidden * aCell + block;
  const parameterRow = Math.max(cell, LABELLED_ROW);
  const activationRow = Math.max(aCell, LABELLED_ROW);
  const a2Y = w2Y + 2 * parameterRow + block;
  const lossY = a2Y + 2 * activationRow + BELOW_SPACE + 30;
  const accuracyY = lossY + NARROW_CHART_HEIGHT + 44 + 30;
  const chartLeft = margin + 40;
  const chart = (y: number): Rect => ({
    x: chartLeft,
    y,
    width: right - 10 - chartLeft,
    height: NARROW_CHART_HEIGHT,
  });
  const place = (x: number, y: number, size: { width: number; height: number }, titleX = margin) =>
    ({ x, y, cellWidth: size.width, cellHeight: size.height, titleX }) satisfies HeatmapPlace;
  const square = (side: number) => ({ width: side, height: side });
  return {
    width,
    height: accuracyY + NARROW_CHART_HEIGHT + 44,
    cell,
    stacked: true,
    margin,
    ...header,
    W1: place(left, w1Y, square(cell)),
    b1: place(b1X, w1Y, square(cell), b1X),
    A1: place(left, a1Y, square(aCell)),
    W2: place(left, w2Y, { width: cell, height: parameterRow }),
    b2: place(b2X, w2Y, { width: cell, height: parameterRow }, b2X),
    A2: place(left, a2Y, { width: aCell, height: activationRow }),
    lossPlot: chart(lossY),
    accuracyPlot: chart(accuracyY),
  };
}

/** A whole cell size in [3, 18] no larger than `room`. */
function fitCell(room: number): number {
  return Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(room)));
}
