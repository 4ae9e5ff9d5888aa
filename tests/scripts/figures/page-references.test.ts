/** The pages' references to figures, experiments and downloads, found in the MDX syntax tree with their lines. */
import { describe, expect, it } from 'vitest';
import { type KnownOutputs, pageProblems } from '../../../scripts/figures/page-references.ts';

const known: KnownOutputs = {
  figures: new Set(['loss-accuracy']),
  experiments: new Set(['tutorial', 'lr-0.1']),
  downloads: () => new Set(['train-csv']),
};

describe('pageProblems', () => {
  // Each case: a page's text, and the problems found in it (none for a good page).
  const cases: [string, string, string[]][] = [
    [
      'good references',
      '# A\n\n<Figure id="loss-accuracy" />\n\n<Result experiment="lr-0.1" path="finalLoss" />\n',
      [],
    ],
    [
      'a missing figure, on its line',
      'Text.\n\nMore text.\n\n<Figure id="nope" />\n',
      [
        'p.mdx, line 5: <Figure> names figure "nope", which content/figures/ does not have (it has loss-accuracy)',
      ],
    ],
    [
      'a missing experiment inside a paragraph',
      'The loss ends at <Result experiment="lr-9" path="finalLoss" />.\n',
      [
        'p.mdx, line 1: <Result> names experiment "lr-9", which content/experiments/ does not have (it has tutorial, lr-0.1)',
      ],
    ],
    [
      'a missing download',
      '<Download id="test-csv" />\n',
      [
        'p.mdx, line 1: <Download> names download "test-csv", which the experiment does not offer (it offers train-csv)',
      ],
    ],
    [
      'a missing experiment in a list',
      '<ExperimentTable experiments={["tutorial", "lr-7"]} />\n',
      [
        'p.mdx, line 1: <ExperimentTable> names experiment "lr-7", which content/experiments/ does not have (it has tutorial, lr-0.1)',
      ],
    ],
    [
      'mathematics with braces is not mistaken for an expression',
      '$\\{0, 1\\}$ and $$\\frac{a}{b}$$\n',
      [],
    ],
    ['an element in a code block is only text', '```mdx\n<Figure id="nope" />\n```\n', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => expect(pageProblems(text, 'p.mdx', known)).toEqual(expected));
  }
});
