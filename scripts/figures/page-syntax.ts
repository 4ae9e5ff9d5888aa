/**
 * Reading a page's references from its MDX syntax tree (remark-mdx, the parser Astro's MDX uses):
 * every element with the line it starts on, its `id` and `still`, and the experiments it names in
 * `experiment="..."` or `experiments={[...]}`. Loaded by page-references.ts only when a page
 * has to be parsed.
 */
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

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

/** One element of a page that names something the build makes: a figure, download or experiment. */
export interface PageReference {
  element: string;
  line: number | null;
  /** Its `experiment` attribute, if it has one. */
  experiment?: string;
  /** The experiments it names: its `experiment`, then those in `experiments={[...]}`. */
  experiments: string[];
  id?: string;
  /** Its `still` attribute (a figure's still), if it has one. */
  still?: string;
}

/** The references of one page's text, read from its MDX syntax tree. */
export function pageReferences(text: string): PageReference[] {
  const tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(text);
  const references: PageReference[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as unknown as Element;
    const experiment = attribute(element, 'experiment');
    const id = attribute(element, 'id');
    const still = attribute(element, 'still');
    references.push({
      element: element.name ?? '',
      line: element.position?.start.line ?? null,
      ...(experiment === undefined ? {} : { experiment }),
      experiments: [
        ...(experiment === undefined ? [] : [experiment]),
        ...literalStrings(element, 'experiments'),
      ],
      ...(id === undefined ? {} : { id }),
      ...(still === undefined ? {} : { still }),
    });
  });
  return references;
}

/** A page read: its references, or the line and the parser's reason when it is not valid MDX. */
export type ParsedPage =
  | { references: PageReference[] }
  | { error: { line: number | null; reason: string } };

/** What pageReferences finds in a page's text, or where and why the text is not valid MDX. */
export function parsedPage(text: string): ParsedPage {
  try {
    return { references: pageReferences(text) };
  } catch (error) {
    const { line, reason, message } = error as { line?: number; reason?: string; message?: string };
    return { error: { line: line ?? null, reason: reason ?? message ?? String(error) } };
  }
}
