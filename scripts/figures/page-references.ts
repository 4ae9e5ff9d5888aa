/**
 * The pages' references to what the build makes: every <Figure id>, <Download id>, and the
 * `experiment` (or `experiments={[...]}`) of any element, read from the MDX
 * syntax tree (remark-mdx, the parser Astro's MDX uses), checked before anything is drawn or
 * written, so a page naming a figure or an experiment that does not exist stops the build with
 * the page's file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { TUTORIAL_EXPERIMENT } from '../../src/nn/experiment.ts';

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

/** An MDX element as the syntax tree holds it. */
interface Element {
  name: string | null;
  attributes: {
    type: string;
    name?: string;
    value?: string | { data?: { estree?: unknown } } | null;
  }[];
  position?: { start: { line: number } };
}

/** The string literals of an attribute written as an expression (experiments={['a', 'b']}). */
function literalStrings(element: Element, name: string): string[] {
  const found = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (found === undefined || typeof found.value !== 'object' || found.value === null) return [];
  const strings: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const literal = node as { type?: unknown; value?: unknown };
      if (literal.type === 'Literal' && typeof literal.value === 'string')
        strings.push(literal.value);
      else Object.values(node).forEach(walk);
    }
  };
  walk(found.value.data?.estree);
  return strings;
}

function attribute(element: Element, name: string): string | undefined {
  const found = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** The problems of one page, each as "file, line N: <Element ...>: what is wrong". */
export function pageProblems(text: string, shown: string, known: KnownOutputs): string[] {
  const tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(text);
  const problems: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as unknown as Element;
    const where = `${shown}, line ${element.position?.start.line ?? '?'}: <${element.name}>`;
    const experiment = attribute(element, 'experiment');
    const named = [
      ...(experiment === undefined ? [] : [experiment]),
      ...literalStrings(element, 'experiments'),
    ];
    const unknown = named.find((name) => !known.experiments.has(name));
    if (unknown !== undefined) {
      problems.push(
        `${where} names experiment "${unknown}", which content/experiments/ does not have (it has ${[...known.experiments].join(', ')})`,
      );
      return;
    }
    const id = attribute(element, 'id');
    if (element.name === 'Figure' && id !== undefined && !known.figures.has(id)) {
      problems.push(
        `${where} names figure "${id}", which content/figures/ does not have (it has ${[...known.figures].join(', ')})`,
      );
    }
    const downloads = known.downloads(experiment ?? TUTORIAL_EXPERIMENT);
    if (element.name === 'Download' && id !== undefined && !downloads.has(id)) {
      problems.push(
        `${where} names download "${id}", which the experiment does not offer (it offers ${[...downloads].join(', ')})`,
      );
    }
  });
  return problems;
}

/** Checks every page of the project; throws a PageError listing every problem found. */
export function checkPageReferences(projectRoot: string, known: KnownOutputs): void {
  const problems = pageFiles(projectRoot).flatMap((file) =>
    pageProblems(
      readFileSync(file, 'utf8'),
      relative(projectRoot, file).split(sep).join('/'),
      known,
    ),
  );
  if (problems.length > 0) throw new PageError(problems.join('\n'));
}
