/**
 * A rehype plugin: display equations (KaTeX's .katex-display) scroll sideways on narrow screens,
 * so each gets tabindex="0" to be scrollable with the keyboard too, and a role and label so
 * screen readers announce what the focus landed on.
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Adds keyboard focus (tabindex 0, role "group", label "Equation") to every KaTeX display block in the tree. */
export default function rehypeScrollableMath() {
  return (tree: HastNode): void => {
    visit(tree);
  };
}

function visit(node: HastNode): void {
  if (node.type === 'element' && hasClass(node, 'katex-display')) {
    node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: 'Equation' };
  }
  for (const child of node.children ?? []) visit(child);
}

function hasClass(node: HastNode, name: string): boolean {
  const className = node.properties?.className;
  return Array.isArray(className) && className.includes(name);
}
