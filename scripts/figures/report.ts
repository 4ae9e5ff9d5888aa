/** Formatting of the figure scripts' progress lines. */

/** A byte count as "12.3 KB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** One line per figure: id, format, pixel size, file size, time and (optionally) the file written. */
export function formatFigureLine(id: string, format: string, width: number, height: number, bytes: number, ms: number, path = ''): string {
  return [
    id.padEnd(20),
    format.padEnd(4),
    `${width}x${height}`.padStart(10),
    formatBytes(bytes).padStart(10),
    `${ms.toFixed(0)} ms`.padStart(8),
    path === '' ? '' : `  ${path}`,
  ].join(' ').trimEnd();
}
