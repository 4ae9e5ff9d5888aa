/**
 * The network's parameters before training: W1, b1, W2 and b2 as heatmaps with their values
 * printed in the cells and one colour bar shared by all four.
 */
import type { InitScheme, Parameters } from '../nn/types.ts';
import { drawColourBar } from './colour-bar.ts';
import { divergingAt, divergingColour } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { drawHeatmap, type HeatmapSpec, type MatrixLike } from './heatmap.ts';
import { formatNumber, niceCeil } from './scales.ts';
import {
  drawLabel,
  drawText,
  drawVerticalText,
  type LabelPart,
  layerSymbol,
  measureLabel,
} from './text.ts';
import { COLOURS, CONTENT_WIDTH, className, TEXT } from './theme.ts';
import {
  firstColumns,
  firstRows,
  grouped,
  isPartial,
  subsetMark,
  type UnitSubset,
  unitSubset,
} from './unit-subset.ts';

const MARGIN = 16;
const LEFT = MARGIN + 84;
const GAP = 28;
const TITLE_SPACE = 30;
const BELOW = 40;

/** Positions of the four heatmaps and the colour bar, in CSS pixels. */
export interface InitialParametersLayout {
  width: number;
  height: number;
  cellWidth: number;
  cellHeight: number;
  W1: { x: number; y: number };
  b1: { x: number; y: number };
  W2: { x: number; y: number };
  b2: { x: number; y: number };
  bar: { x: number; y: number; width: number; height: number };
}

/** Lays out the parameters of a 9-H-2 network (the units drawn of them), `width` px wide. */
export function initialParametersLayout(
  hidden: number,
  width = CONTENT_WIDTH,
): InitialParametersLayout {
  const columns = Math.max(9, unitSubset(hidden).drawn);
  const cellWidth = Math.max(
    8,
    Math.min(56, 2 * Math.floor((width - LEFT - MARGIN - GAP) / (columns + 1) / 2)),
  );
  const cellHeight = Math.max(8, Math.min(30, cellWidth));
  const row1 = MARGIN + TITLE_SPACE;
  const row2 = row1 + unitSubset(hidden).drawn * cellHeight + BELOW + TITLE_SPACE;
  const barTop = row2 + 2 * cellHeight + BELOW + 10;
  const bX = LEFT + columns * cellWidth + GAP;
  return {
    width,
    height: barTop + 14 + 36,
    cellWidth,
    cellHeight,
    W1: { x: LEFT, y: row1 },
    b1: { x: bX, y: row1 },
    W2: { x: LEFT, y: row2 },
    b2: { x: bX, y: row2 },
    bar: { x: LEFT, y: barTop, width: Math.min(360, width - LEFT - MARGIN), height: 14 },
  };
}

/** Whether the cells are large enough for their values: two decimals need about 30 px. */
export function printsValues(layout: InitialParametersLayout): boolean {
  return layout.cellWidth >= 34 && layout.cellHeight >= 16;
}

/** The colour scale's maximum for a set of parameters: the largest |value|, rounded up to a tidy number. */
export function parametersMaxAbs(params: Parameters): number {
  return niceCeil(
    Math.max(params.W1.maxAbs(), params.b1.maxAbs(), params.W2.maxAbs(), params.b2.maxAbs()),
    10,
  );
}

/** How the weights of a layer with `fanIn` inputs were drawn, for the heatmap's title. */
function weightNote(init: InitScheme, fanIn: number, withMean: boolean): string {
  const sd = {
    xavier: [`1/sqrt(${fanIn})`, 1 / Math.sqrt(fanIn)],
    he: [`sqrt(2/${fanIn})`, Math.sqrt(2 / fanIn)],
    large: [`10/sqrt(${fanIn})`, 10 / Math.sqrt(fanIn)],
    zeros: null,
  }[init];
  if (sd === null) return 'all zero';
  return `${withMean ? 'normal with mean 0 and sd' : 'sd'} ${sd[0]} = ${formatNumber(sd[1] as number, 3)}`;
}

/** What the parts of the figure share: its layout, the hidden units drawn, and the colour scale's maximum |value|. */
interface ParameterPlot {
  layout: InitialParametersLayout;
  subset: UnitSubset;
  max: number;
}

/** Draws W1, b1, W2, b2 of `params` (drawn by `init`) with values in the cells and a shared colour bar. */
export function drawInitialParameters(
  ctx: Context2D,
  params: Parameters,
  width = CONTENT_WIDTH,
  init: InitScheme = 'xavier',
): void {
  const plot: ParameterPlot = {
    layout: initialParametersLayout(params.W1.rows, width),
    subset: unitSubset(params.W1.rows),
    max: parametersMaxAbs(params),
  };
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, plot.layout.width, plot.layout.height);
  drawParameterBlocks(ctx, params, plot, init);
  drawUnitLabels(ctx, plot);
  drawParameterBar(ctx, plot);
  ctx.restore();
}

/** The four matrices as blocks of cells, each with its symbol and shape, and the note under b1. */
function drawParameterBlocks(
  ctx: Context2D,
  params: Parameters,
  { layout, subset, max }: ParameterPlot,
  init: InitScheme,
): void {
  const total = params.W1.rows;
  // The units drawn: their rows of W1 and b1, their columns of W2.
  const hidden = subset.drawn;
  const shown = {
    W1: firstRows(params.W1, hidden),
    b1: firstRows(params.b1, hidden),
    W2: firstColumns(params.W2, hidden),
  };
  const mark = (what: string) => (isPartial(subset) ? ` (${subsetMark(subset, what)})` : '');
  const spec = (at: { x: number; y: number }) => ({
    ...at,
    cellWidth: layout.cellWidth,
    cellHeight: layout.cellHeight,
    colour: (v: number) => divergingColour(v, max),
    frame: COLOURS.axis,
    ...(printsValues(layout)
      ? { valueText: (v: number) => formatNumber(v, 2), valueSize: TEXT.small }
      : {}),
  });
  block(
    ctx,
    shown.W1,
    spec(layout.W1),
    layerSymbol('W', 1),
    `${grouped(total)} \u00d7 9${mark('rows')}, ${weightNote(init, 9, true)}`,
  );
  block(ctx, shown.b1, spec(layout.b1), layerSymbol('b', 1), '');
  block(
    ctx,
    shown.W2,
    spec(layout.W2),
    layerSymbol('W', 2),
    `2 \u00d7 ${grouped(total)}${mark('columns')}, ${weightNote(init, total, false)}`,
  );
  block(ctx, params.b2, spec(layout.b2), layerSymbol('b', 2), '');
  drawText(
    ctx,
    'zeros',
    layout.b1.x + layout.cellWidth / 2,
    layout.b1.y + hidden * layout.cellHeight + 6,
    {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    },
  );
}

/** The numbers of the hidden units, input pixels and classes beside the blocks. */
function drawUnitLabels(ctx: Context2D, { layout, subset }: ParameterPlot): void {
  const hidden = subset.drawn;
  for (let r = 0; r < hidden; r++)
    rowLabel(ctx, String(r), layout.W1.y + (r + 0.5) * layout.cellHeight);
  drawVerticalText(
    ctx,
    'hidden unit',
    MARGIN + 30,
    layout.W1.y + (hidden * layout.cellHeight) / 2,
    { size: TEXT.small, colour: COLOURS.mutedText },
  );
  const { cellWidth, cellHeight } = layout;
  const pixelColumns = {
    x: layout.W1.x,
    count: 9,
    cellWidth,
    bottom: layout.W1.y + hidden * cellHeight,
  };
  columnNumbers(ctx, pixelColumns, 'input pixel');
  rowLabel(ctx, className(0), layout.W2.y + 0.5 * layout.cellHeight);
  rowLabel(ctx, className(1), layout.W2.y + 1.5 * layout.cellHeight);
  const unitColumns = {
    x: layout.W2.x,
    count: hidden,
    cellWidth,
    bottom: layout.W2.y + 2 * cellHeight,
  };
  columnNumbers(ctx, unitColumns, 'hidden unit');
}

/** The colour bar that W and b share. */
function drawParameterBar(ctx: Context2D, { layout, max }: ParameterPlot): void {
  drawText(ctx, 'W, b', layout.bar.x - 8, layout.bar.y + layout.bar.height / 2, {
    size: TEXT.body,
    weight: 600,
    align: 'right',
    baseline: 'middle',
  });
  drawColourBar(ctx, {
    rect: layout.bar,
    colourAt: divergingAt,
    ticks: [
      { t: 0, label: formatNumber(-max, 1) },
      { t: 0.25, label: formatNumber(-max / 2, 2) },
      { t: 0.5, label: '0' },
      { t: 0.75, label: formatNumber(max / 2, 2) },
      { t: 1, label: formatNumber(max, 1) },
    ],
  });
}

function block(
  ctx: Context2D,
  matrix: MatrixLike,
  spec: HeatmapSpec,
  symbol: LabelPart[],
  note: string,
): void {
  drawHeatmap(ctx, matrix, spec);
  drawLabel(ctx, symbol, spec.x, spec.y - 10, { size: 17 });
  if (note !== '')
    drawText(ctx, note, spec.x + measureLabel(ctx, symbol, 17) + 8, spec.y - 10, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
    });
}

function rowLabel(ctx: Context2D, text: string, y: number): void {
  drawText(ctx, text, LEFT - 6, y, {
    size: TEXT.small,
    colour: COLOURS.mutedText,
    align: 'right',
    baseline: 'middle',
  });
}

/** Columns of cells: the left edge, how many, how wide each, and the bottom of the block they belong to. */
interface CellColumns {
  x: number;
  count: number;
  cellWidth: number;
  bottom: number;
}

/** Numbers under each of `columns`, and the axis title `title` under them. */
function columnNumbers(ctx: Context2D, columns: CellColumns, title: string): void {
  const { x, count, cellWidth, bottom } = columns;
  // Numbered from 0, as the code numbers pixels and hidden units.
  for (let k = 0; k < count; k++) {
    drawText(ctx, String(k), x + (k + 0.5) * cellWidth, bottom + 4, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    });
  }
  drawText(ctx, title, x, bottom + 20, {
    size: TEXT.small,
    colour: COLOURS.mutedText,
    baseline: 'top',
  });
}
