/**
 * mathFontsPreloaded (src/lib/math-font-preloads.ts): KaTeX's two main faces preloaded, at the
 * URLs the page's own stylesheet gives them, on a page with an equation only.
 */
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { mathFontsPreloaded } from '../../src/lib/math-font-preloads.ts';
import { pageHead, pageHtml } from '../../src/lib/valid-html.ts';

// KaTeX's rules as Vite writes them: every face in three formats, hashed, under the base path.
const KATEX_CSS = ['Main-Regular', 'Math-Italic', 'Size1-Regular']
  .map(
    (face, k) =>
      `@font-face{font-family:KaTeX_${face.split('-')[0]};src:url(/repo/_astro/KaTeX_${face}.h${k}.woff2) format("woff2"),url(/repo/_astro/KaTeX_${face}.w${k}.woff) format("woff")}`,
  )
  .join('');

const TEXT_FONT = '<link rel="preload" href="/repo/_astro/text.woff2" as="font">';

/** `body` on a page with KaTeX's rules and the text font's preload, as the site publishes it. */
function published(body: string, css = KATEX_CSS): string {
  const tree = fromHtml(
    `<!DOCTYPE html><html><head>${TEXT_FONT}<style>${css}</style></head><body>${body}</body></html>`,
  );
  mathFontsPreloaded(tree, pageHead(tree));
  return pageHtml(tree);
}

const EQUATION = '<p><span class="katex"><span class="katex-html">x</span></span></p>';

describe('mathFontsPreloaded', () => {
  it('preloads the roman and the math italic, after the text font, where the page has an equation', () => {
    const links = (face: string, k: number) =>
      `<link rel="preload" href="/repo/_astro/KaTeX_${face}.h${k}.woff2" as="font" type="font/woff2" crossorigin="anonymous">`;
    expect(published(EQUATION)).toContain(
      `${TEXT_FONT}${links('Main-Regular', 0)}${links('Math-Italic', 1)}<style>`,
    );
  });

  it('adds nothing to a page without an equation', () => {
    const page = published('<p>No mathematics; <span class="katex-like">this</span> is text.</p>');
    expect(page).not.toContain('KaTeX_Main-Regular.h0.woff2"');
    expect(page.match(/rel="preload"/g)).toHaveLength(1);
  });

  it('stops with the face named when the stylesheet has no woff2 file of it', () => {
    const css = KATEX_CSS.replace('KaTeX_Math-Italic.h1.woff2', 'KaTeX_Math-Italic.h1.ttf');
    expect(() => published(EQUATION, css)).toThrow(/no woff2 file of KaTeX_Math-Italic/);
  });
});
