/**
 * Gradient descent on Himmelblau's function: the function as filled contour bands over
 * [-5, 5] x [-5, 5], descent paths from several starting points (coloured by the minimum they
 * reach), the four minima, and a key listing each path's start, end and number of steps.
 */
import { dataColour, fromHex, mixColours, type Rgb } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { DESCENT_STARTS, gradientDescentPath, himmelblau, type Point } from './himmelblau.ts';
import { type DeviceRect, putRects } from './pixel-block.ts';
import { inDevicePixels, strokeCrispFrame } from './pixel-snap.ts';
import { formatNumber, linearScale } from './scales.ts';
import { drawText } from './text.ts';
import { COLOURS, CONTENT_WIDTH, TEXT } from './theme.ts';

/** The four minima of Himmelblau's function (all with f = 0). */
export const HIMMELBLAU_MINIMA: readonly Point[] = [
  { x: 3, y: 2 },
  { x: -2.805118, y: 3.131312 },
  { x: -3.77931, y: -3.283186 },
  { x: 3.584428, y: -1.848126 },
];

/**
 * Path colours by minimum reached (Okabe-Ito: distinguishable with colour-blindness). They, the
 * bands and the markers on them are the plot's data: the same in both schemes.
 */
const MINIMUM_COLOURS = ['#e69f00', '#0072b2', '#009e73', '#cc79a7'].map((hex) => dataColour(hex));

/** Upper edges of the contour bands (f values); the last band is everything above. */
const BAND_LEVELS: readonly number[] = [2, 5, 10, 20, 40, 80, 150, 250, 400, 600];

const DOMAIN = 5;
const PLOT = { x: 56, y: 40, size: 440 };

/** The figure's size in CSS pixels. */
export function himmelblauSize(width = CONTENT_WIDTH): { width: number; height: number } {
  return { width, height: PLOT.y + PLOT.size + 48 };
}

/** The band (0 = lowest) that f falls in. */
function bandOf(f: number): number {
  let band = 0;
  while (band < BAND_LEVELS.length && f >= BAND_LEVELS[band]!) band++;
  return band;
}

/** The fill colour of a band: from near-white (low) to a mid blue-grey (high). */
function bandColour(band: number): Rgb {
  return mixColours([250, 250, 250], fromHex('#8fa3b8'), band / BAND_LEVELS.length);
}

/** Which of HIMMELBLAU_MINIMA a point is nearest to. */
export function nearestMinimum(p: Point): number {
  let best = 0;
  HIMMELBLAU_MINIMA.forEach((m, i) => {
    if (
      Math.hypot(m.x - p.x, m.y - p.y) <
      Math.hypot(HIMMELBLAU_MINIMA[best]!.x - p.x, HIMMELBLAU_MINIMA[best]!.y - p.y)
    )
      best = i;
  });
  return best;
}

/** The plot's scales: x and y in [-DOMAIN, DOMAIN] to CSS px. */
interface PlotScales {
  sx: (x: number) => number;
  sy: (y: number) => number;
}

/** Draws the figure: bands, paths, minima and key. */
export function drawHimmelblau(ctx: Context2D, width = CONTENT_WIDTH): void {
  const size = himmelblauSize(width);
  const scales: PlotScales = {
    sx: linearScale(-DOMAIN, DOMAIN, PLOT.x, PLOT.x + PLOT.size),
    sy: linearScale(-DOMAIN, DOMAIN, PLOT.y + PLOT.size, PLOT.y),
  };
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, size.width, size.height);

  drawText(
    ctx,
    'f(x, y) = (x\u00b2 + y \u2212 11)\u00b2 + (x + y\u00b2 \u2212 7)\u00b2',
    PLOT.x,
    PLOT.y - 14,
    { size: 15, italic: false },
  );
  drawBands(ctx);
  strokeCrispFrame(
    ctx,
    { x: PLOT.x, y: PLOT.y, width: PLOT.size, height: PLOT.size },
    COLOURS.axis,
  );
  drawAxes(ctx, scales);
  const paths = DESCENT_STARTS.map((start) => gradientDescentPath(start));
  drawPaths(ctx, paths, scales);
  drawKey(ctx, paths);
  ctx.restore();
}

/** Filled contour bands, one device-pixel row at a time, merging runs of the same band. */
function drawBands(ctx: Context2D): void {
  inDevicePixels(ctx, ({ sx: a, sy: d, ox, oy }) => {
    const bounds = {
      x0: Math.round(a * PLOT.x + ox),
      x1: Math.round(a * (PLOT.x + PLOT.size) + ox),
      y0: Math.round(d * PLOT.y + oy),
      y1: Math.round(d * (PLOT.y + PLOT.size) + oy),
    };
    // Tens of thousands of runs: written as one block of pixels, not one filled rectangle each.
    putRects(ctx, bounds, bandRuns(bounds));
  });
}

/** The runs of pixels in one band along each row of `bounds` (device pixels), each as a rectangle of its colour. */
function* bandRuns(bounds: {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}): Generator<DeviceRect> {
  const { x0, x1, y0, y1 } = bounds;
  const colours = Array.from({ length: BAND_LEVELS.length + 1 }, (_, b) => bandColour(b));
  for (let py = y0; py < y1; py++) {
    const y = DOMAIN - ((py + 0.5 - y0) / (y1 - y0)) * 2 * DOMAIN;
    let runStart = x0;
    let runBand = -1;
    for (let px = x0; px <= x1; px++) {
      const band =
        px < x1 ? bandOf(himmelblau(-DOMAIN + ((px + 0.5 - x0) / (x1 - x0)) * 2 * DOMAIN, y)) : -2;
      if (band !== runBand) {
        if (runBand >= 0)
          yield { x0: runStart, x1: px, y0: py, y1: py + 1, colour: colours[runBand]! };
        runStart = px;
        runBand = band;
      }
    }
  }
}

/** The ticks of both axes and their names. */
function drawAxes(ctx: Context2D, { sx, sy }: PlotScales): void {
  for (let v = -4; v <= 4; v += 2) {
    drawText(ctx, formatNumber(v, 0), sx(v), PLOT.y + PLOT.size + 6, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    });
    drawText(ctx, formatNumber(v, 0), PLOT.x - 6, sy(v), {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'right',
      baseline: 'middle',
    });
  }
  drawText(ctx, 'x', PLOT.x + PLOT.size / 2, PLOT.y + PLOT.size + 24, {
    size: TEXT.body,
    italic: true,
    colour: COLOURS.mutedText,
    align: 'center',
    baseline: 'top',
  });
  drawText(ctx, 'y', PLOT.x - 36, PLOT.y + PLOT.size / 2, {
    size: TEXT.body,
    italic: true,
    colour: COLOURS.mutedText,
    align: 'center',
    baseline: 'middle',
  });
}

/** The descent paths, each step a dot and each start a circle, then the minima on top. */
function drawPaths(ctx: Context2D, paths: readonly Point[][], { sx, sy }: PlotScales): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(PLOT.x, PLOT.y, PLOT.size, PLOT.size);
  ctx.clip();
  paths.forEach((path) => {
    const colour = MINIMUM_COLOURS[nearestMinimum(path[path.length - 1]!)]!;
    ctx.beginPath();
    for (const [i, p] of path.entries()) {
      if (i === 0) ctx.moveTo(sx(p.x), sy(p.y));
      else ctx.lineTo(sx(p.x), sy(p.y));
    }
    ctx.lineWidth = 2.5;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = colour;
    ctx.stroke();
    // Each step as a small dot: the steps shrink as the gradient flattens near a minimum.
    ctx.fillStyle = colour;
    for (const p of path) {
      ctx.beginPath();
      ctx.arc(sx(p.x), sy(p.y), 1.6, 0, 2 * Math.PI);
      ctx.fill();
    }
    const start = path[0]!;
    ctx.beginPath();
    ctx.arc(sx(start.x), sy(start.y), 5, 0, 2 * Math.PI);
    ctx.fillStyle = dataColour('#ffffff');
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    ctx.stroke();
  });
  for (const m of HIMMELBLAU_MINIMA) drawStar(ctx, sx(m.x), sy(m.y), 8);
  ctx.restore();
}

/** The key: the paths, the minima, then the bands as a vertical colour bar. */
function drawKey(ctx: Context2D, paths: readonly Point[][]): void {
  const keyX = PLOT.x + PLOT.size + 28;
  let y = PLOT.y;
  drawText(ctx, 'Descent paths', keyX, y, { size: TEXT.label, weight: 600, baseline: 'top' });
  y += 20;
  drawText(ctx, 'step size 0.005; circles are starts', keyX, y, {
    size: TEXT.small,
    colour: COLOURS.mutedText,
    baseline: 'top',
  });
  y += 24;
  paths.forEach((path) => {
    const start = path[0]!;
    const end = path[path.length - 1]!;
    const colour = MINIMUM_COLOURS[nearestMinimum(end)]!;
    ctx.fillStyle = colour;
    ctx.fillRect(keyX, y + 6, 16, 3);
    drawText(
      ctx,
      `(${formatNumber(start.x, 1)}, ${formatNumber(start.y, 1)}) to (${formatNumber(end.x, 2)}, ${formatNumber(end.y, 2)})`,
      keyX + 22,
      y,
      {
        size: TEXT.small,
        baseline: 'top',
      },
    );
    drawText(ctx, `${path.length - 1} steps`, keyX + 22, y + 15, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      baseline: 'top',
    });
    y += 34;
  });
  drawStar(ctx, keyX + 8, y + 7, 7);
  drawText(ctx, 'a minimum, f = 0', keyX + 22, y, { size: TEXT.small, baseline: 'top' });
  y += 30;
  drawText(ctx, 'value of f', keyX, y, { size: TEXT.small, weight: 600, baseline: 'top' });
  y += 20;
  const bandHeight = 10;
  const bands = BAND_LEVELS.length + 1;
  inDevicePixels(ctx, ({ sx: a, sy: d, ox, oy }) => {
    for (let band = 0; band < bands; band++) {
      const top = Math.round(d * (y + band * bandHeight) + oy);
      const bottom = Math.round(d * (y + (band + 1) * bandHeight) + oy);
      ctx.fillStyle = dataColour(bandColour(band));
      ctx.fillRect(Math.round(a * keyX + ox), top, Math.round(a * 16), bottom - top);
    }
  });
  strokeCrispFrame(ctx, { x: keyX, y, width: 16, height: bands * bandHeight }, COLOURS.axis);
  const labelled = [0, 2, 4, 6, 8, 10];
  for (const k of labelled) {
    const value = k === 0 ? 0 : BAND_LEVELS[k - 1]!;
    drawText(ctx, String(value), keyX + 22, y + k * bandHeight, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      baseline: 'middle',
    });
  }
}

/** A five-pointed star (the minima), dark with a white edge so it shows on any band. */
function drawStar(ctx: Context2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = x + radius * Math.cos(angle);
    const py = y + radius * Math.sin(angle);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
  ctx.lineWidth = 2;
  ctx.strokeStyle = dataColour('#ffffff');
  ctx.stroke();
  ctx.fillStyle = dataColour(COLOURS.text);
  ctx.fill();
}
