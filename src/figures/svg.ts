/** Small helpers for writing SVG text by hand: escaping, number formatting and elements. */

/** Text escaped for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A coordinate or length with at most 2 decimals and no trailing zeros (short, stable output). */
export function num(value: number): string {
  const text = value.toFixed(2).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** An element with attributes (numbers via num()); self-closing when it has no content. */
export function element(
  name: string,
  attributes: Record<string, string | number>,
  content?: string,
): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}
