/**
 * A rehype plugin for the blocks that scroll sideways on narrow screens: display equations
 * (KaTeX's .katex-display) and tables. Each gets tabindex="0", so it can be scrolled with the
 * keyboard too; an equation also gets a role and a label, so screen readers announce what the
 * focus landed on (a table announces itself).
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Adds keyboard focus to every display equation and table in the tree. */
export default function rehypeScrollable() {
  return (tree: HastNode): void => {
    visit(tree);
  };
}

function visit(node: HastNode): void {
  if (node.type === 'element' && hasClass(node, 'katex-display')) {
    node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: 'Equation' };
  } else if (node.type === 'element' && node.tagName === 'table') {
    node.properties = { ...node.properties, tabIndex: 0 };
  }
  for (const child of node.children ?? []) visit(child);
}

function hasClass(node: HastNode, name: string): boolean {
  const className = node.properties?.className;
  return Array.isArray(className) && className.includes(name);
}
