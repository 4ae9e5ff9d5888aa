/**
 * What the module graph says about the architecture: no import cycles (type-only imports count),
 * and no figure's code imports another figure's, so editing one figure never redraws another.
 */
import { describe, expect, it } from 'vitest';
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
    for (const file of ['src/nn/train.ts', 'content/figures/network.ts', 'scripts/train.ts']) {
      expect(graph.has(file), file).toBe(true);
    }
    expect(graph.get('src/nn/train.ts')).toContain('src/nn/network.ts');
    // Type-only imports are edges too.
    expect(graph.get('src/nn/gradients.ts')).toContain('src/nn/types.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no figure module that reaches another figure module', () => {
    const figures = [...graph.keys()].filter((file) => file.startsWith('content/figures/'));
    expect(figures.length).toBeGreaterThan(5);
    const crossings = figures.flatMap((figure) =>
      [...reachableFrom(graph, figure)]
        .filter((file) => file.startsWith('content/figures/') && file !== figure)
        .map((file) => `${figure} reaches ${file}`),
    );
    expect(crossings).toEqual([]);
  });

  it("has no drawing code that imports another figure's (src/figures/*-figure.ts and *-figures.ts)", () => {
    const drawing = /^src\/figures\/.*-figures?\.ts$/;
    const crossings = [...graph]
      .filter(([file]) => file.startsWith('src/figures/'))
      .flatMap(([file, imports]) =>
        imports
          .filter((target) => drawing.test(target) && target !== file)
          .map((target) => `${file} imports ${target}`),
      );
    expect([...graph.keys()].filter((file) => drawing.test(file)).length).toBeGreaterThan(5);
    expect(crossings).toEqual([]);
  });
});
