/**
 * Functions short enough to see whole: no function in the TypeScript and JavaScript files of
 * the site's code, its scripts, its figures or the tests' helpers is longer than 60 lines. (A
 * test file's describe and it callbacks are lists of cases, not functions to read as one, and
 * are left out with the test files; the few lines of script in .astro components are not parsed.)
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/project-root.ts';
import { functionLengths } from './function-length.ts';
import { projectConfig } from './module-graph.ts';

const MAX_LINES = 60;

describe('function lengths', () => {
  it('measures each function from its first line to its last, nested ones on their own', () => {
    const text = [
      'export function outer(a: number) {', // 1
      '  const inner = (b: number) => {', // 2
      '    return b + 1;', // 3
      '  };', // 4
      '  return inner(a);', // 5
      '}', // 6
      'class Box { get size() { return 1; } }', // 7
      'declare function bodiless(): void;', // 8
    ].join('\n');
    expect(functionLengths('sample.ts', text)).toEqual([
      { name: 'outer', line: 1, lines: 6 },
      { name: 'inner', line: 2, lines: 3 },
      { name: 'size', line: 7, lines: 1 },
    ]);
  });

  it(`finds no function longer than ${MAX_LINES} lines outside the test files`, () => {
    // Every TypeScript and JavaScript file tsc checks (the .mjs scripts too), but the test files.
    const files = projectConfig(PROJECT_ROOT).fileNames.filter(
      (file) => /\.(m?ts|mjs)$/.test(file) && !/\.(test|d)\.ts$/.test(file),
    );
    expect(files.filter((file) => file.endsWith('.mjs')).length).toBeGreaterThan(3);
    expect(files.length).toBeGreaterThan(150);
    const long = files.flatMap((file) =>
      functionLengths(file, readFileSync(file, 'utf8'))
        .filter((f) => f.lines > MAX_LINES)
        .map((f) => `${relative(PROJECT_ROOT, file)}:${f.line} ${f.name} (${f.lines} lines)`),
    );
    expect(long).toEqual([]);
  });
});
