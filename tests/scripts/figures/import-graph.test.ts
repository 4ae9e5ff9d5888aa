/**
 * The import follower that decides which sources key a figure: the imports it finds in a text
 * (and the look-alikes it must ignore), and the closure it follows through a small tree of
 * modules written to a temporary folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSourceReader,
  followImports,
  moduleImports,
} from '../../../scripts/figures/import-graph.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';

describe('moduleImports', () => {
  const cases: { name: string; text: string; expected: [string, boolean][] }[] = [
    // The forms a module can import with.
    {
      name: 'default and named imports',
      text: 'import a from \'./a.ts\';\nimport { b, c as d } from "./b.ts";',
      expected: [
        ['./a.ts', false],
        ['./b.ts', false],
      ],
    },
    {
      name: 'a namespace import',
      text: "import * as ns from './ns.ts';",
      expected: [['./ns.ts', false]],
    },
    {
      name: 'a side-effect import',
      text: "import './setup.ts';",
      expected: [['./setup.ts', false]],
    },
    {
      name: 'an import list over several lines',
      text: "import {\n  one,\n  two,\n} from './many.ts';",
      expected: [['./many.ts', false]],
    },
    {
      name: 'a dynamic import with a literal',
      text: "const m = await import('./lazy.ts');",
      expected: [['./lazy.ts', false]],
    },
    {
      name: 'a dynamic import with an expression is not a known file',
      text: 'const m = await import(name);',
      expected: [],
    },
    {
      name: 're-exports',
      text: "export { x } from './x.ts';\nexport * from './all.ts';\nexport * as ns from './ns.ts';",
      expected: [
        ['./x.ts', false],
        ['./all.ts', false],
        ['./ns.ts', false],
      ],
    },
    // Type-only imports are erased from the JavaScript.
    {
      name: 'import type',
      text: "import type { T } from './types.ts';",
      expected: [['./types.ts', true]],
    },
    {
      name: 'export type from',
      text: "export type { T } from './types.ts';",
      expected: [['./types.ts', true]],
    },
    {
      name: 'inline type specifiers keep the import',
      text: "import { type T, value } from './mixed.ts';",
      expected: [['./mixed.ts', false]],
    },
    {
      name: 'a default import named "type"',
      text: "import type from './odd.ts';",
      expected: [['./odd.ts', false]],
    },
    // Look-alikes that are not imports.
    {
      name: 'a commented-out import',
      text: "// import x from './line.ts';\n/* import y from './block.ts'; */",
      expected: [],
    },
    {
      name: 'an import inside a string',
      text: 'const s = "import z from \'./string.ts\'";',
      expected: [],
    },
    {
      name: 'an import inside a template literal',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with a template literal in it
      text: "const t = `import z from './template.ts' ${1 + 1} and more`;",
      expected: [],
    },
    {
      name: 'a dynamic import inside a template expression',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with a template literal in it
      text: "const t = `${await import('./inside.ts')}`;",
      expected: [['./inside.ts', false]],
    },
    {
      name: 'a regular expression with quotes and slashes',
      text: "const r = /['\"]\\/\\//g;\nimport q from './after-regex.ts';",
      expected: [['./after-regex.ts', false]],
    },
    {
      name: 'a division is not a regular expression',
      text: "const h = a / b; const s = 'x'; // import no from './no.ts'\nimport yes from './yes.ts';",
      expected: [['./yes.ts', false]],
    },
    {
      name: 'import.meta',
      text: "const u = import.meta.url;\nconst g = import.meta.glob('./x.ts');",
      expected: [],
    },
    {
      name: 'a local export list is not a re-export',
      text: "export { a, b };\nimport c from './c.ts';",
      expected: [['./c.ts', false]],
    },
    {
      name: 'words like "from" in prose',
      text: '/** values from the table */\nexport const from = 1;',
      expected: [],
    },
    {
      name: 'packages are reported too (the follower skips them)',
      text: "import { createHash } from 'node:crypto';",
      expected: [['node:crypto', false]],
    },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => {
      expect(moduleImports(text).map((r) => [r.specifier, r.typeOnly])).toEqual(expected);
    });
  }
});

describe('followImports on a fixture tree', () => {
  const root = mkdtempSync(join(tmpdir(), 'import-graph-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  //   entry.ts -> a.ts -> shared/b.ts -> shared/c.ts -> a.ts (a cycle)
  //            -> lib (folder: lib/index.ts) ; entry.ts -type-> types.ts -> never.ts
  //   a.ts -> data.json ; shared/b.ts -> ./d.js (written as d.ts) ; other.ts is imported by nobody
  write(
    'entry.ts',
    "import { a } from './a.ts';\nimport type { T } from './types.ts';\nimport lib from './lib';\nexport const e = a;",
  );
  write(
    'a.ts',
    "import { b } from './shared/b.ts';\nimport table from './data.json' with { type: 'json' };\nimport { readFileSync } from 'node:fs';\nexport const a = b;",
  );
  write('shared/b.ts', "export { c as b } from './c.ts';\nimport './d.js';");
  write('shared/c.ts', "import { a } from '../a.ts';\nexport const c = () => a;");
  write('shared/d.ts', 'export {};');
  write('lib/index.ts', 'export default 1;');
  write('types.ts', "import './never.ts';\nexport type T = number;");
  write('never.ts', 'export {};');
  write('data.json', '{}');
  write('other.ts', 'export {};');
  write('broken.ts', "import { gone } from './missing.ts';");
  const abs = (...paths: string[]) => paths.map((p) => join(root, p)).sort();

  it('follows relative imports transitively, through cycles, folders, JSON and .js names of .ts files', () => {
    expect(followImports([join(root, 'entry.ts')], createSourceReader())).toEqual(
      abs(
        'entry.ts',
        'a.ts',
        'shared/b.ts',
        'shared/c.ts',
        'shared/d.ts',
        'lib/index.ts',
        'data.json',
      ),
    );
  });

  it('skips type-only imports unless asked to follow them', () => {
    const withTypes = followImports([join(root, 'entry.ts')], createSourceReader(), {
      includeTypeOnly: true,
    });
    expect(withTypes).toEqual(expect.arrayContaining(abs('types.ts', 'never.ts')));
  });

  it('neither includes nor follows the files it is told to stop at', () => {
    const files = followImports([join(root, 'entry.ts')], createSourceReader(), {
      stopAt: new Set([join(root, 'shared/b.ts')]),
    });
    expect(files).toEqual(abs('entry.ts', 'a.ts', 'lib/index.ts', 'data.json'));
  });

  it('sees a new import once the file says so (one reader per build)', () => {
    write('leaf.ts', 'export {};');
    expect(followImports([join(root, 'leaf.ts')], createSourceReader())).toEqual(abs('leaf.ts'));
    write('leaf.ts', "import './other.ts';");
    expect(followImports([join(root, 'leaf.ts')], createSourceReader())).toEqual(
      abs('leaf.ts', 'other.ts'),
    );
  });

  it('reports an import it cannot find, naming the importing file', () => {
    expect(() => followImports([join(root, 'broken.ts')], createSourceReader())).toThrow(
      /broken\.ts: cannot find the module "\.\/missing\.ts"/,
    );
  });
});

describe('the real figure catalogue', () => {
  it('reaches the drawing modules but not the engine (the figures read the run record, not the training code)', () => {
    const files = followImports(
      [join(PROJECT_ROOT, 'src/figures/figure-catalogue.ts')],
      createSourceReader(),
    ).map((f) => f.slice(f.indexOf('/src/') + 1));
    expect(files).toEqual(
      expect.arrayContaining([
        'src/figures/heatmap.ts',
        'src/figures/network-diagram.ts',
        'src/figures/training-frame.ts',
      ]),
    );
    expect(files).not.toContain('src/nn/train.ts');
    expect(files).not.toContain('src/nn/types.ts'); // only ever imported as types
  });
});
