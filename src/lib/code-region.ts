/**
 * Cuts a named region out of a source file, so the tutorial's listings are the engine's real code.
 * A region is the lines between `// #region NAME` and `// #endregion NAME`.
 */

/** Thrown when a listing names a file or region that does not exist; the message names both. */
export class CodeRegionError extends Error {
  override name = 'CodeRegionError';
}

const markerPattern = /^\s*\/\/\s*#(region|endregion)\b\s*(\S*)/;

/** The lines of region `region` in `source` (markers of nested regions removed), dedented; `file` is only for messages. */
export function extractRegion(source: string, region: string, file: string): string {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line) => isMarker(line, 'region', region));
  if (start < 0) {
    throw new CodeRegionError(
      `${file} has no region "${region}" (expected a line "// #region ${region}")`,
    );
  }
  const endOffset = lines.slice(start + 1).findIndex((line) => isMarker(line, 'endregion', region));
  if (endOffset < 0) {
    throw new CodeRegionError(
      `${file}: region "${region}" is never closed by "// #endregion ${region}"`,
    );
  }
  const body = lines
    .slice(start + 1, start + 1 + endOffset)
    .filter((line) => !markerPattern.test(line));
  const text = dedent(trimBlankEnds(body)).join('\n');
  if (text === '') throw new CodeRegionError(`${file}: region "${region}" is empty`);
  return text;
}

/** Removes the indentation common to every non-blank line. */
export function dedent(lines: string[]): string[] {
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(common)));
}

function isMarker(line: string, kind: 'region' | 'endregion', region: string): boolean {
  const match = markerPattern.exec(line);
  return match !== null && match[1] === kind && match[2] === region;
}

function trimBlankEnds(lines: string[]): string[] {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first]?.trim() === '') first += 1;
  while (last > first && lines[last - 1]?.trim() === '') last -= 1;
  return lines.slice(first, last);
}
