/**
 * The pages' Markdown says what its author meant. A paragraph whose wrapped line happens to start
 * with "1. " ("... add up to\n1. The largest ...") silently becomes a numbered list: CommonMark
 * lets a list that starts at 1 interrupt a paragraph with no blank line before it. A list meant
 * as one has a blank line before it; one without is reported with its file and line.
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

/** The lines on which an ordered list starts straight after a paragraph's last line. */
function listsInterruptingParagraphs(text: string): number[] {
  const tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(text);
  const lines: number[] = [];
  visit(tree, (node) => {
    const children = (node as TreeNode).children ?? [];
    children.forEach((child, k) => {
      const before = children[k - 1];
      const ordered = child.type === 'list' && child.ordered === true;
      if (!ordered || before?.type !== 'paragraph') return;
      const start = child.position?.start.line ?? 0;
      if (start === (before.position?.end.line ?? 0) + 1) lines.push(start);
    });
  });
  return lines;
}

describe('listsInterruptingParagraphs', () => {
  it('finds a wrapped line that Markdown reads as a numbered list', () => {
    const text = 'The entries add up to\n1. The largest score wins.\n\nNext paragraph.\n';
    expect(listsInterruptingParagraphs(text)).toEqual([2]);
  });

  it('leaves alone a list after a blank line, and a line starting with another number', () => {
    const text = 'Steps:\n\n1. one\n2. two\n\nThe count came to\n24. That is all.\n';
    expect(listsInterruptingParagraphs(text)).toEqual([]);
  });
});

describe('every page', () => {
  it('has no paragraph broken into a numbered list by a wrapped line', () => {
    const found = pageFiles(PROJECT_ROOT).flatMap((file) =>
      listsInterruptingParagraphs(readFileSync(file, 'utf8')).map(
        (line) => `${relative(PROJECT_ROOT, file)}, line ${line}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
