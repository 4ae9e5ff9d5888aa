import { describe, expect, it } from 'vitest';
import { joinBase } from '../../src/lib/base-url.ts';

describe('joinBase', () => {
  it.each([
    // [base, path, expected]
    ['/', 'generated/figures/a.png', '/generated/figures/a.png'], // site at the domain root
    ['', 'generated/figures/a.png', '/generated/figures/a.png'], // an empty base means the root too
    ['/nn-from-scratch', 'generated/figures/a.png', '/nn-from-scratch/generated/figures/a.png'], // no trailing slash
    ['/nn-from-scratch/', 'generated/figures/a.png', '/nn-from-scratch/generated/figures/a.png'], // trailing slash
    ['nn-from-scratch/', 'generated/a.csv', '/nn-from-scratch/generated/a.csv'], // no leading slash
    ['/nn-from-scratch/', '/favicon.svg', '/nn-from-scratch/favicon.svg'], // the path's own leading slash is dropped
    ['/nn-from-scratch//', 'favicon.svg', '/nn-from-scratch/favicon.svg'], // a base's repeated trailing slashes collapse
    ['/a/b/', 'c/d.png', '/a/b/c/d.png'], // a base of several segments
    ['/nn-from-scratch', '', '/nn-from-scratch/'], // the site's home page
    ['/', '', '/'], // the home page at the root
  ])('joins %j and %j into %j', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });

  it.each(['https://example.com/a.png', '//cdn.example.com/a.css', 'mailto:someone@example.com'])(
    'refuses the absolute URL %j',
    (url) => {
      expect(() => joinBase('/', url)).toThrow(/absolute URL/);
    },
  );
});
