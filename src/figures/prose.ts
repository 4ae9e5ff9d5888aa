/**
 * Small pieces of the figures' alt texts and captions, shared by the figure modules, so a figure's
 * text states the numbers its picture shows in the same words everywhere.
 */
import type { Dataset, RunRecord } from '../nn/types.ts';
import { className } from './theme.ts';

/** "1 image" / "3 images". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A number for prose: a plain hyphen-minus (screen readers read U+2212 poorly) and fixed decimals. */
export function plain(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** "12 vertical lines (class 0) and 12 horizontal lines (class 1)". */
export function classCounts(dataset: Dataset): string {
  const zeros = dataset.labels.filter((l) => l === 0).length;
  const ones = dataset.labels.length - zeros;
  return `${count(zeros, `${className(0)} line`)} (class 0) and ${count(ones, `${className(1)} line`)} (class 1)`;
}

/** Whether accuracy stays at 1 from its first perfect iteration to the end. */
function staysPerfect(record: Pick<RunRecord, 'history' | 'firstPerfectIteration'>): boolean {
  const first = record.firstPerfectIteration;
  return first !== null && record.history.slice(first).every((h) => h.accuracy === 1);
}

/** "the accuracy rises from 0.75 to 1 at iteration 5" (and whether it stays), or how far it got. */
export function accuracySentence(
  record: Pick<RunRecord, 'history' | 'firstPerfectIteration'>,
): string {
  const first = record.firstPerfectIteration;
  const start = record.history[0]!.accuracy;
  if (first === null && record.history.every((h) => h.accuracy === start))
    return `the accuracy stays at ${plain(start, 2)}`;
  if (first === null)
    return `the accuracy goes from ${plain(start, 2)} to ${plain(record.history.at(-1)!.accuracy, 2)} without reaching 1`;
  return `the accuracy rises from ${plain(start, 2)} to 1 at iteration ${first}${staysPerfect(record) ? ' and stays there' : ''}`;
}
