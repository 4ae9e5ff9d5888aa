/**
 * What each hidden unit looks for: its nine input weights (a row of W1) drawn as a 3 x 3 tile in
 * the image's own layout, before and after training, on one diverging colour scale. A unit whose
 * weights favour one column and penalise the others is a detector of that vertical line. Units
 * that were never active are marked: their weights never moved.
 */

import { drawColourBar } from './colour-bar.ts';
import { divergingAt, divergingColour } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { drawHeatmap, type MatrixLike } from './heatmap.ts';
import { strokeCrispFrame } from './pixel-snap.ts';
import { formatNumber, niceCeil } from './scales.ts';
import { drawText } from './text.ts';
import { COLOURS, CONTENT_WIDTH, TEXT } from './theme.ts';
import { firstRows, isPartial, subsetMark, type UnitSubset, unitSubset } from './unit-subset.ts';

const MARGIN = 16;
/** Room at the left for the row labels "before" and "after". */
const LEFT = 70;
const TOP = 34;
const GAP = 14;
const ROW_GAP = 30;
const HEADER_LINE = 18;

/** Where things go for H units in `width` CSS px. */
export interface HiddenWeightsLayout {
  width: number;
  height: number;
  cell: number;
  /** The left edge of unit k's tiles. */
  unitX: (unit: number) => number;
  beforeY: number;
  afterY: number;
  bar: { x: number; y: number; width: number; height: number };
}

/** Lays out two rows of tiles, one per unit drawn; cells shrink to fit them into the width. */
export function hiddenWeightsLayout(hidden: number, width = CONTENT_WIDTH): HiddenWeightsLayout {
  const subset = unitSubset(hidden);
  const pitch = (width - LEFT - MARGIN) / subset.drawn;
  const cell = Math.max(4, Math.min(26, 2 * Math.floor((pitch - GAP) / 3 / 2)));
  const tile = 3 * cell;
  // A second line of header says which units are drawn when not all are.
  const beforeY = TOP + 18 + (isPartial(subset) ? HEADER_LINE : 0);
  const afterY = beforeY + tile + ROW_GAP;
  const barY = afterY + tile + 34;
  return {
    width,
    height: barY + 14 + 36,
    cell,
    unitX: (unit) => LEFT + unit * pitch + (pitch - tile) / 2,
    beforeY,
    afterY,
    bar: { x: LEFT, y: barY, width: Math.min(360, width - LEFT - MARGIN), height: 14 },
  };
}

/** Row `unit` of `W1` as a 3 x 3 matrix: weight of pixel 3r + c at row r, column c. */
function unitTile(W1: MatrixLike, unit: number): MatrixLike {
  return { rows: 3, cols: 3, get: (r, c) => W1.get(unit, 3 * r + c) };
}

/** The colour scale's maximum: the largest |weight| before or after, rounded up. */
export function hiddenWeightsMax(before: MatrixLike, after: MatrixLike): number {
  let max = 0;
  for (const W of [before, after])
    for (let r = 0; r < W.rows; r++)
      for (let c = 0; c < W.cols; c++) max = Math.max(max, Math.abs(W.get(r, c)));
  return niceCeil(max, 10);
}

/** What the parts of the figure share: its layout, the colour scale's maximum and the tiles' size. */
interface WeightsPlot {
  layout: ReturnType<typeof hiddenWeightsLayout>;
  max: number;
  /** A tile's side: three cells. */
  tile: number;
}

const MUTED = { size: TEXT.small, colour: COLOURS.mutedText } as const;

/** Draws the tiles of W1 before and after training; units in `neverActive` are framed and labelled. */
export function drawHiddenWeights(
  ctx: Context2D,
  weights: { before: MatrixLike; after: MatrixLike; neverActive: readonly number[] },
  width = CONTENT_WIDTH,
): void {
  const subset = unitSubset(weights.before.rows);
  const hidden = subset.drawn;
  const layout = hiddenWeightsLayout(subset.total, width);
  const plot: WeightsPlot = {
    layout,
    max: hiddenWeightsMax(weights.before, weights.after),
    tile: 3 * layout.cell,
  };
  const [before, after] = [firstRows(weights.before, hidden), firstRows(weights.after, hidden)];
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  drawHeading(ctx, subset, plot);
  const labelEvery = Math.max(1, Math.ceil(24 / (layout.cell * 3 + GAP)));
  for (let unit = 0; unit < hidden; unit++) {
    const label = unit % labelEvery === 0 ? (hidden <= 12 ? `unit ${unit}` : String(unit)) : null;
    drawUnit(
      ctx,
      { before, after, unit, label, neverActive: weights.neverActive.includes(unit) },
      plot,
    );
  }
  drawWeightBar(ctx, plot);
  ctx.restore();
}

/** The line that says what a tile is (and which units are shown), and the rows' names. */
function drawHeading(ctx: Context2D, subset: UnitSubset, { layout, tile }: WeightsPlot): void {
  drawText(
    ctx,
    'each hidden unit\u2019s 9 input weights (a row of W1), laid out as the image\u2019s pixels',
    LEFT,
    6,
    { ...MUTED, baseline: 'top' },
  );
  if (isPartial(subset))
    drawText(ctx, `showing ${subsetMark(subset, 'units')}`, LEFT, 6 + HEADER_LINE, {
      ...MUTED,
      baseline: 'top',
    });
  for (const [label, y] of [
    ['before', layout.beforeY],
    ['after', layout.afterY],
  ] as const) {
    drawText(ctx, label, LEFT - 10, y + tile / 2, {
      size: TEXT.label,
      align: 'right',
      baseline: 'middle',
    });
  }
}

/** One unit's column: its number (where there is room), its tiles before and after, and a frame if it was never active. */
function drawUnit(
  ctx: Context2D,
  column: {
    before: MatrixLike;
    after: MatrixLike;
    unit: number;
    label: string | null;
    neverActive: boolean;
  },
  { layout, max, tile }: WeightsPlot,
): void {
  const { unit } = column;
  const x = layout.unitX(unit);
  if (column.label !== null)
    drawText(ctx, column.label, x + tile / 2, layout.beforeY - 6, {
      ...MUTED,
      align: 'center',
      baseline: 'bottom',
    });
  for (const [W, y] of [
    [column.before, layout.beforeY],
    [column.after, layout.afterY],
  ] as const) {
    drawHeatmap(ctx, unitTile(W, unit), {
      x,
      y,
      cellWidth: layout.cell,
      cellHeight: layout.cell,
      colour: (v) => divergingColour(v, max),
      frame: COLOURS.axis,
    });
  }
  if (column.neverActive) {
    const frame = {
      x: x - 4,
      y: layout.beforeY - 4,
      width: tile + 8,
      height: layout.afterY + tile - layout.beforeY + 8,
    };
    strokeCrispFrame(ctx, frame, COLOURS.marker);
    drawText(ctx, 'never active', x + tile / 2, layout.afterY + tile + 8, {
      size: TEXT.small,
      colour: COLOURS.marker,
      align: 'center',
      baseline: 'top',
    });
  }
}

/** The colour bar of the weights. */
function drawWeightBar(ctx: Context2D, { layout, max }: WeightsPlot): void {
  drawColourBar(ctx, {
    rect: layout.bar,
    colourAt: divergingAt,
    ticks: [
      { t: 0, label: formatNumber(-max, 1) },
      { t: 0.5, label: '0' },
      { t: 1, label: formatNumber(max, 1) },
    ],
  });
  drawText(ctx, 'weight', layout.bar.x + layout.bar.width + 10, layout.bar.y + 7, {
    ...MUTED,
    baseline: 'middle',
  });
}
