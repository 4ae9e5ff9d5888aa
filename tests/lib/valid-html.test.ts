/**
 * The build's last step, validHtml (src/lib/valid-html.ts): each fix on a page made of the markup
 * the packages write, checked against html-validate (errors before, none after) and against the
 * page's text, which must not change.
 */
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { HtmlValidate } from 'html-validate';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { validHtml } from '../../src/lib/valid-html.ts';

const validator = new HtmlValidate({
  root: true,
  extends: ['html-validate:recommended'],
  rules: { 'no-inline-style': 'off' },
});

/** The rules html-validate finds broken in `html`, sorted, each once. */
async function brokenRules(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
  return [...new Set(rules)].sort();
}

/**
 * Every text node's value, in order (what a reader and a screen reader get, tags aside), with
 * the spaces before a line break dropped where they show nothing: not in <pre> or <textarea>.
 * Stylesheets are not text (a test of their own follows where they go).
 */
function texts(html: string): string[] {
  const values: string[] = [];
  visit(fromHtml(html) as Nodes, 'text', (node, _, parent) => {
    if (parent?.type === 'element' && parent.tagName === 'style') return;
    const kept = parent?.type === 'element' && ['pre', 'textarea'].includes(parent.tagName);
    values.push(kept ? node.value : node.value.replace(/[ \t]+\n/g, '\n'));
  });
  return values;
}

// A page as Astro, Starlight and Expressive Code write it (shortened).
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"/><title>A page</title>
<link rel="icon" href="/favicon.svg"/></head><body>
<header><button data-open-modal aria-label="Search">Search</button></header>
<main><h1>A page</h1>  \t
<p>When z > 0 the unit passes it on.</p>
<div class="expressive-code"><style>.ec-line{display:grid}</style><figure><pre data-language="ts" role="group" aria-label="Code: relu"><code><div class="ec-line"><div class="code"><span>z => z > 0</span></div></div><div class="ec-line"><div class="code"><span>  return z;  </span></div></div></code></pre>
<div class="copy"><button title="Copy to clipboard" data-code="z => z > 0"><div></div></button></div></figure></div>
<div class="expressive-code"><style>.ec-line{display:grid}</style><style>.frame{margin:0}</style><figure><pre><code>2</code></pre></figure></div>
<script>if (1 > 0) console.log("a > b");</script>
</main>
<aside><mobile-starlight-toc><nav aria-labelledby="toc-a"><h2 id="toc-a">On this page</h2></nav></mobile-starlight-toc>
<starlight-toc><nav aria-labelledby="toc-b"><h2 id="toc-b">On this page</h2></nav></starlight-toc></aside>
</body></html>`;

describe('validHtml', () => {
  const made = validHtml(PAGE);

  it('leaves nothing for html-validate to report in markup it did report', async () => {
    expect(await brokenRules(PAGE)).toEqual([
      'doctype-style',
      'element-permitted-content',
      'no-implicit-button-type',
      'no-raw-characters',
      'no-trailing-whitespace',
      'text-content',
      'unique-landmark',
      'void-style',
    ]);
    expect(await brokenRules(made)).toEqual([]);
  });

  it('keeps the text, including the code’s own spaces and the script as it was', () => {
    expect(texts(made)).toEqual(texts(PAGE));
    expect(made).toContain('<span>  return z;  </span>');
    // Spaces before a line break matter in <pre> and <textarea> (html-validate would flag them,
    // hence a page of their own).
    const verbatim = '<pre>plain  \n  text  \n</pre><textarea>a  \nb</textarea>';
    const page = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${verbatim}\n</body></html>`;
    expect(validHtml(page)).toContain(verbatim);
    expect(texts(validHtml(page))).toEqual(texts(page));
    expect(made).toContain('<script>if (1 > 0) console.log("a > b");</script>');
  });

  it('turns the code lines and the copy button’s layer into spans, and names the button', () => {
    expect(made).toContain(
      '<code><span class="ec-line"><span class="code"><span>z =&gt; z &gt; 0</span></span></span>',
    );
    expect(made).toContain(
      '<button title="Copy to clipboard" data-code="z => z > 0" aria-label="Copy to clipboard" type="button"><span></span></button>',
    );
    expect(made).toContain('<button data-open-modal="" aria-label="Search" type="button">');
  });

  it('moves each different <style> of the body to the end of <head>, once', () => {
    const head = made.slice(0, made.indexOf('</head>'));
    const body = made.slice(made.indexOf('<body>'));
    expect(body).not.toContain('<style>');
    expect(head).toContain(
      '<link rel="icon" href="/favicon.svg"><style>.ec-line{display:grid}</style><style>.frame{margin:0}</style>',
    );
    expect(head.split('.ec-line{').length).toBe(2);
  });

  it('names the narrow screens’ table of contents apart from the wide screens’ one', () => {
    expect(made).toContain('<nav aria-label="On this page (menu)">');
    expect(made).toContain('<nav aria-labelledby="toc-b">');
  });

  it('writes void elements without a slash and the doctype in capitals, and trims line ends', () => {
    expect(made.startsWith('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">')).toBe(
      true,
    );
    expect(made).toContain('<link rel="icon" href="/favicon.svg">');
    expect(made).toContain('<h1>A page</h1>\n<p>When z &gt; 0 the unit passes it on.</p>');
  });

  it('changes nothing more when run again', () => {
    expect(validHtml(made)).toBe(made);
  });
});
