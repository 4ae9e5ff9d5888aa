import { describe, expect, it } from 'vitest';
import { explorerValues } from '../../src/explorer/explorer-fields.ts';
import {
  blowUpMessage,
  describeSettings,
  fixedSeedHint,
  formatAccuracy,
  formatLoss,
  formatPercent,
  imagesInsteadMessage,
  lossRoseMessage,
  trainedMessage,
  unknownImagesMessage,
  validationLabel,
} from '../../src/explorer/explorer-format.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';

/** The tutorial's six settings, as the explorer has them. */
const values = explorerValues(DEFAULT_SETTINGS);

describe('explorer text', () => {
  it.each([
    [16.09660682232783, '16.10'],
    [0.7457490923106359, '0.7457'],
    [8933.280863056572, '8933'],
    [0.000123, '0.0001230'],
    [0, '0'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('formatLoss(%d) = %s', (loss, text) => {
    expect(formatLoss(loss)).toBe(text);
  });

  it.each([
    [1, '100%'],
    [23 / 24, '95.8%'],
    [0.5, '50%'],
    [1 / 3, '33.3%'],
    [0.9999, '100%'],
  ])('formatPercent(%d) = %s', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });

  it('counts correct examples', () => {
    expect(formatAccuracy(18 / 24, 24)).toBe('75% (18 of 24)');
    expect(formatAccuracy(1, 18)).toBe('100% (18 of 18)');
  });

  it('describes settings, with singulars', () => {
    expect(
      describeSettings({
        learningRate: 0.05,
        hiddenUnits: 8,
        init: 'he',
        iterations: 300,
        seed: 3,
        dataSeed: 2024,
      }),
    ).toBe(
      'learning rate 0.05, 8 hidden units, He initialisation, 300 iterations, weight seed 3, data seed 2024',
    );
    const smallest = {
      learningRate: 1,
      hiddenUnits: 1,
      init: 'zeros',
      iterations: 1,
      seed: 0,
    } as const;
    expect(describeSettings({ ...smallest, dataSeed: 0 })).toBe(
      'learning rate 1, 1 hidden unit, all weights starting at 0, 1 iteration, weight seed 0, data seed 0',
    );
  });

  it('says that a run diverged and what to try, naming the learning rate of the run it started from', () => {
    const blowUp = blowUpMessage(1, 1000, { values, whose: 'tutorial' });
    expect(blowUp).toMatch(/^Training diverged/);
    expect(blowUp).toContain('iteration 1');
    expect(blowUp).toContain('try a smaller learning rate (the tutorial uses 0.01).');
    const other = { values: { ...values, learningRate: 0.3 }, whose: 'experiment' } as const;
    const rose = lossRoseMessage({ first: 16.1, last: 8933.2 }, 2, other);
    expect(rose).toMatch(/^Training diverged/);
    expect(rose).toContain('from 16.10 to 8933');
    expect(rose).toContain('try a smaller learning rate (the experiment uses 0.3).');
  });

  it('reports the training time in whole milliseconds, at least 1', () => {
    expect(trainedMessage(200, 41.4)).toBe('Trained 200 iterations in your browser in 41 ms.');
    expect(trainedMessage(1, 0.2)).toBe('Trained 1 iteration in your browser in 1 ms.');
  });

  it('names an experiment’s own images instead of the data seed, and says why the seed is not used', () => {
    expect(describeSettings(values, 'my-run')).toBe(
      'learning rate 0.01, 6 hidden units, Xavier initialisation, 200 iterations, weight seed 7, the images of experiment “my-run”',
    );
    expect(describeSettings(values, null)).toBe(describeSettings(values));
    expect(fixedSeedHint('my-run')).toBe(
      'Not used: the run trains on the images of experiment “my-run” (its CSV files)',
    );
  });

  it('labels a validation set by its title', () => {
    expect(validationLabel('Validation set 1')).toBe('Validation set 1');
    expect(validationLabel('Dimmed lines')).toBe('Validation: dimmed lines');
  });

  it('says which images the run uses when the address’s cannot be, and which the site has', () => {
    expect(imagesInsteadMessage(null)).toBe('The run uses the data seed’s images.');
    expect(imagesInsteadMessage('mine')).toBe('The run uses the images of experiment “mine”.');
    const instead = imagesInsteadMessage(null);
    expect(unknownImagesMessage('nowhere', [], instead)).toBe(
      'This page’s address asks for the images of experiment “nowhere”, but none of this site’s experiments has images of its own. The run uses the data seed’s images.',
    );
    expect(unknownImagesMessage('nowhere', ['mine'], instead)).toContain(
      'but only “mine” has images of its own.',
    );
    expect(unknownImagesMessage('nowhere', ['a', 'b'], instead)).toContain(
      'but only “a”, “b” have images of their own.',
    );
  });
});
