/**
 * The last step of `astro build`: every page's HTML made valid under html-validate's recommended
 * rules (inline styles allowed: KaTeX and the code highlighter write them). The pages' own markup
 * is valid as written; what is not comes from the packages, which the site cannot change at the
 * source: Expressive Code's code blocks put a <div> per line inside <code>, and a <div> inside the
 * copy button, which has no text; Starlight's buttons have no type, its two tables of contents
 * (one for narrow screens, one for wide) have the same name; Astro writes void elements as
 * <meta/>; text keeps raw ">" characters and whitespace at the ends of lines; Expressive Code
 * writes its stylesheet as a <style> in the body, before the first code block. Each fix below
 * changes the markup only: what a reader sees stays the same (a test compares the pages' text,
 * and the browser tests look at them), and so does what a screen reader announces, but for the
 * narrow screens' table of contents, now named "On this page (menu)" (it was "On this page"
 * followed by the section being read).
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { EXIT, SKIP, visit } from 'unist-util-visit';

/** Elements whose whitespace is kept exactly as it is. */
const VERBATIM = new Set(['pre', 'textarea', 'script', 'style']);

/** Elements whose text is not HTML, where "&gt;" would not mean ">". */
const RAW_TEXT = new Set(['script', 'style']);

/** `html`, a whole page, made valid (see above). */
export function validHtml(html: string): string {
  const tree = fromHtml(html);
  madeValid(tree);
  return pageHtml(tree);
}

/** The page `tree` made valid in place (see above). */
export function madeValid(tree: Root): void {
  stylesInHead(tree);
  codeLinesAsSpans(tree);
  copyButtonsLabelled(tree);
  buttonsTyped(tree);
  tablesOfContentsNamed(tree);
  lineEndsTrimmed(tree);
  greaterThanEncoded(tree);
}

/** The page `tree` as HTML: void elements without a slash, "<" and "&" the only text encoded. */
export function pageHtml(tree: Root): string {
  return toHtml(tree, { allowDangerousHtml: true, upperDoctype: true });
}

/** The page's <head> (the parser makes one when the markup has none). */
export function pageHead(tree: Root): Element {
  let head: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'head') return undefined;
    head = node;
    return EXIT;
  });
  if (head === undefined) throw new Error('the page has no <head>');
  return head;
}

/**
 * A <style> may stand in <head> only. Expressive Code writes its stylesheet before the first code
 * block of each group of blocks, inside the body, the same rules each time: each different one
 * moves to the end of <head>, in the order met. It still comes after every other rule of the
 * page, so the cascade is the same (its rules are in a layer of their own in any case).
 */
function stylesInHead(tree: Root): void {
  const head = pageHead(tree);
  const moved = new Set<string>();
  visit(tree, 'element', (node, index, parent) => {
    if (node === head) return SKIP;
    if (node.tagName !== 'style' || parent === undefined || index === undefined) return undefined;
    parent.children.splice(index, 1);
    const css = toHtml(node);
    if (!moved.has(css)) head.children.push(node);
    moved.add(css);
    return index;
  });
}

/**
 * Expressive Code's lines are <div class="ec-line"><div class="code">, inside <code>, which may
 * hold phrasing content only. Its stylesheet lays them out by class (a line is a grid, its code a
 * grid item), so <span>s look the same.
 */
function codeLinesAsSpans(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'code') return;
    visit(node, 'element', (inner) => {
      if (inner.tagName === 'div') inner.tagName = 'span';
    });
    return SKIP;
  });
}

/**
 * Expressive Code's copy button holds a <div> (its background, drawn on hover) and no text: the
 * <div> becomes a <span> (src/styles/site.css styles it as Expressive Code styles the <div>), and
 * the button's title, "Copy to clipboard", becomes its accessible name too.
 */
function copyButtonsLabelled(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'button' || node.properties.dataCode === undefined) return;
    for (const child of node.children)
      if (child.type === 'element' && child.tagName === 'div') child.tagName = 'span';
    if (node.properties.ariaLabel === undefined && typeof node.properties.title === 'string')
      node.properties.ariaLabel = node.properties.title;
  });
}

/** A <button> without a type is a submit button; none of the site's buttons submits a form. */
function buttonsTyped(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'button' && node.properties.type === undefined)
      node.properties.type = 'button';
  });
}

/**
 * Starlight draws the table of contents twice, as a menu on narrow screens and as a column on wide
 * ones (one of them hidden), and names both navigation landmarks "On this page". The menu's gets a
 * name of its own.
 */
function tablesOfContentsNamed(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'mobile-starlight-toc') return;
    visit(node, 'element', (nav) => {
      if (nav.tagName !== 'nav') return;
      delete nav.properties.ariaLabelledBy;
      nav.properties.ariaLabel = 'On this page (menu)';
    });
    return SKIP;
  });
}

/** Spaces and tabs before a line break, outside verbatim elements: the line ends with the break. */
function lineEndsTrimmed(tree: Root): void {
  visitText(tree, (value) => value.replace(/[ \t]+\n/g, '\n'));
}

/**
 * A raw ">" in text is valid HTML but easily misread as the end of a tag; html-validate asks for
 * "&gt;". hast-util-to-html encodes only "<" and "&" in text, so each ">" becomes a raw node.
 */
function greaterThanEncoded(tree: Root): void {
  visit(tree, 'text', (node, index, parent) => {
    if (parent === undefined || index === undefined) return;
    if (parent.type === 'element' && RAW_TEXT.has(parent.tagName)) return;
    if (!node.value.includes('>')) return;
    const pieces: ElementContent[] = [];
    for (const [k, part] of node.value.split('>').entries()) {
      if (k > 0) pieces.push({ type: 'raw', value: '&gt;' } as unknown as ElementContent);
      if (part !== '') pieces.push({ type: 'text', value: part });
    }
    (parent.children as ElementContent[]).splice(index, 1, ...pieces);
    return index + pieces.length;
  });
}

/** Replaces the value of every text node outside verbatim elements by `change(value)`. */
function visitText(tree: Nodes, change: (value: string) => string): void {
  visit(tree, (node) => {
    if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
    if (node.type === 'text') node.value = change(node.value);
    return undefined;
  });
}
