/**
 * A worker thread that reads pages' references (page-syntax.ts) while the main thread trains and
 * draws: parsing the tutorial's MDX takes longer than training every experiment. Message in: the
 * pages' texts; out: one entry per page, in the same order: { references }, or { error } with the
 * line and the parser's reason when the page is not valid MDX.
 */
import { parentPort } from 'node:worker_threads';
import { type ParsedPage, parsedPage } from './page-syntax.ts';

parentPort?.once('message', (texts: string[]) => {
  const parsed: ParsedPage[] = texts.map(parsedPage);
  parentPort?.postMessage(parsed);
});
