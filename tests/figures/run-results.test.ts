import { describe, expect, it } from 'vitest';
import {
  parameterCount,
  perfectFromIteration,
  runResults,
  validationTitle,
} from '../../src/figures/run-results.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { DEFAULT_SETTINGS } from '../../src/nn/settings.ts';
import { train } from '../../src/nn/train.ts';

/** A history whose accuracies are `accuracies`, state k at iteration k. */
const historyOf = (accuracies: number[]) =>
  accuracies.map((accuracy, iteration) => ({ iteration, accuracy }));

describe('perfectFromIteration', () => {
  it.each([
    // Reaches 1 and keeps it: the same as the first perfect iteration.
    { accuracies: [0.5, 0.75, 1, 1, 1], expected: 2 },
    // Reaches 1 at 2, dips at 3, and keeps 1 from 4 on.
    { accuracies: [0.5, 0.75, 1, 0.95, 1, 1], expected: 4 },
    // Perfect from the start.
    { accuracies: [1, 1, 1], expected: 0 },
    // Reached 1 but ends below it: no iteration from which it stays at 1.
    { accuracies: [0.5, 1, 0.9], expected: null },
    // Never reaches 1.
    { accuracies: [0.5, 0.6], expected: null },
  ])('$accuracies -> $expected', ({ accuracies, expected }) => {
    expect(perfectFromIteration(historyOf(accuracies))).toBe(expected);
  });
});

describe('parameterCount', () => {
  it('counts W1 (H x 9), b1 (H), W2 (2 x H) and b2 (2)', () => {
    expect(parameterCount(6)).toBe(54 + 6 + 12 + 2);
    expect(parameterCount(1)).toBe(9 + 1 + 2 + 2);
  });
});

describe('validationTitle', () => {
  it('names numbered validation sets and leaves other names alone', () => {
    expect(validationTitle('validation-2')).toBe('Validation set 2');
    expect(validationTitle('my-test-set')).toBe('my-test-set');
  });
});

describe('the size of the results', () => {
  const resultsOf = (iterations: number) => {
    const settings = { ...DEFAULT_SETTINGS, iterations, frameEvery: 10 };
    return JSON.stringify(runResults(train(settings, generateDatasets(settings.dataSeed))));
  };

  it('does not grow with the number of iterations: no history in them', () => {
    const short = resultsOf(30);
    const long = resultsOf(3000);
    expect(Object.keys(JSON.parse(long))).toEqual(Object.keys(JSON.parse(short)));
    expect(JSON.parse(long)).not.toHaveProperty('history');
    // The same numbers in each, only their digits differ.
    expect(Math.abs(long.length - short.length)).toBeLessThan(0.05 * short.length);
  });
});
