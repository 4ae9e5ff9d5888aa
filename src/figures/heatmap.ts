/** Heatmaps: a matrix drawn as a grid of coloured cells with crisp edges, and optional values in the cells. */

import { dataColour, luminance, type Rgb } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { type DeviceRect, putRects } from './pixel-block.ts';
import { inDevicePixels, snappedEdges, strokeCrispFrame } from './pixel-snap.ts';
import { drawText } from './text.ts';
import { COLOURS } from './theme.ts';

/** What a heatmap needs of a matrix (the engine's Matrix has it). */
export interface MatrixLike {
  rows: number;
  cols: number;
  get(r: number, c: number): number;
}

/** Where and how to draw a heatmap. */
export interface HeatmapSpec {
  /** Top-left corner in CSS pixels. */
  x: number;
  y: number;
  cellWidth: number;
  cellHeight: number;
  colour: (value: number) => Rgb;
  /** Frame colour around the whole matrix (default: a light grey). */
  frame?: string;
  /** Print each value in its cell, formatted by this function (dark or light text by the cell's luminance). */
  valueText?: (value: number) => string;
  valueSize?: number;
}

/** Draws `matrix` with one cell per entry, row r at the top + r cells; cells are snapped to device pixels. */
export function drawHeatmap(ctx: Context2D, matrix: MatrixLike, spec: HeatmapSpec): void {
  inDevicePixels(ctx, ({ sx, sy, ox, oy }) => {
    const xs = snappedEdges(spec.x, spec.cellWidth, matrix.cols, sx, ox);
    const ys = snappedEdges(spec.y, spec.cellHeight, matrix.rows, sy, oy);
    const cells: DeviceRect[] = [];
    for (let r = 0; r < matrix.rows; r++) {
      for (let c = 0; c < matrix.cols; c++) {
        const colour = spec.colour(matrix.get(r, c));
        cells.push({ x0: xs[c]!, y0: ys[r]!, x1: xs[c + 1]!, y1: ys[r + 1]!, colour });
      }
    }
    putRects(ctx, { x0: xs[0]!, y0: ys[0]!, x1: xs.at(-1)!, y1: ys.at(-1)! }, cells);
  });
  strokeCrispFrame(ctx, heatmapRect(matrix, spec), spec.frame ?? COLOURS.cellBorder);
  const valueText = spec.valueText;
  if (valueText !== undefined) {
    for (let r = 0; r < matrix.rows; r++) {
      for (let c = 0; c < matrix.cols; c++) {
        const value = matrix.get(r, c);
        const dark = luminance(spec.colour(value)) > 0.3;
        drawText(
          ctx,
          valueText(value),
          spec.x + (c + 0.5) * spec.cellWidth,
          spec.y + (r + 0.5) * spec.cellHeight,
          {
            size: spec.valueSize ?? 12,
            // On the cell's own (data) colour: the same in both schemes.
            colour: dataColour(dark ? COLOURS.text : '#ffffff'),
            align: 'center',
            baseline: 'middle',
          },
        );
      }
    }
  }
}

/** The rectangle a heatmap covers, in CSS pixels. */
function heatmapRect(
  matrix: MatrixLike,
  spec: HeatmapSpec,
): { x: number; y: number; width: number; height: number } {
  return {
    x: spec.x,
    y: spec.y,
    width: matrix.cols * spec.cellWidth,
    height: matrix.rows * spec.cellHeight,
  };
}

/** The centre of cell (r, c) of a heatmap, in CSS pixels. */
export function cellCentre(spec: HeatmapSpec, r: number, c: number): { x: number; y: number } {
  return { x: spec.x + (c + 0.5) * spec.cellWidth, y: spec.y + (r + 0.5) * spec.cellHeight };
}
