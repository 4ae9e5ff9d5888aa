import { describe, expect, it } from 'vitest';
import { formatNumber, lookupResult, numericResult } from '../../src/lib/results.ts';

const results = {
  finalLoss: 0.123456,
  firstPerfectIteration: null,
  settings: { learningRate: 0.01, seed: 7 },
  validation: [
    { name: 'validation-1', accuracy: 1, correct: 18, total: 18 },
    { name: 'validation-2', accuracy: 23 / 24, correct: 23, total: 24 },
  ],
  history: [
    { iteration: 0, loss: 16.5 },
    { iteration: 1, loss: 16.25 },
  ],
};

describe('lookupResult', () => {
  it.each([
    ['finalLoss', 0.123456], // a top-level number
    ['settings.learningRate', 0.01], // a nested field
    ['validation.validation-2.correct', 23], // an array element found by its name
    ['history.1.loss', 16.25], // an array element found by its index
    ['firstPerfectIteration', null], // null is a value, not a missing result
  ])('finds %s', (path, expected) => {
    expect(lookupResult(results, path)).toBe(expected);
  });

  it.each([
    ['finalAccuracy', 'finalAccuracy'],
    ['settings.momentum', 'settings.momentum'],
    ['validation.validation-3.accuracy', 'validation.validation-3'],
    ['history.2.loss', 'history.2'],
    ['finalLoss.digits', 'finalLoss.digits'],
  ])('names the missing path %s', (path, walked) => {
    expect(() => lookupResult(results, path)).toThrow(
      `the results of experiment "tutorial" have no "${path}" (nothing at "${walked}")`,
    );
  });

  it('does not treat inherited properties as results', () => {
    expect(() => lookupResult(results, 'settings.toString')).toThrow(/have no "settings.toString"/);
  });
});

describe('numericResult', () => {
  it('refuses null and non-numbers, naming the path', () => {
    expect(() => numericResult(results, 'firstPerfectIteration')).toThrow(
      '"firstPerfectIteration" is null, not a number',
    );
    expect(() => numericResult(results, 'settings')).toThrow(/"settings" is .*not a number/);
  });
});

describe('formatNumber', () => {
  it.each([
    [0.123456, {}, '0.123456'], // no format: as JavaScript prints it
    [0.01, {}, '0.01'], // a learning rate stays as written
    [74, {}, '74'], // integers print whole
    [0.123456, { digits: 3 }, '0.123'], // fixed digits round
    [16.5, { digits: 2 }, '16.50'], // and pad
    [1, { percent: true }, '100%'], // whole percentages have no decimals
    [0.5, { percent: true }, '50%'],
    [23 / 24, { percent: true }, '95.8%'], // others get one by default
    [23 / 24, { percent: true, digits: 2 }, '95.83%'], // or as many as asked
    [0.07, { percent: true }, '7%'], // 0.07 * 100 is 7.000000000000001 in floating point, still whole
    [2.97055728030219e-11, { significant: 2 }, '3.0 \u00d7 10\u207b\u00b9\u00b9'], // tiny: a power of ten
    [6.2e-8, { significant: 2 }, '6.2 \u00d7 10\u207b\u2078'],
    [1.4697342713, { significant: 3 }, '1.47'], // ordinary sizes plainly
    [0.0123, { significant: 2 }, '0.012'],
    [123456, { significant: 2 }, '1.2 \u00d7 10\u2075'],
  ])('formats %d with %j as %j', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });
});
