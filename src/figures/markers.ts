/**
 * Prediction markers: a green disc for a correct prediction, a red-orange cross for a wrong one.
 * The shapes differ as well as the hues, so the two read apart without colour vision.
 */
import type { Context2D } from './context-2d.ts';
import { COLOURS } from './theme.ts';

/** Draws the marker of a correct (disc) or wrong (cross) prediction centred on (x, y), `size` CSS px across. */
export function drawPredictionMarker(
  ctx: Context2D,
  x: number,
  y: number,
  size: number,
  correct: boolean,
): void {
  ctx.save();
  if (correct) {
    const r = size / 2;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = COLOURS.correct;
    ctx.fill();
    ctx.lineWidth = Math.max(1, size / 7);
    ctx.strokeStyle = COLOURS.correctOutline;
    ctx.stroke();
  } else {
    const h = size / 2;
    ctx.lineCap = 'round';
    crossPath(ctx, x, y, h);
    ctx.lineWidth = size / 2.6;
    ctx.strokeStyle = COLOURS.wrongOutline;
    ctx.stroke();
    crossPath(ctx, x, y, h);
    ctx.lineWidth = size / 5;
    ctx.strokeStyle = COLOURS.wrong;
    ctx.stroke();
  }
  ctx.restore();
}

function crossPath(ctx: Context2D, x: number, y: number, h: number): void {
  ctx.beginPath();
  ctx.moveTo(x - h, y - h);
  ctx.lineTo(x + h, y + h);
  ctx.moveTo(x - h, y + h);
  ctx.lineTo(x + h, y - h);
}
