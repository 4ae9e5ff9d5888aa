/**
 * Several runs side by side: the loss of each over its iterations (on a logarithmic axis, since
 * runs end orders of magnitude apart) and its training accuracy, one colour per run, with a legend.
 */
import { TRAINED_RUN_SETTINGS } from '../nn/settings.ts';
import type { HistoryEntry, RunRecord } from '../nn/types.ts';
import type { Context2D } from './context-2d.ts';
import { defineFigure } from './figure-definition.ts';
import { drawLineChart } from './line-chart.ts';
import { accuracySentence, plain } from './prose.ts';
import { drawText } from './text.ts';
import { COLOURS, CONTENT_WIDTH, SERIES_COLOURS, TEXT } from './theme.ts';

/** One run to compare: its label in the legend and its history. */
interface ComparedRun {
  label: string;
  history: readonly HistoryEntry[];
}

const MARGIN = 16;
const LEGEND_ROW = 20;
const PLOT_HEIGHT = 190;
const GAP = 64;
const LEFT = MARGIN + 40;

/** Where the legend ends and the plots begin, for `count` runs in two columns. */
function plotTop(count: number): number {
  return MARGIN + Math.ceil(count / 2) * LEGEND_ROW + 34;
}

/** The figure's size in CSS pixels. */
export function runComparisonSize(
  count: number,
  width = CONTENT_WIDTH,
): { width: number; height: number } {
  return { width, height: plotTop(count) + PLOT_HEIGHT + 50 };
}

/** The colour of run k of a comparison. */
function runColour(k: number): string {
  return SERIES_COLOURS[k % SERIES_COLOURS.length]!;
}

/** The smallest power of 10 at or below the smallest loss, and the largest at or above the largest. */
function lossDomain(runs: readonly ComparedRun[]): [number, number] {
  const losses = runs.flatMap((run) => run.history.map((h) => h.loss)).filter((l) => l > 0);
  const low = Math.min(...losses);
  const high = Math.max(...losses);
  return [10 ** Math.floor(Math.log10(low)), 10 ** Math.ceil(Math.log10(high))];
}

/** Draws the comparison; the first run's curves are drawn last, on top. */
export function drawRunComparison(
  ctx: Context2D,
  runs: readonly ComparedRun[],
  width = CONTENT_WIDTH,
): void {
  const size = runComparisonSize(runs.length, width);
  const top = plotTop(runs.length);
  const plotWidth = (width - LEFT - MARGIN - GAP) / 2;
  const last = Math.max(...runs.map((run) => run.history.at(-1)?.iteration ?? 0));
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, size.width, size.height);
  runs.forEach((run, k) => {
    const x = LEFT + (k % 2) * (plotWidth + GAP);
    const y = MARGIN + Math.floor(k / 2) * LEGEND_ROW;
    ctx.fillStyle = runColour(k);
    ctx.fillRect(x, y + 6, 22, 3);
    drawText(ctx, run.label, x + 30, y, { size: TEXT.body, baseline: 'top' });
  });
  const series = (value: (h: HistoryEntry) => number) =>
    runs.map((run, k) => ({
      points: run.history.map((h) => ({ x: h.iteration, y: value(h) })),
      colour: runColour(k),
    }));
  const chart = (x: number, title: string, values: ReturnType<typeof series>) => ({
    plot: { x, y: top, width: plotWidth, height: PLOT_HEIGHT },
    xDomain: [0, last] as const,
    xTickCount: 4,
    yTickCount: 5,
    title,
    xLabel: 'iteration',
    points: values[0]!.points,
    colour: values[0]!.colour,
    moreSeries: values.slice(1).reverse(),
  });
  drawLineChart(ctx, {
    ...chart(
      LEFT,
      'Loss (summed; log scale)',
      series((h) => h.loss),
    ),
    yDomain: lossDomain(runs),
    yLog: true,
  });
  const accuracy = chart(
    LEFT + plotWidth + GAP,
    'Accuracy on the training set',
    series((h) => h.accuracy),
  );
  drawLineChart(ctx, { ...accuracy, yDomain: [0, 1] });
  ctx.restore();
}

/** "the loss goes from 16.10 to 0.746", or "the loss stays at 16.636" for a run whose loss never changes. */
function lossSentence(history: readonly HistoryEntry[]): string {
  const first = history[0]!.loss;
  const last = history.at(-1)!.loss;
  return history.every((h) => h.loss === first)
    ? `the loss stays at ${plain(first, 3)}`
    : `the loss goes from ${plain(first, 2)} to ${plain(last, 3)}`;
}

/** `text` with its first letter in upper case, to start a sentence. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a comparison figure compares: its experiments in order, how each is named, what varies and a caption. */
export interface ComparisonSpec {
  experiments: readonly string[];
  /** The legend's label of a run, from its own settings. */
  label: (name: string, run: RunRecord) => string;
  /** The sentence of the alt text for one run; by default its loss from start to end and its accuracy. */
  describe?: (name: string, run: RunRecord) => string;
  /** What one curve stands for, for the alt text: "per learning rate". */
  curves: string;
  caption: string;
}

/** A figure of several runs' loss and accuracy curves, keyed on every setting of a trained run and on their histories. */
export function comparisonFigure(spec: ComparisonSpec) {
  const { experiments, label } = spec;
  const describe =
    spec.describe ??
    ((name: string, run: RunRecord) =>
      `with ${label(name, run)} ${lossSentence(run.history)} and ${accuracySentence(run)}`);
  return defineFigure({
    format: 'png',
    experiments: [...experiments],
    reads: { settings: TRAINED_RUN_SETTINGS, record: ['history', 'firstPerfectIteration'] },
    displayWidth: CONTENT_WIDTH,
    size: () => runComparisonSize(experiments.length, CONTENT_WIDTH),
    draw: (ctx, { runs }) =>
      drawRunComparison(
        ctx,
        experiments.map((name) => ({
          label: label(name, runs[name]!),
          history: runs[name]!.history,
        })),
        CONTENT_WIDTH,
      ),
    text: ({ run, runs }) => ({
      alt:
        `Two line charts over iterations 0 to ${run.settings.iterations}, one curve ${spec.curves}: ` +
        `the loss on a logarithmic axis on the left, the training accuracy on the right. ` +
        `${sentenceCase(experiments.map((name) => describe(name, runs[name]!)).join('; '))}.`,
      caption: spec.caption,
    }),
  });
}
