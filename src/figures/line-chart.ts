/** A line chart on fixed axes: grid, ticks, curves drawn up to a given x, an optional dashed marker; the y axis linear or logarithmic. */

import type { Context2D } from './context-2d.ts';
import type { Rect } from './pixel-snap.ts';
import { formatTick, linearScale, niceStep } from './scales.ts';
import { drawText, fontFor } from './text.ts';
import { COLOURS, TEXT } from './theme.ts';
import { thinToPixels } from './thin-points.ts';

/** One chart: the plot area in CSS pixels, fixed domains, a curve and what to label. */
export interface LineChartSpec {
  plot: Rect;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  /** About how many ticks each axis gets. */
  xTickCount: number;
  yTickCount: number;
  /** The title above the plot, e.g. "Loss". */
  title: string;
  xLabel: string;
  points: readonly { x: number; y: number }[];
  colour: string;
  /** More curves, drawn before the main one (a comparison of runs). */
  moreSeries?: readonly { points: readonly { x: number; y: number }[]; colour: string }[];
  /** A logarithmic y axis (base 10, ticks at powers of 10); yDomain must be above 0. */
  yLog?: boolean;
  /** Draw only points with x <= upTo (the rest of the axis stays empty). Default: all. */
  upTo?: number;
  /** Mark the last drawn point with a dot. */
  currentDot?: boolean;
  /** A dashed vertical line at x with a label, e.g. the first iteration with accuracy 1. */
  marker?: { x: number; label: string } | null;
}

/** Tick values from 0 (or the domain's start) in nice steps, and the step (for formatting). */
function axisTicks(
  domain: readonly [number, number],
  count: number,
): { values: number[]; step: number } {
  const step = niceStep(domain[1] - domain[0], count);
  const values: number[] = [];
  for (let k = Math.ceil(domain[0] / step - 1e-9); k * step <= domain[1] + step * 1e-9; k++)
    values.push(Number((k * step).toPrecision(12)));
  return { values, step };
}

/** Powers of 10 from the domain's start to its end, labelled in plain decimals (0.01, 0.1, 1, 10). */
function logTicks(domain: readonly [number, number]): { values: number[]; labels: string[] } {
  const values: number[] = [];
  for (let k = Math.ceil(Math.log10(domain[0]) - 1e-9); k <= Math.log10(domain[1]) + 1e-9; k++) {
    values.push(10 ** k);
  }
  return { values, labels: values.map((v) => formatTick(v, Math.min(v, 1))) };
}

/** The y axis: where a value goes, and the ticks with their labels. */
function yAxis(spec: LineChartSpec) {
  const { plot } = spec;
  if (spec.yLog === true) {
    const [low, high] = spec.yDomain.map(Math.log10) as [number, number];
    const scale = linearScale(low, high, plot.y + plot.height, plot.y);
    const floor = spec.yDomain[0];
    return { sy: (v: number) => scale(Math.log10(Math.max(v, floor))), ...logTicks(spec.yDomain) };
  }
  const ticks = axisTicks(spec.yDomain, spec.yTickCount);
  return {
    sy: linearScale(spec.yDomain[0], spec.yDomain[1], plot.y + plot.height, plot.y),
    values: ticks.values,
    labels: ticks.values.map((v) => formatTick(v, ticks.step)),
  };
}

/** Where the chart's values go: x and y to CSS px, and the ticks of both axes. */
interface ChartScales {
  sx: (x: number) => number;
  sy: (y: number) => number;
  xTicks: ReturnType<typeof axisTicks>;
  yTicks: { values: readonly number[]; labels: readonly string[] };
}

/** Draws the chart: axes and grid, the marker, then the curves. */
export function drawLineChart(ctx: Context2D, spec: LineChartSpec): void {
  const { plot } = spec;
  const { sy, ...yTicks } = yAxis(spec);
  const scales: ChartScales = {
    sx: linearScale(spec.xDomain[0], spec.xDomain[1], plot.x, plot.x + plot.width),
    sy,
    xTicks: axisTicks(spec.xDomain, spec.xTickCount),
    yTicks,
  };
  ctx.save();
  drawAxes(ctx, spec, scales);
  if (spec.marker) drawMarker(ctx, spec, spec.marker, scales);
  drawCurves(ctx, spec, scales);
  ctx.restore();
}

/** The grid lines, the axes with their ticks and labels, and the chart's title. */
function drawAxes(
  ctx: Context2D,
  spec: LineChartSpec,
  { sx, sy, xTicks, yTicks }: ChartScales,
): void {
  const { plot } = spec;
  ctx.fillStyle = COLOURS.grid;
  for (const v of yTicks.values)
    ctx.fillRect(plot.x, Math.round(sy(v) * 2) / 2 - 0.5, plot.width, 1);
  ctx.fillStyle = COLOURS.axis;
  ctx.fillRect(plot.x, plot.y + plot.height - 0.5, plot.width, 1);
  ctx.fillRect(plot.x - 0.5, plot.y, 1, plot.height);
  for (const v of xTicks.values) {
    const x = sx(v);
    ctx.fillStyle = COLOURS.axis;
    ctx.fillRect(x - 0.5, plot.y + plot.height, 1, 4);
    drawText(ctx, formatTick(v, xTicks.step), x, plot.y + plot.height + 6, {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'center',
      baseline: 'top',
    });
  }
  for (const [k, v] of yTicks.values.entries()) {
    drawText(ctx, yTicks.labels[k]!, plot.x - 6, sy(v), {
      size: TEXT.small,
      colour: COLOURS.mutedText,
      align: 'right',
      baseline: 'middle',
    });
  }
  drawText(ctx, spec.title, plot.x, plot.y - 10, { size: TEXT.label, weight: 600 });
  drawText(ctx, spec.xLabel, plot.x + plot.width / 2, plot.y + plot.height + 22, {
    size: TEXT.small,
    colour: COLOURS.mutedText,
    align: 'center',
    baseline: 'top',
  });
}

/** A dashed vertical line at marker.x, labelled where the curves leave room. */
function drawMarker(
  ctx: Context2D,
  spec: LineChartSpec,
  marker: NonNullable<LineChartSpec['marker']>,
  { sx, sy }: ChartScales,
): void {
  const { plot } = spec;
  const x = sx(marker.x);
  ctx.beginPath();
  ctx.moveTo(x, plot.y);
  ctx.lineTo(x, plot.y + plot.height);
  ctx.setLineDash([5, 4]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = COLOURS.marker;
  ctx.stroke();
  ctx.setLineDash([]);
  // The label goes right of the line when there is room, and at the top unless the curve
  // passes there (then at the bottom).
  const right = x < plot.x + plot.width * 0.6;
  ctx.font = fontFor({ size: TEXT.small });
  const labelWidth = ctx.measureText(marker.label).width;
  const x0 = right ? x + 5 : x - 5 - labelWidth;
  const crosses = (top: number) =>
    [...(spec.moreSeries ?? []).flatMap((series) => series.points), ...spec.points].some((p) => {
      const px = sx(p.x);
      const py = sy(p.y);
      return (
        px >= x0 - 4 && px <= x0 + labelWidth + 4 && py >= top - 4 && py <= top + TEXT.small + 6
      );
    });
  const topY = plot.y + 4;
  const bottomY = plot.y + plot.height - TEXT.small - 6;
  const labelY = crosses(topY) && !crosses(bottomY) ? bottomY : topY;
  drawText(ctx, marker.label, x0, labelY, {
    size: TEXT.small,
    colour: COLOURS.marker,
    baseline: 'top',
  });
}

/** The curves up to spec.upTo, the main series last and on top, with its current point as a dot. */
function drawCurves(ctx: Context2D, spec: LineChartSpec, { sx, sy }: ChartScales): void {
  const { plot } = spec;
  const upTo = spec.upTo ?? Infinity;
  const curve = (points: LineChartSpec['points'], colour: string) => {
    const shown = thinToPixels(
      points.filter((p) => p.x <= upTo),
      sx,
      plot.width,
    );
    if (shown.length === 0) return null;
    ctx.beginPath();
    for (const [i, p] of shown.entries()) {
      if (i === 0) ctx.moveTo(sx(p.x), sy(p.y));
      else ctx.lineTo(sx(p.x), sy(p.y));
    }
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = colour;
    ctx.stroke();
    return shown[shown.length - 1]!;
  };
  for (const series of spec.moreSeries ?? []) curve(series.points, series.colour);
  const last = curve(spec.points, spec.colour);
  if (last !== null && spec.currentDot === true) {
    ctx.beginPath();
    ctx.arc(sx(last.x), sy(last.y), 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = spec.colour;
    ctx.fill();
  }
}
