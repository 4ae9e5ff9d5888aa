/**
 * drawTrainingFrameChanges, which the animation uses for every frame after its first: inside the
 * parts trainingFrameChanging names, exactly drawTrainingFrame's pixels; outside them, the titles,
 * labels and legend left out; and two frames' differences all inside those parts. Drawn with @napi-rs/canvas at the animation's pixel ratio, in both
 * schemes, side by side and stacked, with all units drawn and with the first 16 of 64.
 */
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareContext } from '../../scripts/figures/canvas-setup.ts';
import { registerFigureFonts } from '../../scripts/figures/fonts.ts';
import { deviceRects } from '../../scripts/figures/render-gif.ts';
import { type SchemeName, schemeContext } from '../../src/figures/colour-scheme.ts';
import { GIF_PIXEL_RATIO } from '../../src/figures/figure-definition.ts';
import type { PixelRect } from '../../src/figures/gif-palette.ts';
import {
  drawTrainingFrame,
  drawTrainingFrameChanges,
  trainingFrameChanging,
  trainingFrameInputs,
} from '../../src/figures/training-frame-figure.ts';
import { trainingFrameLayout } from '../../src/figures/training-frame-layout.ts';
import { unitSubset } from '../../src/figures/unit-subset.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';
import type { RunRecord } from '../../src/nn/types.ts';

const runs = new Map<number, RunRecord>();

beforeAll(() => {
  registerFigureFonts();
  for (const hiddenUnits of [6, 64]) {
    const settings = { ...DEFAULT_SETTINGS, hiddenUnits, iterations: 30 };
    runs.set(hiddenUnits, train(settings, generateDatasets(settings.dataSeed)));
  }
});

/** The RGBA pixels of one frame drawn by `draw` at the animation's ratio. */
function pixels(
  draw: typeof drawTrainingFrame,
  run: RunRecord,
  options: { frame: number; width: number; scheme: SchemeName },
) {
  const input = trainingFrameInputs(run)[options.frame]!;
  const hidden = unitSubset(run.settings.hiddenUnits).drawn;
  const size = trainingFrameLayout(hidden, input.labels.length, options.width);
  const canvas = createCanvas(
    Math.round(size.width * GIF_PIXEL_RATIO),
    Math.round(size.height * GIF_PIXEL_RATIO),
  );
  const ctx = canvas.getContext('2d');
  prepareContext(ctx, GIF_PIXEL_RATIO);
  draw(schemeContext(ctx, options.scheme), input, options.width);
  return { data: canvas.data(), width: canvas.width, height: canvas.height };
}

/** How many pixels differ between `a` and `b`, inside `rects` and outside them. */
function differences(a: Uint8Array, b: Uint8Array, width: number, rects: readonly PixelRect[]) {
  const inside = new Uint8Array(a.length / 4);
  for (const r of rects)
    for (let y = r.y; y < r.y + r.height; y++)
      inside.fill(1, y * width + r.x, y * width + r.x + r.width);
  const count = { inside: 0, outside: 0 };
  for (let p = 0; p < inside.length; p++) {
    const same =
      a[4 * p] === b[4 * p] && a[4 * p + 1] === b[4 * p + 1] && a[4 * p + 2] === b[4 * p + 2];
    if (!same) count[inside[p] === 1 ? 'inside' : 'outside']++;
  }
  return count;
}

describe('drawTrainingFrameChanges', () => {
  const cases = [720, 320].flatMap((width) =>
    [6, 64].flatMap((hidden) =>
      (['light', 'dark'] as const).map((scheme) => [width, hidden, scheme] as const),
    ),
  );
  it.each(cases)(
    'at %i px with %i hidden units, %s: the changing parts exactly, and no labels',
    (width, hidden, scheme) => {
      const run = runs.get(hidden)!;
      const options = { frame: 3, width, scheme };
      const whole = pixels(drawTrainingFrame, run, options);
      const changes = pixels(drawTrainingFrameChanges, run, options);
      const rects = deviceRects(
        trainingFrameChanging(run, width),
        GIF_PIXEL_RATIO,
        whole.width,
        whole.height,
      );
      const count = differences(whole.data, changes.data, whole.width, rects);
      expect(count.inside).toBe(0);
      // The legend, titles and axis labels outside the changing parts were not drawn.
      expect(count.outside).toBeGreaterThan(1000);
      // And the parts hold every change: two iterations' whole frames differ only inside them.
      const later = pixels(drawTrainingFrame, run, { ...options, frame: 5 });
      const between = differences(whole.data, later.data, whole.width, rects);
      expect(between.outside).toBe(0);
      expect(between.inside).toBeGreaterThan(1000);
    },
  );
});
