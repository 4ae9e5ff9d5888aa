/**
 * A grid of 3x3 images, each drawn as grey cells (black 0, white 1) with lines of text under it:
 * the training set and the validation sets. Images can be marked as wrong predictions.
 */
import { greyColour } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { drawHeatmap } from './heatmap.ts';
import { drawPredictionMarker } from './markers.ts';
import { fillCrispRect } from './pixel-snap.ts';
import { drawText } from './text.ts';
import { COLOURS, CONTENT_WIDTH, TEXT } from './theme.ts';

/** One image of the grid: 9 pixels in row-major order, its caption lines, and whether to mark it wrong. */
export interface GridImage {
  pixels: readonly number[];
  lines: readonly string[];
  wrong?: boolean;
}

/** Where the grid's images go, in CSS pixels. */
export interface ImageGridLayout {
  width: number;
  height: number;
  columns: number;
  imageSize: number;
  /** Top-left corner of each image. */
  positions: { x: number; y: number }[];
}

const MARGIN = 16;
const LINE_HEIGHT = 16;
const ROW_GAP = 18;

/** Lays out `count` images in rows of `columns`, each image `imageSize` px square with `lines` text lines under it. */
export function imageGridLayout(
  count: number,
  columns: number,
  lines: number,
  width = CONTENT_WIDTH,
  imageSize = 66,
): ImageGridLayout {
  const cellWidth = (width - 2 * MARGIN) / columns;
  const rowHeight = imageSize + 8 + lines * LINE_HEIGHT + ROW_GAP;
  const rows = Math.ceil(count / columns);
  const positions = Array.from({ length: count }, (_, i) => ({
    x: Math.round(MARGIN + (i % columns) * cellWidth + (cellWidth - imageSize) / 2),
    y: MARGIN + Math.floor(i / columns) * rowHeight,
  }));
  return {
    width,
    height: MARGIN + rows * rowHeight - ROW_GAP + MARGIN,
    columns,
    imageSize,
    positions,
  };
}

/** A 3x3 image as the heatmap helper's matrix. */
function imageMatrix(pixels: readonly number[]): {
  rows: number;
  cols: number;
  get(r: number, c: number): number;
} {
  return { rows: 3, cols: 3, get: (r, c) => pixels[r * 3 + c] ?? 0 };
}

/** Draws the images of `items` where `layout` places them, on the figure's paper. */
export function drawImageGrid(
  ctx: Context2D,
  items: readonly GridImage[],
  layout: ImageGridLayout,
): void {
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  const size = layout.imageSize;
  items.forEach((item, i) => {
    const at = layout.positions[i]!;
    if (item.wrong) {
      // A thick red-orange surround and a cross: wrong predictions stand out in colour and shape.
      fillCrispRect(
        ctx,
        { x: at.x - 5, y: at.y - 5, width: size + 10, height: size + 10 },
        COLOURS.wrong,
      );
    }
    drawHeatmap(ctx, imageMatrix(item.pixels), {
      x: at.x,
      y: at.y,
      cellWidth: size / 3,
      cellHeight: size / 3,
      colour: greyColour,
      frame: COLOURS.axis,
    });
    if (item.wrong) drawPredictionMarker(ctx, at.x + size, at.y, 14, false);
    item.lines.forEach((line, k) => {
      drawText(ctx, line, at.x + size / 2, at.y + size + 8 + k * LINE_HEIGHT, {
        size: TEXT.small,
        colour: k === 0 ? COLOURS.text : COLOURS.mutedText,
        align: 'center',
        baseline: 'top',
        ...(item.wrong && k > 0 ? { colour: COLOURS.wrongText, weight: 600 as const } : {}),
      });
    });
  });
  ctx.restore();
}
