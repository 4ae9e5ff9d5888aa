/**
 * What the module graph says about the architecture: no import cycles (type-only imports count),
 * and no figure's drawing code imports another figure's, so editing one figure never redraws
 * another.
 */
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureCatalogue } from '../../src/figures/figure-catalogue.ts';
import { generateDatasets } from '../../src/nn/datasets.ts';
import { PROJECT_ROOT } from '../helpers/project-root.ts';
import { findCycles, type ModuleGraph, projectModuleGraph, reachableFrom } from './module-graph.ts';

const graph = projectModuleGraph(PROJECT_ROOT);

describe('the cycle finder', () => {
  // Each case: a small graph, and the cycles it must report.
  const cases: [string, ModuleGraph, string[][]][] = [
    [
      'a chain has none',
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', []],
      ]),
      [],
    ],
    [
      'a -> b -> a',
      new Map([
        ['a', ['b']],
        ['b', ['a']],
      ]),
      [['a', 'b']],
    ],
    ['a file importing itself', new Map([['a', ['a']]]), [['a']]],
    [
      'two separate cycles and a bystander',
      new Map([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['e']],
        ['e', ['d', 'f']],
        ['f', []],
      ]),
      [
        ['a', 'b', 'c'],
        ['d', 'e'],
      ],
    ],
  ];
  for (const [name, small, expected] of cases) {
    it(name, () => expect(findCycles(small).sort()).toEqual(expected));
  }
});

describe('the module graph', () => {
  it('holds the engine, the figures, the scripts and the tests', () => {
    for (const file of ['src/nn/train.ts', 'src/figures/figure-catalogue.ts', 'scripts/train.ts']) {
      expect(graph.has(file), file).toBe(true);
    }
    expect(graph.get('src/nn/train.ts')).toContain('src/nn/network.ts');
    // Type-only imports are edges too.
    expect(graph.get('src/nn/gradients.ts')).toContain('src/nn/types.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("has no figure whose drawing code imports another figure's", () => {
    // A figure module is a module the catalogue names as drawing a figure.
    const catalogue = join(PROJECT_ROOT, 'src/figures/figure-catalogue.ts');
    const figures = figureCatalogue({ datasets: generateDatasets(2024) });
    const modulesOf = (figure: (typeof figures)[number]) =>
      figure.inputs.draw.map((m) => relative(PROJECT_ROOT, join(dirname(catalogue), m)));
    const owners = new Map<string, Set<string>>();
    for (const figure of figures) {
      for (const module of modulesOf(figure)) {
        owners.set(module, new Set([...(owners.get(module) ?? []), figure.id]));
      }
    }
    expect(owners.size).toBeGreaterThan(5);
    const crossings: string[] = [];
    for (const [module, ids] of owners) {
      for (const reached of reachableFrom(graph, module)) {
        const others = [...(owners.get(reached) ?? [])].filter((id) => !ids.has(id));
        if (others.length > 0)
          crossings.push(`${module} imports ${reached} (${others.join(', ')})`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
