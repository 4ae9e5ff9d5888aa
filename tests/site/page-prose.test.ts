/**
 * The pages' Markdown says what its author meant. A paragraph whose wrapped line happens to start
 * with "1. ", "- ", "# " or "> " ("... add up to\n1. The largest ...") silently becomes a list, a
 * heading or a quote: CommonMark lets those interrupt a paragraph with no blank line before them.
 * One meant as such has a blank line before it; one without is reported with its file and line.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { pageFiles } from '../../scripts/figures/page-references.ts';
import { PROJECT_ROOT } from '../helpers/project-root.ts';

/** What this check reads of a syntax tree's node. */
interface TreeNode {
  type: string;
  ordered?: boolean;
  children?: TreeNode[];
  position?: { start: { line: number }; end: { line: number } };
}

/** Blocks that can start on a paragraph's next line and end the paragraph there. */
const INTERRUPTING = new Set(['list', 'heading', 'blockquote', 'thematicBreak']);

/** The lines on which a list, heading, quote or rule starts straight after a paragraph's last line. */
function blocksInterruptingParagraphs(text: string): number[] {
  // The frontmatter is YAML, not Markdown: blanked, so that the lines keep their numbers.
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, (yaml) => yaml.replace(/[^\n]/g, ''));
  const tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(body);
  const lines: number[] = [];
  visit(tree, (node) => {
    const children = (node as TreeNode).children ?? [];
    children.forEach((child, k) => {
      const before = children[k - 1];
      if (!INTERRUPTING.has(child.type) || before?.type !== 'paragraph') return;
      const start = child.position?.start.line ?? 0;
      if (start === (before.position?.end.line ?? 0) + 1) lines.push(start);
    });
  });
  return lines;
}

describe('blocksInterruptingParagraphs', () => {
  it('finds a wrapped line that Markdown reads as a list, a heading or a quote', () => {
    const text = [
      'The entries add up to\n1. The largest score wins.',
      'A weight of\n- 0.5 is negative.',
      'Look up the\n# sign in the table.',
      'As the saying goes\n> quoted text.',
    ].join('\n\n');
    expect(blocksInterruptingParagraphs(text)).toEqual([2, 5, 8, 11]);
  });

  it('leaves alone blocks after a blank line, and a line starting with another number', () => {
    const text =
      'Steps:\n\n1. one\n2. two\n\n## A heading\n\nThe count came to\n24. That is all.\n';
    expect(blocksInterruptingParagraphs(text)).toEqual([]);
  });
});

describe('every page', () => {
  it('has no paragraph broken by a wrapped line that starts a list, heading or quote', () => {
    const found = pageFiles(PROJECT_ROOT).flatMap((file) =>
      blocksInterruptingParagraphs(readFileSync(file, 'utf8')).map(
        (line) => `${relative(PROJECT_ROOT, file)}, line ${line}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
