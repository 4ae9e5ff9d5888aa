/**
 * One run per seed of the first weights, everything else as in the tutorial: a bar per seed to
 * the first iteration with accuracy 1 (or a mark that it never came within the run), with the
 * number of hidden units that were switched off on every training image from the start.
 */
import type { Context2D } from './context-2d.ts';
import { fillCrispRect } from './pixel-snap.ts';
import { drawText } from './text.ts';
import { COLOURS, CONTENT_WIDTH, SERIES_COLOURS, TEXT } from './theme.ts';

/** One seed's run, as the chart shows it. */
export interface SeedRun {
  seed: number;
  firstPerfectIteration: number | null;
  /** Hidden units active on no training image at iteration 0. */
  inactiveAtStart: number;
  iterations: number;
  /** The tutorial's own seed is marked. */
  tutorial: boolean;
}

const ROW = 20;
const TOP = 40;
const LEFT = 110;
const RIGHT = 190;

/** The chart's size for `count` seeds. */
export function seedStudySize(count: number, width = CONTENT_WIDTH) {
  return { width, height: TOP + count * ROW + 44 };
}

/** Where the chart's bars run: from LEFT to `width - RIGHT`, 0 to `iterations` iterations. */
interface SeedAxis {
  width: number;
  iterations: number;
  plotWidth: number;
  xOf: (iteration: number) => number;
}

const MUTED = { size: TEXT.small, colour: COLOURS.mutedText } as const;

/** Draws the bars, one row per seed, on a shared axis from 0 to the run's length. */
export function drawSeedStudy(
  ctx: Context2D,
  runs: readonly SeedRun[],
  width = CONTENT_WIDTH,
): void {
  const { height } = seedStudySize(runs.length, width);
  const iterations = Math.max(...runs.map((r) => r.iterations));
  const plotWidth = width - LEFT - RIGHT;
  const axis = {
    width,
    iterations,
    plotWidth,
    xOf: (i: number) => LEFT + (i / iterations) * plotWidth,
  };
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, width, height);
  drawText(ctx, 'first iteration with accuracy 1', LEFT, 12, { ...MUTED, baseline: 'top' });
  drawText(ctx, 'hidden units off at the start', width - RIGHT + 16, 12, {
    ...MUTED,
    baseline: 'top',
  });
  for (const [k, run] of runs.entries()) drawSeedRow(ctx, run, TOP + k * ROW, axis);
  drawIterationAxis(ctx, TOP + runs.length * ROW + 4, axis);
  ctx.restore();
}

/** One seed's row, its top at `y`: the label, the bar to its first perfect iteration (or a note that it never came) and its units off. */
function drawSeedRow(ctx: Context2D, run: SeedRun, y: number, axis: SeedAxis): void {
  const label = run.tutorial ? `seed ${run.seed} (tutorial)` : `seed ${run.seed}`;
  drawText(ctx, label, LEFT - 8, y + ROW / 2, {
    size: TEXT.small,
    align: 'right',
    baseline: 'middle',
    ...(run.tutorial ? { weight: 600 as const } : {}),
  });
  if (run.firstPerfectIteration === null) {
    drawText(ctx, `not within ${run.iterations} iterations`, LEFT + 4, y + ROW / 2, {
      size: TEXT.small,
      colour: COLOURS.marker,
      baseline: 'middle',
    });
  } else {
    const end = Math.max(axis.xOf(run.firstPerfectIteration), LEFT + 2);
    fillCrispRect(
      ctx,
      { x: LEFT, y: y + 4, width: end - LEFT, height: ROW - 8 },
      SERIES_COLOURS[0],
    );
    drawText(ctx, String(run.firstPerfectIteration), end + 5, y + ROW / 2, {
      ...MUTED,
      baseline: 'middle',
    });
  }
  const off = run.inactiveAtStart;
  drawText(ctx, off === 0 ? 'none' : String(off), axis.width - RIGHT + 16, y + ROW / 2, {
    size: TEXT.small,
    colour: off === 0 ? COLOURS.mutedText : COLOURS.text,
    baseline: 'middle',
  });
}

/** The axis under the rows at `axisY`: ticks at 0, half and the run's length, and its title. */
function drawIterationAxis(ctx: Context2D, axisY: number, axis: SeedAxis): void {
  const { iterations, plotWidth, xOf } = axis;
  fillCrispRect(ctx, { x: LEFT, y: axisY, width: plotWidth, height: 1 }, COLOURS.axis);
  for (const at of [0, iterations / 2, iterations]) {
    fillCrispRect(ctx, { x: xOf(at) - 0.5, y: axisY, width: 1, height: 4 }, COLOURS.axis);
    drawText(ctx, String(at), xOf(at), axisY + 7, { ...MUTED, align: 'center', baseline: 'top' });
  }
  drawText(ctx, 'iteration', LEFT + plotWidth / 2, axisY + 24, {
    ...MUTED,
    align: 'center',
    baseline: 'top',
  });
}
