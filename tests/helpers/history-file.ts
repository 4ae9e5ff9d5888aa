/**
 * An experiment's history as a build wrote it: the CSV download the manifest names for
 * "NAME/history-csv", read back here with a parser of its own (not the writer's code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureManifest } from '../../src/figures/figure-manifest.ts';

/** One row of the file. */
export interface HistoryRow {
  iteration: number;
  loss: number;
  accuracy: number;
}

/** The rows of a history CSV's text; throws on a header or row that is not three numbers. */
export function parseHistoryText(text: string): HistoryRow[] {
  const [header, ...rows] = text.trimEnd().split('\n');
  if (header !== 'iteration,loss,accuracy') throw new Error(`unexpected header "${header}"`);
  return rows.map((row, k) => {
    const fields = row.split(',').map(Number);
    if (fields.length !== 3 || fields.some((f) => !Number.isFinite(f)))
      throw new Error(`row ${k + 2} is not three numbers: "${row}"`);
    const [iteration, loss, accuracy] = fields as [number, number, number];
    return { iteration, loss, accuracy };
  });
}

/** The history of experiment `name` built under `outRoot` (its public/ and src/generated/). */
export function readBuiltHistory(outRoot: string, name: string): HistoryRow[] {
  const manifest = JSON.parse(
    readFileSync(join(outRoot, 'src', 'generated', 'figures.json'), 'utf8'),
  ) as FigureManifest;
  const entry = manifest.downloads[`${name}/history-csv`];
  if (entry === undefined) throw new Error(`the manifest has no history download for "${name}"`);
  return parseHistoryText(readFileSync(join(outRoot, 'public', entry.src), 'utf8'));
}
