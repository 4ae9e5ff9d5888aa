/**
 * Which source files a module depends on, found by reading its import statements and following
 * them: the figure cache keys each figure on the text of exactly these files, so nobody keeps a
 * list of them by hand. Only relative imports are followed (packages are keyed by version).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { sha256Hex } from '../lib/sha256.ts';

/** One module a source text refers to. */
export interface ImportReference {
  specifier: string;
  /** `import type ...` or `export type ... from`: erased from the JavaScript, so it cannot change what the module does. */
  typeOnly: boolean;
}

interface Token {
  kind: 'word' | 'string' | 'punct' | 'template';
  text: string;
}

/** Letters, digits, `_`, `$` and anything beyond ASCII: the characters of words. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code >= 128
  );
}
/** After these words a `/` starts a regular expression, not a division. */
const BEFORE_REGEX_WORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
]);

/**
 * The tokens of a JavaScript or TypeScript text that matter for finding imports: words, string
 * literals (with their value), punctuation; comments, regular expressions and the text of
 * template literals are skipped (expressions inside `${}` are tokenised).
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let depth = 0;
  // For each open `${` of a template literal: the brace depth at which its `}` closes it.
  const templateDepths: number[] = [];

  /** Skips template text from i up to its closing backquote, or into a `${` expression. */
  const skipTemplateText = () => {
    while (i < n) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '`') return void i++;
      else if (c === '$' && text[i + 1] === '{') {
        i += 2;
        templateDepths.push(depth);
        depth++;
        return;
      } else i++;
    }
  };

  const regexAllowed = () => {
    const last = tokens.at(-1);
    if (last === undefined) return true;
    if (last.kind === 'punct') return !')]}'.includes(last.text);
    if (last.kind === 'word') return BEFORE_REGEX_WORDS.has(last.text);
    return false;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < n && text[i] !== c && text[i] !== '\n') {
        if (text[i] === '\\') {
          value += text[i + 1] ?? '';
          i += 2;
        } else value += text[i++];
      }
      i++;
      tokens.push({ kind: 'string', text: value });
    } else if (c === '`') {
      i++;
      skipTemplateText();
      tokens.push({ kind: 'template', text: '`' });
    } else if (c === '{') {
      depth++;
      i++;
      tokens.push({ kind: 'punct', text: c });
    } else if (c === '}') {
      depth--;
      i++;
      if (templateDepths.length > 0 && templateDepths.at(-1) === depth) {
        templateDepths.pop();
        skipTemplateText();
        tokens.push({ kind: 'template', text: '`' });
      } else tokens.push({ kind: 'punct', text: c });
    } else if (c === '/' && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < n && text[i] !== '\n') {
        const r = text[i];
        if (r === '\\') i += 2;
        else if (r === '/' && !inClass) break;
        else {
          if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          i++;
        }
      }
      i++;
      while (i < n && isWordChar(text.charCodeAt(i))) i++; // flags
      tokens.push({ kind: 'template', text: '/' });
    } else if (isWordChar(text.charCodeAt(i))) {
      const start = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i) });
    } else {
      i++;
      tokens.push({ kind: 'punct', text: c });
    }
  }
  return tokens;
}

/**
 * The modules `text` imports from: `import ... from 'x'`, `import 'x'`, `export ... from 'x'`
 * and `import('x')` with a literal string, in the order they appear.
 */
export function moduleImports(text: string): ImportReference[] {
  // Every form needs `import` or `from '...'`; large data modules (tables) usually have neither.
  if (!/\bimport\b|\bfrom\s*['"]/.test(text)) return [];
  const tokens = tokenize(text);
  const found: ImportReference[] = [];
  const is = (k: number, kind: Token['kind'], value?: string) =>
    tokens[k]?.kind === kind && (value === undefined || tokens[k]!.text === value);
  /** From token k, the string after the next `from` of this statement (stopping at `;`), or -1. */
  const fromClause = (k: number): number => {
    for (let j = k; j < tokens.length; j++) {
      if (is(j, 'punct', ';')) return -1;
      if (is(j, 'word', 'from') && is(j + 1, 'string')) return j + 1;
      if (j > k && (is(j, 'word', 'import') || is(j, 'word', 'export')) && !is(j - 1, 'punct', '.'))
        return -1;
    }
    return -1;
  };
  for (let k = 0; k < tokens.length; k++) {
    if (is(k - 1, 'punct', '.')) continue; // import.meta, x.export
    if (is(k, 'word', 'import')) {
      if (is(k + 1, 'punct', '(')) {
        if (is(k + 2, 'string') && (is(k + 3, 'punct', ')') || is(k + 3, 'punct', ',')))
          found.push({ specifier: tokens[k + 2]!.text, typeOnly: false });
      } else if (is(k + 1, 'string')) {
        found.push({ specifier: tokens[k + 1]!.text, typeOnly: false });
      } else if (!is(k + 1, 'punct', '.')) {
        const typeOnly =
          is(k + 1, 'word', 'type') && !is(k + 2, 'word', 'from') && !is(k + 2, 'punct', ',');
        const at = fromClause(k + 1);
        if (at !== -1) found.push({ specifier: tokens[at]!.text, typeOnly });
      }
    } else if (is(k, 'word', 'export')) {
      const typeOnly =
        is(k + 1, 'word', 'type') && (is(k + 2, 'punct', '{') || is(k + 2, 'punct', '*'));
      const start = typeOnly ? k + 2 : k + 1;
      if (is(start, 'punct', '*')) {
        const at = fromClause(start);
        if (at !== -1) found.push({ specifier: tokens[at]!.text, typeOnly });
      } else if (is(start, 'punct', '{')) {
        let j = start;
        while (j < tokens.length && !is(j, 'punct', '}')) j++;
        if (is(j + 1, 'word', 'from') && is(j + 2, 'string'))
          found.push({ specifier: tokens[j + 2]!.text, typeOnly });
      }
    }
  }
  return found;
}

/** Extensions whose text is parsed for imports; other files (JSON, CSS) are dependencies without imports. */
const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs']);

/** The file a relative `specifier` written in `fromFile` names: as written, or with `.ts`, or as a folder's index.ts; a `.js` name may stand for its `.ts` source. */
function resolveImport(fromFile: string, specifier: string): string {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, resolve(base, 'index.ts')];
  if (extname(base) === '.js') candidates.push(`${base.slice(0, -3)}.ts`);
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${fromFile}: cannot find the module "${specifier}" it imports`);
}

/** Reads files once per build: their text, the SHA-256 of their bytes (for keys) and the imports of code files. */
export interface SourceReader {
  text(path: string): string;
  hash(path: string): string;
  /** The imports of the code file at `path` (moduleImports of its text). */
  imports(path: string): ImportReference[];
}

/** A SourceReader over the file system that remembers what it read (one per build: files may change between builds). */
export function createSourceReader(): SourceReader {
  const bytes = new Map<string, Buffer>();
  const texts = new Map<string, string>();
  const hashes = new Map<string, string>();
  const imports = new Map<string, ImportReference[]>();
  const read = (path: string) => {
    let content = bytes.get(path);
    if (content === undefined) {
      content = readFileSync(path);
      bytes.set(path, content);
    }
    return content;
  };
  return {
    text(path) {
      let text = texts.get(path);
      if (text === undefined) {
        text = read(path).toString('utf8');
        texts.set(path, text);
      }
      return text;
    },
    hash(path) {
      let hash = hashes.get(path);
      if (hash === undefined) {
        hash = sha256Hex(read(path));
        hashes.set(path, hash);
      }
      return hash;
    },
    imports(path) {
      let found = imports.get(path);
      if (found === undefined) {
        found = moduleImports(this.text(path));
        imports.set(path, found);
      }
      return found;
    },
  };
}

/** Options of `followImports`. */
export interface FollowOptions {
  /** Files neither included nor followed (absolute paths). */
  stopAt?: ReadonlySet<string>;
  /** Also follow `import type` (by default they are skipped: types are erased and cannot change a figure). */
  includeTypeOnly?: boolean;
}

/**
 * Every file `entries` depend on through relative imports, the entries included, as sorted
 * absolute paths. Throws an Error naming the importing file if an import cannot be resolved.
 */
export function followImports(
  entries: readonly string[],
  reader: SourceReader,
  options: FollowOptions = {},
): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => resolve(entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || options.stopAt?.has(file) === true) continue;
    seen.add(file);
    if (!CODE_EXTENSIONS.has(extname(file))) continue;
    for (const reference of reader.imports(file)) {
      if (reference.typeOnly && options.includeTypeOnly !== true) continue;
      if (!reference.specifier.startsWith('./') && !reference.specifier.startsWith('../')) continue;
      pending.push(resolveImport(file, reference.specifier));
    }
  }
  return [...seen].sort();
}
