/**
 * The training frame at phone widths: every text at least 11 px, inside the canvas and clear of
 * every other text, with widths measured in the figures' own font (Source Sans 3 through
 * @napi-rs/canvas, as the build draws); the animation's 720-px layout as it was.
 */
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerFigureFonts } from '../../scripts/figures/fonts.ts';
import {
  drawTrainingFrame,
  type TrainingFrameInput,
  trainingFrameInputs,
} from '../../src/figures/training-frame-figure.ts';
import { STACKED_BELOW, trainingFrameLayout } from '../../src/figures/training-frame-layout.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { Matrix } from '../../src/nn/matrix.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';
import {
  type MeasureText,
  type RecordedText,
  RecordingContext,
  type TextBox,
  textBox,
} from '../helpers/recording-context.ts';

/** The task's phone and tablet widths, the narrowest wide frame (600) and the animation's 720. */
const WIDTHS = [320, 360, 480, 600, 720];
/** Up to the most units a frame draws, and a layer larger than that (its first 16 drawn). */
const HIDDEN = [1, 6, 16, 64];
/** The training set has 24 examples; 18 and 40 are made by cycling its columns. */
const EXAMPLES = [18, 24, 40];

let measure: MeasureText;
/** The last animation frame of a run with H hidden units. */
const lastFrames = new Map<number, TrainingFrameInput>();

beforeAll(() => {
  registerFigureFonts();
  const measuring = createCanvas(8, 8).getContext('2d');
  measure = (font, text) => {
    measuring.font = font;
    return measuring.measureText(text).width;
  };
  for (const hidden of HIDDEN) {
    const settings = { ...DEFAULT_SETTINGS, hiddenUnits: hidden };
    lastFrames.set(
      hidden,
      trainingFrameInputs(train(settings, generateDatasets(settings.dataSeed))).at(-1)!,
    );
  }
});

/** `input` with n examples: A1's and A2's columns and the labels repeated (or cut) to n. */
function withExamples(input: TrainingFrameInput, n: number): TrainingFrameInput {
  const cycle = (m: Matrix) =>
    Matrix.fromColumns(Array.from({ length: n }, (_, j) => m.column(j % m.cols)));
  const { snapshot } = input;
  return {
    ...input,
    snapshot: { ...snapshot, A1: cycle(snapshot.A1), A2: cycle(snapshot.A2) },
    labels: Array.from({ length: n }, (_, j) => input.labels[j % input.labels.length]!),
  };
}

/** The texts of one frame, drawn with the font's real widths. */
function drawnTexts(input: TrainingFrameInput, width: number): RecordedText[] {
  const ctx = new RecordingContext(measure);
  drawTrainingFrame(ctx, input, width);
  return ctx.texts;
}

const overlap = (a: TextBox, b: TextBox, tolerance: number) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;

const cases = WIDTHS.flatMap((width) =>
  HIDDEN.flatMap((hidden) => EXAMPLES.map((n) => [width, hidden, n] as const)),
);

describe('drawTrainingFrame at 320 to 720 px wide', () => {
  it.each(cases)(
    '%i px wide, H = %i, n = %i: texts >= 11 px, inside the frame, none on another',
    (width, hidden, n) => {
      const base = withExamples(lastFrames.get(hidden)!, n);
      const last = base.history.at(-1)!.iteration;
      // Also with the dashed marker at 55% of the run, where its sentence no longer fits right of the line.
      for (const input of [base, { ...base, firstPerfectIteration: Math.round(0.55 * last) }]) {
        const layout = trainingFrameLayout(hidden, n, width);
        const texts = drawnTexts(input, width);
        expect(texts.length).toBeGreaterThan(40);
        const boxes = texts.map(textBox);
        texts.forEach((t, i) => {
          const box = boxes[i]!;
          const where = `"${t.text}" at ${box.left.toFixed(1)}..${box.right.toFixed(1)} x ${box.top.toFixed(1)}..${box.bottom.toFixed(1)}`;
          expect(t.size * t.scale, where).toBeGreaterThanOrEqual(11);
          expect(box.left, where).toBeGreaterThanOrEqual(0);
          expect(box.right, where).toBeLessThanOrEqual(layout.width);
          expect(box.top, where).toBeGreaterThanOrEqual(0);
          expect(box.bottom, where).toBeLessThanOrEqual(layout.height);
        });
        // A superscript touches its letter: boxes may meet, within half a pixel, but not overlap.
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            expect(
              overlap(boxes[i]!, boxes[j]!, 0.5),
              `"${texts[i]!.text}" and "${texts[j]!.text}"`,
            ).toBe(false);
          }
        }
      }
    },
  );

  it.each(cases)(
    '%i px wide, H = %i, n = %i: column numbers of one axis stay apart, rows are a line of text apart',
    (width, hidden, n) => {
      const texts = drawnTexts(withExamples(lastFrames.get(hidden)!, n), width);
      // Column numbers: centred, hanging below a heatmap; one axis = one y.
      const columns = new Map<number, RecordedText[]>();
      for (const t of texts)
        if (t.align === 'center' && t.baseline === 'top' && /^\d+$/.test(t.text))
          columns.set(t.y, [...(columns.get(t.y) ?? []), t]);
      // Two axes share a line in the wide arrangement (W1 and A1; the two charts): a new one starts where the numbers do not grow.
      let axes = 0;
      for (const line of columns.values()) {
        const sorted = [...line].sort((a, b) => a.x - b.x);
        sorted.forEach((t, k) => {
          const before = sorted[k - 1];
          if (before === undefined || Number(t.text) <= Number(before.text)) axes++;
          if (before !== undefined) {
            expect(
              textBox(t).left - textBox(before).right,
              `gap between ${before.text} and ${t.text} at y ${t.y}`,
            ).toBeGreaterThanOrEqual(2);
          }
        });
      }
      // W1, A1, W2, A2, and the x axes of the two charts (tick labels hang below the plot too).
      expect(axes).toBeGreaterThanOrEqual(6);
      // Row labels (right-aligned, middle): those at one x are at least 12 px (a line of 12-px text) apart.
      const rows = new Map<number, RecordedText[]>();
      for (const t of texts)
        if (t.align === 'right' && t.baseline === 'middle')
          rows.set(t.x, [...(rows.get(t.x) ?? []), t]);
      for (const line of rows.values()) {
        const sorted = [...line].sort((a, b) => a.y - b.y);
        for (let k = 1; k < sorted.length; k++)
          expect(sorted[k]!.y - sorted[k - 1]!.y, sorted[k]!.text).toBeGreaterThanOrEqual(12);
      }
    },
  );

  it.each(cases)(
    '%i px wide, H = %i, n = %i: heatmaps and charts lie inside the frame',
    (width, hidden, n) => {
      const layout = trainingFrameLayout(hidden, n, width);
      // The drawn rows: at most 16 units.
      const drawn = Math.min(hidden, 16);
      const shapes = {
        W1: [drawn, 9],
        b1: [drawn, 1],
        A1: [drawn, n],
        W2: [2, drawn],
        b2: [2, 1],
        A2: [2, n],
      } as const;
      const rects = [
        ...Object.entries(shapes).map(([name, [rows, cols]]) => {
          const at = layout[name as keyof typeof shapes];
          return {
            name,
            x: at.x,
            y: at.y,
            width: cols * at.cellWidth,
            height: rows * at.cellHeight,
          };
        }),
        { name: 'loss', ...layout.lossPlot },
        { name: 'accuracy', ...layout.accuracyPlot },
      ];
      for (const r of rects) {
        expect(r.x, r.name).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width, r.name).toBeLessThanOrEqual(width);
        expect(r.y + r.height, r.name).toBeLessThanOrEqual(layout.height);
      }
      // No two of them overlap.
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i]!;
          const b = rects[j]!;
          const apart =
            a.x + a.width <= b.x ||
            b.x + b.width <= a.x ||
            a.y + a.height <= b.y ||
            b.y + b.height <= a.y;
          expect(apart, `${a.name} and ${b.name}`).toBe(true);
        }
      }
    },
  );
});

describe('trainingFrameLayout', () => {
  it("keeps the animation's 720-px frame for the tutorial: 720 x 560 with 16-px cells", () => {
    // By hand: cell = floor((720 - 92 - 16 - 48) / (9 + 1 + 24)) = 16; b at 92 + 9 * 16 + 24 = 260,
    // A at 260 + 16 + 24 = 300; the charts start at
    // 50 + 46 + 26 (row 1) + 6 * 16 + 66 (row 2) + 2 * 16 + 40 + 30 = 386; 386 + 130 + 44 = 560.
    const layout = trainingFrameLayout(6, 24, 720);
    expect([layout.width, layout.height, layout.cell, layout.stacked]).toEqual([
      720,
      560,
      16,
      false,
    ]);
    expect([layout.W1.x, layout.W1.y, layout.b1.x, layout.A1.x, layout.W2.y]).toEqual([
      92, 122, 260, 300, 284,
    ]);
    expect(layout.accuracyPlot).toEqual({ x: 56 + 292 + 64, y: 386, width: 292, height: 130 });
  });

  it('stacks the parts below 600 px and keeps the wide arrangement from there', () => {
    expect(STACKED_BELOW).toBe(600);
    expect(trainingFrameLayout(6, 24, 599).stacked).toBe(true);
    expect(trainingFrameLayout(6, 24, 600).stacked).toBe(false);
    const narrow = trainingFrameLayout(6, 24, 360);
    // One under another: W1, A1, W2, A2, the loss chart, the accuracy chart.
    const tops = [
      narrow.W1.y,
      narrow.A1.y,
      narrow.W2.y,
      narrow.A2.y,
      narrow.lossPlot.y,
      narrow.accuracyPlot.y,
    ];
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(new Set(tops).size).toBe(6);
    // b1 beside W1, on the same rows.
    expect(narrow.b1.y).toBe(narrow.W1.y);
    expect(narrow.b1.x).toBeGreaterThan(narrow.W1.x + 9 * narrow.W1.cellWidth);
  });

  it('grows with the content: more hidden units, a taller frame; the width is the one asked for', () => {
    for (const width of [300, 360, 480, 599]) {
      const heights = [1, 6, 16].map((hidden) => trainingFrameLayout(hidden, 24, width).height);
      expect(heights[0]).toBeLessThan(heights[1]!);
      expect(heights[1]).toBeLessThan(heights[2]!);
      expect(trainingFrameLayout(6, 24, width).width).toBe(width);
    }
  });
});
