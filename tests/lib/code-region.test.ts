import { describe, expect, it } from 'vitest';
import { dedent, extractRegion } from '../../src/lib/code-region.ts';

const source = [
  'import { x } from "./x.ts";',
  '',
  '// #region outer',
  'export function outer(): number {',
  '  // #region inner',
  '  const a = 1;',
  '',
  '  return a;',
  '  // #endregion inner',
  '}',
  '// #endregion outer',
  '',
  'function other() {',
  '    // #region indented',
  '    if (true) {',
  '      go();',
  '    }',
  '    // #endregion indented',
  '}',
  '// #region unclosed',
  'const z = 3;',
  '// #region empty',
  '// #endregion empty',
].join('\n');

describe('extractRegion', () => {
  it('returns the lines between the markers, without nested markers', () => {
    expect(extractRegion(source, 'outer', 'f.ts')).toBe(
      ['export function outer(): number {', '  const a = 1;', '', '  return a;', '}'].join('\n'),
    );
  });

  it('dedents a region indented inside a function', () => {
    expect(extractRegion(source, 'inner', 'f.ts')).toBe(
      ['const a = 1;', '', 'return a;'].join('\n'),
    );
    expect(extractRegion(source, 'indented', 'f.ts')).toBe(
      ['if (true) {', '  go();', '}'].join('\n'),
    );
  });

  it('accepts Windows line endings', () => {
    expect(extractRegion(source.replaceAll('\n', '\r\n'), 'inner', 'f.ts')).toBe(
      'const a = 1;\n\nreturn a;',
    );
  });

  it('does not match a region whose name only starts with the one asked for', () => {
    expect(() => extractRegion(source, 'out', 'src/nn/f.ts')).toThrow(
      'src/nn/f.ts has no region "out"',
    );
  });

  it('names the file and region when the region is missing, unclosed or empty', () => {
    expect(() => extractRegion(source, 'training-loop', 'src/nn/train.ts')).toThrow(
      'src/nn/train.ts has no region "training-loop"',
    );
    expect(() => extractRegion(source, 'unclosed', 'src/nn/f.ts')).toThrow(
      /src\/nn\/f\.ts: region "unclosed" is never closed/,
    );
    expect(() => extractRegion(source, 'empty', 'src/nn/f.ts')).toThrow(
      /src\/nn\/f\.ts: region "empty" is empty/,
    );
  });
});

describe('dedent', () => {
  it('removes only the indentation every non-blank line shares', () => {
    expect(dedent(['    a', '      b', '', '    c'])).toEqual(['a', '  b', '', 'c']);
  });

  it('leaves unindented text alone', () => {
    expect(dedent(['a', '  b'])).toEqual(['a', '  b']);
  });
});
