/**
 * The training data as the matrices the equations use: the input matrix X (9 x n, one image per
 * column), the label vector y (1 x n) and the one-hot targets Y (2 x n).
 */
import { inputMatrix, oneHot } from '../nn/data-matrices.ts';
import type { Dataset } from '../nn/types.ts';
import { greyColour, type Rgb } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { drawHeatmap, type MatrixLike } from './heatmap.ts';
import { exampleTicks } from './scales.ts';
import { drawLabel, drawText, drawVerticalText, type LabelPart, measureLabel } from './text.ts';
import { COLOURS, CONTENT_WIDTH, className, TEXT } from './theme.ts';

const MARGIN = 16;
const LEFT = MARGIN + 80;
const TITLE_SPACE = 30;
const BELOW = 26;
const BLOCK_GAP = 4;

/** Positions of the three matrices, in CSS pixels. */
export interface DataMatricesLayout {
  width: number;
  height: number;
  cell: number;
  xTop: number;
  yTop: number;
  oneHotTop: number;
}

/** Lays out X, y and Y for n examples, `width` px wide; cells are an even number of px (whole device pixels at 1.5x). */
export function dataMatricesLayout(examples: number, width = CONTENT_WIDTH): DataMatricesLayout {
  const cell = Math.max(4, Math.min(28, 2 * Math.floor((width - LEFT - MARGIN) / examples / 2)));
  const xTop = MARGIN + TITLE_SPACE + 16;
  const yTop = xTop + 9 * cell + BELOW + BLOCK_GAP + TITLE_SPACE;
  const oneHotTop = yTop + cell + BELOW + BLOCK_GAP + TITLE_SPACE;
  return { width, height: oneHotTop + 2 * cell + BELOW + MARGIN, cell, xTop, yTop, oneHotTop };
}

/** Draws X, y and Y of `dataset`. */
export function drawDataMatrices(ctx: Context2D, dataset: Dataset, width = CONTENT_WIDTH): void {
  const layout = dataMatricesLayout(dataset.labels.length, width);
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  drawInputMatrix(ctx, dataset, layout);
  drawLabelVector(ctx, dataset, layout);
  drawOneHotTargets(ctx, dataset, layout);
  ctx.restore();
}

/** X, 9 x n: each image a column of grey cells, with the key to the greys at the top right. */
function drawInputMatrix(ctx: Context2D, dataset: Dataset, layout: DataMatricesLayout): void {
  const n = dataset.labels.length;
  const { cell, xTop } = layout;
  title(
    ctx,
    [{ text: 'X', italic: true }],
    `input matrix, 9 \u00d7 ${n}: column j holds the 9 pixels of image j`,
    xTop,
  );
  drawPixelKey(ctx, layout.width - MARGIN - 3 * 13, MARGIN);
  drawHeatmap(ctx, inputMatrix(dataset.images), {
    x: LEFT,
    y: xTop,
    cellWidth: cell,
    cellHeight: cell,
    colour: greyColour,
    frame: COLOURS.axis,
  });
  for (let r = 0; r < 9; r++) rowLabel(ctx, String(r), xTop + (r + 0.5) * cell);
  drawVerticalText(ctx, 'pixel', MARGIN + 30, xTop + 4.5 * cell, {
    size: TEXT.small,
    colour: COLOURS.mutedText,
  });
  exampleNumbers(ctx, n, cell, xTop + 9 * cell);
}

/** y, 1 x n: the labels as numbers in white cells. */
function drawLabelVector(ctx: Context2D, dataset: Dataset, layout: DataMatricesLayout): void {
  const n = dataset.labels.length;
  const { cell, yTop } = layout;
  const white: Rgb = [255, 255, 255];
  const labelRow: MatrixLike = { rows: 1, cols: n, get: (_r, c) => dataset.labels[c]! };
  title(
    ctx,
    [{ text: 'y', italic: true }],
    `labels, 1 \u00d7 ${n}: 0 = ${className(0)} line, 1 = ${className(1)} line`,
    yTop,
  );
  drawHeatmap(ctx, labelRow, {
    x: LEFT,
    y: yTop,
    cellWidth: cell,
    cellHeight: cell,
    colour: () => white,
    frame: COLOURS.axis,
    valueText: (v) => String(v),
    valueSize: TEXT.small,
  });
  exampleNumbers(ctx, n, cell, yTop + cell);
}

/** Y, 2 x n: the one-hot targets, a 1 in the row of each image's class. */
function drawOneHotTargets(ctx: Context2D, dataset: Dataset, layout: DataMatricesLayout): void {
  const n = dataset.labels.length;
  const { cell, oneHotTop } = layout;
  title(
    ctx,
    [{ text: 'Y', italic: true }],
    `one-hot labels, 2 \u00d7 ${n}: a 1 in the row of the image's class`,
    oneHotTop,
  );
  drawHeatmap(ctx, oneHot(dataset.labels), {
    x: LEFT,
    y: oneHotTop,
    cellWidth: cell,
    cellHeight: cell,
    colour: greyColour,
    frame: COLOURS.axis,
    valueText: (v) => String(v),
    valueSize: TEXT.small,
  });
  rowLabel(ctx, className(0), oneHotTop + 0.5 * cell);
  rowLabel(ctx, className(1), oneHotTop + 1.5 * cell);
  exampleNumbers(ctx, n, cell, oneHotTop + 2 * cell);
}

function title(ctx: Context2D, symbol: LabelPart[], note: string, top: number): void {
  drawLabel(ctx, symbol, LEFT, top - 10, { size: 17 });
  drawText(ctx, note, LEFT + measureLabel(ctx, symbol, 17) + 10, top - 10, {
    size: TEXT.body,
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

function exampleNumbers(ctx: Context2D, n: number, cell: number, bottom: number): void {
  for (const k of exampleTicks(n)) {
    drawText(ctx, String(k), LEFT + (k + 0.5) * cell, bottom + 4, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    });
  }
}

/** A 3x3 key numbering the pixels 0..8 in row-major order, so rows of X can be read as positions in an image. */
function drawPixelKey(ctx: Context2D, x: number, y: number): void {
  const size = 13;
  drawText(ctx, 'pixel order', x - 6, y + 1.5 * size, {
    size: TEXT.small,
    colour: COLOURS.mutedText,
    align: 'right',
    baseline: 'middle',
  });
  for (let i = 0; i < 9; i++) {
    const cx = x + (i % 3) * size;
    const cy = y + Math.floor(i / 3) * size;
    ctx.strokeStyle = COLOURS.cellBorder;
    ctx.lineWidth = 1;
    ctx.strokeRect(cx + 0.5, cy + 0.5, size - 1, size - 1);
    drawText(ctx, String(i), cx + size / 2, cy + size / 2 + 0.5, {
      size: 11,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'middle',
    });
  }
}
