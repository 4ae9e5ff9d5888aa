/**
 * An experiment's whole history offered for download (NAME-history.csv): the loss and accuracy of
 * every state of its run, 0 to N. The results the pages import keep no history (it grows with the
 * number of iterations); a reader who wants every iteration, to plot it or to hold a Python run
 * against it, takes this file.
 */
import type { HistoryEntry } from '../../src/nn/types.ts';
import type { DownloadFile } from './write-outputs.ts';

/** The header of a run's history as CSV: the state, its summed loss and its training accuracy. */
const HEADER = 'iteration,loss,accuracy';

/** A run's history as CSV text, one state per row, numbers in full (shortest round-trip) precision. */
export function historyToCsv(history: readonly HistoryEntry[]): string {
  const rows = history.map((h) => `${h.iteration},${h.loss},${h.accuracy}`);
  return `${[HEADER, ...rows].join('\n')}\n`;
}

/** The id of an experiment's history download ("tutorial/history-csv"). */
export const HISTORY_DOWNLOAD = 'history-csv';

/** The history of experiment `name` as CSV, from its trained run when the build asks for the text. */
export function historyDownload(
  name: string,
  history: () => readonly HistoryEntry[],
): DownloadFile {
  const fileName = `${name}-history.csv`;
  return {
    id: HISTORY_DOWNLOAD,
    fileName,
    format: 'CSV',
    label: fileName,
    text: () => historyToCsv(history()),
  };
}
