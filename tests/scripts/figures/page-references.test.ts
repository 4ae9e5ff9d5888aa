/** The pages' references to figures, experiments and downloads, found in the MDX syntax tree with their lines. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkPageReferences,
  type KnownOutputs,
  PageError,
  pageProblems,
  readPageMemo,
  storePageMemo,
} from '../../../scripts/figures/page-references.ts';
import { sha256Hex } from '../../../scripts/lib/sha256.ts';

const known: KnownOutputs = {
  figures: new Set(['loss-accuracy', 'loss-still']),
  darkFigures: new Set(['loss-accuracy']),
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
        'p.mdx, line 5: <Figure> names figure "nope", which content/figures/ does not have (it has loss-accuracy, loss-still)',
      ],
    ],
    [
      'a missing still of an animation',
      '<Figure id="loss-accuracy" still="no-still" />\n',
      [
        'p.mdx, line 1: <Figure> names figure "no-still", which content/figures/ does not have (it has loss-accuracy, loss-still)',
      ],
    ],
    [
      'a still with no dark drawing for an animation with one',
      '<Figure id="loss-accuracy" still="loss-still" />\n',
      [
        'p.mdx, line 1: <Figure> names still "loss-still", which has no dark drawing while "loss-accuracy" has one (a paused animation would show a light frame in the dark scheme)',
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
    it(name, async () => expect(await pageProblems(text, 'p.mdx', known)).toEqual(expected));
  }
});

describe('the memo of pages already read', () => {
  const root = mkdtempSync(join(tmpdir(), 'page-memo-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'content'));
  const text = '# A\n\n<Figure id="loss-accuracy" />\n';
  writeFileSync(join(root, 'content', 'p.mdx'), text);

  it('gives each page its references by the hash of its text', async () => {
    const memo = await checkPageReferences(root, known);
    expect([...memo.keys()]).toEqual([sha256Hex(text)]);
    expect(memo.get(sha256Hex(text))).toEqual([
      { element: 'Figure', line: 3, experiments: [], id: 'loss-accuracy' },
    ]);
  });

  it('is used instead of parsing a page whose text it knows', async () => {
    // A memo that says the page names a missing figure on line 9: only the memo can say so.
    const memo = new Map([
      [sha256Hex(text), [{ element: 'Figure', line: 9, experiments: [], id: 'nope' }]],
    ]);
    await expect(checkPageReferences(root, known, memo)).rejects.toThrow(PageError);
    await expect(checkPageReferences(root, known, memo)).rejects.toThrow(
      /p\.mdx, line 9: <Figure>/,
    );
    // Another text is parsed again.
    const other = new Map([[sha256Hex('something else'), memo.get(sha256Hex(text))!]]);
    await expect(checkPageReferences(root, known, other)).resolves.toBeInstanceOf(Map);
  });

  it('is kept between builds, and not used when it was made by another parser', async () => {
    const generated = join(root, 'generated');
    const memo = await checkPageReferences(root, known);
    storePageMemo(generated, memo, new Map());
    expect(readPageMemo(generated)).toEqual(memo);
    const file = join(generated, '.page-references.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { parser: string };
    writeFileSync(file, JSON.stringify({ ...stored, parser: 'another' }));
    expect(readPageMemo(generated)).toEqual(new Map());
  });
});

describe('reading pages on a worker thread', () => {
  const root = mkdtempSync(join(tmpdir(), 'page-worker-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'content'));
  // Long enough to go to the thread (a short page is read on the calling one).
  const filler = 'Some prose about the network, with $x^2$ and `code`.\n\n'.repeat(400);
  const good = `# A\n\n${filler}<Figure id="loss-accuracy" />\n\n<Result experiment="tutorial" path="finalLoss" />\n`;
  writeFileSync(join(root, 'content', 'a.mdx'), good);

  it('finds what the calling thread finds', async () => {
    const onWorker = await checkPageReferences(root, known, new Map(), 'worker');
    const here = await checkPageReferences(root, known, new Map(), 'here');
    expect(onWorker).toEqual(here);
    expect(onWorker.get(sha256Hex(good))!.map((r) => r.element)).toEqual(['Figure', 'Result']);
  });

  it('names the file and line of a page that is not valid MDX', async () => {
    writeFileSync(join(root, 'content', 'b.mdx'), `${filler}\n<Figure id="loss-accuracy"\n`);
    const checked = checkPageReferences(root, known, new Map(), 'worker');
    await expect(checked).rejects.toThrow(PageError);
    await expect(checked).rejects.toThrow(/content\/b\.mdx, line 80[0-9]: not valid MDX/);
    rmSync(join(root, 'content', 'b.mdx'));
  });
});
