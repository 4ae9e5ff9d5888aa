/** Formatting of the figure scripts' progress lines. */

/** A byte count as "12.3 KB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** What one output's progress line says. */
export interface StatusLine {
  status: string;
  id: string;
  format?: string;
  width?: number;
  height?: number;
  bytes?: number;
  /** Time to make it; absent when it was not made. */
  ms?: number;
  reason?: string;
}

/** One line per output: status, id, format, pixel size, file size, time to make it, and why it was made. */
export function formatStatusLine(line: StatusLine): string {
  return [
    line.status.padEnd(8),
    line.id.padEnd(20),
    (line.format ?? '').padEnd(4),
    (line.width === undefined ? '' : `${line.width}x${line.height}`).padStart(10),
    (line.bytes === undefined ? '' : formatBytes(line.bytes)).padStart(10),
    (line.ms === undefined ? '' : `${line.ms.toFixed(0)} ms`).padStart(8),
    line.reason === undefined || line.reason === '' ? '' : `  ${line.reason}`,
  ]
    .join(' ')
    .trimEnd();
}

/** The numbers of a run that the closing summary states (a subset of its results). */
export interface RunSummary {
  finalLoss: number;
  firstPerfectIteration: number | null;
  validation: { name: string; accuracy: number; correct: number; total: number }[];
}

/** "final loss 0.7457; accuracy 1 first at iteration 5; validation-1 1.000 (18 of 18), ..." */
export function formatRunSummary(run: RunSummary): string {
  const first =
    run.firstPerfectIteration === null
      ? 'accuracy 1 never reached'
      : `accuracy 1 first at iteration ${run.firstPerfectIteration}`;
  const validation = run.validation
    .map((v) => `${v.name} ${v.accuracy.toFixed(3)} (${v.correct} of ${v.total})`)
    .join(', ');
  return `final loss ${run.finalLoss.toFixed(4)}; ${first}; validation: ${validation}`;
}
