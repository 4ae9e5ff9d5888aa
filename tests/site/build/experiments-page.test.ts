/**
 * The Experiments page's section on initialisation, as built: its table names the four schemes,
 * its sentences follow the runs' results (the zeros run's "nothing moves" only if nothing moved),
 * its numbers are the results' and its explorer links carry the scheme.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DivergedResults, RunResults } from '../../../src/figures/run-results.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { decodeEntities, startTags, visibleText } from './html.ts';

const build = inject('siteBuilds').root;

let html = '';
const results: Record<string, RunResults> = {};

/** The text of every <Result experiment={experiment} path={path}/> on the page. */
function stated(experiment: string, path: string): string[] {
  const escaped = path.replace(/\./g, '\\.');
  return [
    ...html.matchAll(
      new RegExp(
        `<span class="result[^"]*" data-result="${escaped}" data-experiment="${experiment}">([^<]*)</span>`,
        'g',
      ),
    ),
  ].map((match) => decodeEntities(match[1]!));
}

/** The text of the initialisation section: from its heading to the next one. */
function section(): string {
  const start = html.indexOf('<h2 id="initialisation"');
  expect(start).toBeGreaterThan(0);
  return visibleText(html.slice(start, html.indexOf('<h2 id="seeds"', start)));
}

beforeAll(async () => {
  html = await readFile(join(build.dir, 'experiments', 'index.html'), 'utf8');
  for (const name of ['tutorial', 'init-he', 'init-zeros', 'init-large']) {
    results[name] = JSON.parse(
      await readFile(join(PROJECT_ROOT, `src/generated/results/${name}.json`), 'utf8'),
    );
  }
});

describe('the Experiments page, section Initialisation', () => {
  it('has a table with one row per scheme, named as the explorer lists them', () => {
    const rows = [
      ...html.matchAll(
        /<tr data-experiment="(init-[a-z]+|tutorial)"[^>]*>\s*<th scope="row"[^>]*>([^<]*)</g,
      ),
    ].map((match) => [match[1], decodeEntities(match[2]!)]);
    expect(rows).toContainEqual(['init-he', 'He (variance 2/n)']);
    expect(rows).toContainEqual(['init-zeros', 'Zeros (every weight 0)']);
    expect(rows).toContainEqual(['init-large', 'Large (10 × Xavier)']);
    expect(rows).toContainEqual(['tutorial', 'Xavier (variance 1/n)']);
  });

  it('says that nothing moved from all-zero weights exactly when no parameter changed', () => {
    const zeros = results['init-zeros']!;
    const unmoved = zeros.changedParameters === 0;
    expect(section().includes('Not one of its')).toBe(unmoved);
    expect(section().includes('Its parameters change')).toBe(!unmoved);
    expect(section().includes('copies of one another at every iteration')).toBe(
      zeros.identicalHiddenUnits,
    );
    // The run this page describes: every unit a copy of the others, every parameter still 0.
    expect([zeros.changedParameters, zeros.identicalHiddenUnits]).toEqual([0, true]);
    expect(stated('init-zeros', 'finalLoss')).toEqual([zeros.finalLoss.toFixed(3)]);
  });

  it('states the large run’s validation counts and the tutorial’s beside them', () => {
    const large = results['init-large']!;
    const tutorial = results.tutorial!;
    for (const [name, run] of [
      ['init-large', large],
      ['tutorial', tutorial],
    ] as const) {
      for (const set of run.validation) {
        expect(stated(name, `validation.${set.name}.correct`)).toContain(String(set.correct));
      }
    }
  });

  it('opens the explorer on each scheme', () => {
    for (const init of ['he', 'zeros', 'large']) {
      const link = startTags(html).find(
        (tag) => tag.name === 'a' && tag.attributes['data-explorer-link'] === `init-${init}`,
      );
      expect(link?.attributes.href, init).toMatch(new RegExp(`[?&]init=${init}(&|#)`));
    }
  });
});

describe('the diverging run', () => {
  it('shows its overflowed loss as ∞, and its missing accuracies as dashes read as “no final network”', async () => {
    const lr1 = JSON.parse(
      await readFile(join(PROJECT_ROOT, 'src/generated/results/lr-1.json'), 'utf8'),
    ) as DivergedResults;
    expect(lr1.divergence.loss).toBe('Infinity');
    expect(stated('lr-1', 'divergence.loss')).toEqual(['∞']);
    const row = /<tr data-experiment="lr-1"[^>]*>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(visibleText(row)).toContain(`diverged at iteration ${lr1.divergence.iteration}`);
    // The last accuracy and one per validation set: each a dash hidden from screen readers, with words for them.
    const cells = [
      ...row.matchAll(
        /<td[^>]*>\s*<span aria-hidden="true"[^>]*>–<\/span>\s*<span class="sr-only[^"]*">no final network<\/span>\s*<\/td>/g,
      ),
    ];
    expect(cells).toHaveLength(1 + (results.tutorial?.validation?.length ?? 0));
  });
});

describe('trainsOn', () => {
  it('matches an experiment with exactly the images it trained and validated on', async () => {
    const { trainsOn } = await import('../../../src/lib/generated-data.ts');
    const { dataSeed } = results.tutorial!.settings;
    expect(trainsOn('tutorial', generateDatasets(dataSeed))).toBe(true);
    expect(trainsOn('init-he', generateDatasets(dataSeed))).toBe(true);
    expect(trainsOn('tutorial', generateDatasets(dataSeed + 1))).toBe(false);
    const fewer = generateDatasets(dataSeed);
    fewer.validation.pop();
    expect(trainsOn('tutorial', fewer)).toBe(false);
    expect(trainsOn('no-such-experiment', generateDatasets(dataSeed))).toBe(false);
  });
});
