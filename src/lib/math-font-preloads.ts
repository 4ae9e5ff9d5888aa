/**
 * KaTeX's two most used faces, fetched with the page on every page that has an equation. Found
 * only through the stylesheet, a font is requested once the first equation has been laid out, and
 * the equations are painted when it arrives: on a phone that wait was the page's first paint
 * (Lighthouse's mobile preset measured the tutorial's at 1.80 s, 1.43 to 1.54 s with these). The
 * upright roman (digits, operators, function names) and the math italic (the variables) are in
 * nearly every equation; the rarer faces (bold, large delimiters) are left to the stylesheet.
 * Each URL is the one the page's own @font-face rule names (hashed, under the base path), so the
 * preloaded file is the one the rule uses.
 */
import type { Element, ElementContent, Root } from 'hast';
import { EXIT, visit } from 'unist-util-visit';

/** The faces preloaded, as KaTeX names their files. */
const PRELOADED_MATH_FACES = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'];

/** Preload links for KaTeX's main faces, added to `head` when the page shows an equation. */
export function mathFontsPreloaded(tree: Root, head: Element): void {
  if (!hasEquation(tree)) return;
  const css = head.children
    .filter((node): node is Element => node.type === 'element' && node.tagName === 'style')
    .flatMap((style) => style.children.map((text) => (text.type === 'text' ? text.value : '')))
    .join('\n');
  // Beside the page's other preloads (the text font's), or at the end of <head> if it has none.
  const links = PRELOADED_MATH_FACES.map((face) => preload(fontUrl(css, face)));
  const last = head.children.findLastIndex(isPreload);
  head.children.splice(last === -1 ? head.children.length : last + 1, 0, ...links);
}

/** Whether `node` is a <link rel="preload">. */
function isPreload(node: ElementContent): boolean {
  if (node.type !== 'element' || node.tagName !== 'link') return false;
  const rel = node.properties.rel;
  return Array.isArray(rel) && rel.includes('preload');
}

/** Whether the page has an element of KaTeX's (class "katex"). */
function hasEquation(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node) => {
    const classes = node.properties.className;
    if (!Array.isArray(classes) || !classes.includes('katex')) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

/** The woff2 URL of `face` in the page's stylesheet; an error if there is none. */
function fontUrl(css: string, face: string): string {
  const url = new RegExp(`url\\(["']?([^"')]*/${face}\\.[^"')/]*\\.woff2)["']?\\)`).exec(css)?.[1];
  if (url === undefined)
    throw new Error(`no woff2 file of ${face} in the page's KaTeX stylesheet, to preload`);
  return url;
}

/** A <link> that fetches the font at `href` with the page. */
function preload(href: string): Element {
  const properties = { rel: ['preload'], href, as: 'font', type: 'font/woff2' };
  return {
    type: 'element',
    tagName: 'link',
    properties: { ...properties, crossOrigin: 'anonymous' },
    children: [],
  };
}
