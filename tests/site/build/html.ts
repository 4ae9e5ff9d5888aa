/**
 * Reading a built site for assertions without a DOM library: the tags of an HTML page with their
 * attributes, its visible text, and how a URL found in dist maps to a file.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** One start tag: its lower-case name and its attributes (entity-decoded). */
export interface Tag {
  name: string;
  attributes: Record<string, string>;
}

/** Every start tag of `html`, in document order. */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(
    /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g,
  )) {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[2] ?? '').matchAll(
      /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
    )) {
      attributes[attribute[1]!.toLowerCase()] = decodeEntities(
        attribute[2] ?? attribute[3] ?? attribute[4] ?? '',
      );
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

/** The text a reader sees: without scripts, styles, KaTeX's hidden MathML copy or tags. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
      .replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Decodes the character references Astro writes (&amp; &lt; &gt; &quot; &#39; &#x..; &#..;). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    );
}

/**
 * The file in the site that URL path `path` (absolute, e.g. "/base/a/b.png") serves, relative to
 * dist, or an explanation of why it cannot: it lies outside the base path.
 */
export function fileForPath(path: string, base: string): { file: string } | { problem: string } {
  const decoded = decodeURIComponent(path.split(/[?#]/)[0]!);
  if (!decoded.startsWith(base)) return { problem: `does not start with the base path ${base}` };
  const relative = decoded.slice(base.length);
  return { file: relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative };
}
