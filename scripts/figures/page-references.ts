/**
 * The pages' references to what the build makes: every <Figure id> (and `still`), <Download id>, and the
 * `experiment` (or `experiments={[...]}`) of any element, read from the MDX
 * syntax tree (remark-mdx, the parser Astro's MDX uses), checked before anything is reported or
 * written, so a page naming a figure or an experiment that does not exist stops the build with
 * the page's file and line. Long pages are parsed on a worker thread (page-worker.ts), so that
 * the build can train and draw meanwhile.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TUTORIAL_EXPERIMENT } from '../../src/nn/experiment.ts';
import { sha256Hex } from '../lib/sha256.ts';
import { startBuildWorker } from './build-worker.ts';
import { installedPackage } from './output-keys.ts';
import type { PageReference, ParsedPage } from './page-syntax.ts';
import { writeFileAtomic } from './write-outputs.ts';

/** Where pages live, relative to the project root. */
export const PAGES_DIR = 'content';

/** A page names something the build does not make; the message gives the page, the line and the element. */
export class PageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageError';
  }
}

/** What pages may name. */
export interface KnownOutputs {
  figures: ReadonlySet<string>;
  /** The figures among them that are drawn in the dark scheme too. */
  darkFigures: ReadonlySet<string>;
  experiments: ReadonlySet<string>;
  /** Download ids within an experiment ("train-csv", "validation-1-csv"). */
  downloads: (experiment: string) => ReadonlySet<string>;
}

/** Every .md and .mdx file under content/, as absolute paths, sorted. */
export function pageFiles(projectRoot: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.mdx?$/.test(name)) files.push(path);
    }
  };
  walk(join(projectRoot, PAGES_DIR));
  return files;
}

/** The problems of a page's references, each as "file, line N: <Element>: what is wrong". */
function referenceProblems(
  references: readonly PageReference[],
  shown: string,
  known: KnownOutputs,
): string[] {
  const problems: string[] = [];
  for (const { element, line, experiment, experiments, id, still } of references) {
    const where = `${shown}, line ${line ?? '?'}: <${element}>`;
    const unknown = experiments.find((name) => !known.experiments.has(name));
    if (unknown !== undefined) {
      problems.push(
        `${where} names experiment "${unknown}", which content/experiments/ does not have (it has ${[...known.experiments].join(', ')})`,
      );
      continue;
    }
    for (const figure of element === 'Figure' ? [id, still] : []) {
      if (figure !== undefined && !known.figures.has(figure))
        problems.push(
          `${where} names figure "${figure}", which content/figures/ does not have (it has ${[...known.figures].join(', ')})`,
        );
    }
    const darkWithoutDarkStill =
      id !== undefined &&
      still !== undefined &&
      known.darkFigures.has(id) &&
      known.figures.has(still) &&
      !known.darkFigures.has(still);
    if (element === 'Figure' && darkWithoutDarkStill)
      problems.push(
        `${where} names still "${still}", which has no dark drawing while "${id}" has one (a paused animation would show a light frame in the dark scheme)`,
      );
    const downloads = known.downloads(experiment ?? TUTORIAL_EXPERIMENT);
    if (element === 'Download' && id !== undefined && !downloads.has(id)) {
      problems.push(
        `${where} names download "${id}", which the experiment does not offer (it offers ${[...downloads].join(', ')})`,
      );
    }
  }
  return problems;
}

/** The parser, loaded only when a page has to be parsed (most builds find every page in the memo). */
const parser = () => import('./page-syntax.ts');

/** Below this much text to parse, starting a thread for it costs more than it saves. */
const WORKER_FROM_CHARACTERS = 16_000;

/** Reads `texts` on a new worker thread (page-worker.ts), one result per text. */
async function parseOnWorker(texts: readonly string[]): Promise<ParsedPage[]> {
  const worker = startBuildWorker(new URL('./page-worker.ts', import.meta.url));
  try {
    return await new Promise<ParsedPage[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the page thread stopped (${code})`)));
      worker.postMessage(texts);
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * Reads `texts`: on a worker thread when `thread` is 'worker' and there is enough of them, so that
 * this thread can go on training and drawing meanwhile, else here.
 */
async function parsePages(
  texts: readonly string[],
  thread: 'here' | 'worker',
): Promise<ParsedPage[]> {
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  if (thread === 'worker' && characters >= WORKER_FROM_CHARACTERS) return parseOnWorker(texts);
  const { parsedPage } = await parser();
  return texts.map(parsedPage);
}

/** The problems of one page, each as "file, line N: <Element ...>: what is wrong". */
export async function pageProblems(
  text: string,
  shown: string,
  known: KnownOutputs,
): Promise<string[]> {
  const { pageReferences } = await parser();
  return referenceProblems(pageReferences(text), shown, known);
}

/**
 * Pages' references by the SHA-256 of their text: parsing the tutorial takes a few tenths of a
 * second in a fresh process (less once the parser is warm), so a build keeps what it read
 * (src/generated/.page-references.json) and the next one parses only the pages whose text changed.
 */
export type PageReferenceMemo = Map<string, PageReference[]>;

const MEMO_FILE = '.page-references.json';

/** What the references were read with: this module's code and the parser's packages. A memo made with others is not used. */
function parserFingerprint(): string {
  const packages = ['remark-parse', 'remark-math', 'remark-mdx', 'unified'].map(
    (name) => `${name}@${installedPackage(name).version}`,
  );
  const code = ['./page-syntax.ts', './page-references.ts', './page-worker.ts'].map((file) =>
    readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'),
  );
  return sha256Hex([...code, ...packages].join('\n'));
}

/** The memo's file text: the parser's fingerprint and the references by page hash, in a stable order. */
function memoText(memo: PageReferenceMemo, parser: string): string {
  return `${JSON.stringify({ parser, pages: Object.fromEntries([...memo].sort()) })}\n`;
}

/** The memo left by the last build in `generatedDir` (empty if there is none, it cannot be read, or another parser made it). */
export function readPageMemo(generatedDir: string): PageReferenceMemo {
  try {
    const text = readFileSync(join(generatedDir, MEMO_FILE), 'utf8');
    const stored = JSON.parse(text) as {
      parser?: unknown;
      pages?: Record<string, PageReference[]>;
    };
    if (stored.parser !== parserFingerprint() || stored.pages === undefined) return new Map();
    return new Map(Object.entries(stored.pages));
  } catch {
    return new Map();
  }
}

/** Keeps `memo` (the current pages' references) for the next build, if it differs from `previous`. */
export function storePageMemo(
  generatedDir: string,
  memo: PageReferenceMemo,
  previous: PageReferenceMemo,
): void {
  const parser = parserFingerprint();
  const text = memoText(memo, parser);
  if (text === memoText(previous, parser)) return;
  mkdirSync(generatedDir, { recursive: true });
  writeFileAtomic(join(generatedDir, MEMO_FILE), text);
}

/**
 * Checks every page of the project; throws a PageError listing every problem found (or naming
 * the first page that is not valid MDX). Returns the pages' references by text hash, taken from
 * `memo` where a page is unchanged; the others are parsed on a worker thread when `thread` says so.
 */
export async function checkPageReferences(
  projectRoot: string,
  known: KnownOutputs,
  memo: PageReferenceMemo = new Map(),
  thread: 'here' | 'worker' = 'here',
): Promise<PageReferenceMemo> {
  const pages = pageFiles(projectRoot).map((file) => {
    const text = readFileSync(file, 'utf8');
    return { text, hash: sha256Hex(text), shown: relative(projectRoot, file).split(sep).join('/') };
  });
  const unread = pages.filter((page) => !memo.has(page.hash));
  const parsed = await parsePages(
    unread.map((page) => page.text),
    thread,
  );
  const read = new Map(unread.map((page, k) => [page.hash, parsed[k]!]));
  const current: PageReferenceMemo = new Map();
  const problems: string[] = [];
  for (const { hash, shown } of pages) {
    const result = read.get(hash) ?? { references: memo.get(hash)! };
    if ('error' in result) {
      const { line, reason } = result.error;
      throw new PageError(`${shown}, line ${line ?? '?'}: not valid MDX: ${reason}`);
    }
    current.set(hash, result.references);
    problems.push(...referenceProblems(result.references, shown, known));
  }
  if (problems.length > 0) throw new PageError(problems.join('\n'));
  return current;
}
