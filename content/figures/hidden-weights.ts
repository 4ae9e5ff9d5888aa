/** Each hidden unit's input weights as a 3 x 3 tile, before and after training; never-active units marked. */
import { defineFigure } from '../../src/figures/figure-definition.ts';
import { neverActiveUnits } from '../../src/figures/hidden-unit-facts.ts';
import {
  drawHiddenWeights,
  hiddenWeightsLayout,
  hiddenWeightsMax,
} from '../../src/figures/hidden-weights-figure.ts';
import { count, plain } from '../../src/figures/prose.ts';
import { CONTENT_WIDTH } from '../../src/figures/theme.ts';
import { isPartial, subsetSentence, unitSubset } from '../../src/figures/unit-subset.ts';
import { TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';

export default defineFigure({
  format: 'png',
  experiments: ['tutorial'],
  reads: { settings: TRAINED_RUN_SETTINGS, record: ['datasets', 'initial', 'final'] },
  displayWidth: CONTENT_WIDTH,
  size: ({ run }) => hiddenWeightsLayout(run.settings.hiddenUnits, CONTENT_WIDTH),
  draw: (ctx, { run }) =>
    drawHiddenWeights(
      ctx,
      { before: run.initial.W1, after: run.final.W1, neverActive: neverActiveUnits(run) },
      CONTENT_WIDTH,
    ),
  text: ({ run }) => {
    const h = run.settings.hiddenUnits;
    const subset = unitSubset(h);
    const allDead = neverActiveUnits(run);
    // Only the units drawn can be framed; the others are counted.
    const dead = allDead.filter((unit) => unit < subset.drawn);
    const deadUndrawn = allDead.length - dead.length;
    const max = hiddenWeightsMax(run.initial.W1, run.final.W1);
    const moved = Array.from({ length: h }, (_, unit) =>
      Math.max(
        ...Array.from({ length: 9 }, (_, p) =>
          Math.abs(run.final.W1.get(unit, p) - run.initial.W1.get(unit, p)),
        ),
      ),
    );
    const deadText =
      allDead.length === 0
        ? 'Every unit was active on some training image, and every tile changed.'
        : dead.length === 0
          ? `Every unit drawn was active on some training image, and every tile changed; ${count(deadUndrawn, 'unit')} not drawn never ${deadUndrawn === 1 ? 'was' : 'were'}.`
          : `Framed in red and labelled "never active": ${dead.map((u) => `unit ${u}`).join(', ')}, whose tiles are identical before and after.` +
            (deadUndrawn === 0
              ? ''
              : ` Of the units not drawn, ${deadUndrawn} ${deadUndrawn === 1 ? 'was' : 'were'} never active either.`);
    return {
      alt:
        `Two rows of ${subset.drawn} small 3 by 3 heatmaps, one per hidden unit${isPartial(subset) ? ' drawn' : ''}: the unit's 9 input weights laid out as the pixels of an image, ` +
        `before training (top row) and after ${run.settings.iterations} updates (bottom row), on one colour scale from ${plain(-max, 1)} (purple) through 0 (white) to ${plain(max, 1)} (orange). ` +
        `The largest change of a single weight is ${plain(Math.max(...moved), 2)}. ${deadText}${subsetSentence(subset)}`,
      caption:
        'What each hidden unit responds to: a unit with positive weights along one column or row and negative ones elsewhere detects that line.',
    };
  },
});
