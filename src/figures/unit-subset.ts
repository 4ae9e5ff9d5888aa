/**
 * Which hidden units a figure draws. A figure made for the tutorial's 6 units would be a strip of
 * unreadable slivers (or 16,000 px tall) for 1,024, so every figure that draws one row, column,
 * tile or node per hidden unit draws at most MAX_DRAWN_UNITS of them: the first ones, units 0 to
 * 15, so that each keeps its own number. The figure says so where it draws them ("rows 0 to 15
 * of 1,024"), and its alt text says so too. The colour scales and the numbers in the text still
 * cover every unit.
 */
import type { MatrixLike } from './heatmap.ts';

/** The most hidden units a figure draws: 16 rows keep every figure under twice its height with 6. */
export const MAX_DRAWN_UNITS = 16;

/** The hidden units a figure draws: units 0 to drawn - 1 of total. */
export interface UnitSubset {
  drawn: number;
  total: number;
}

/** The units drawn of a layer of `total` hidden units. */
export function unitSubset(total: number): UnitSubset {
  return { drawn: Math.min(total, MAX_DRAWN_UNITS), total };
}

/** Whether some units are left out. */
export function isPartial(subset: UnitSubset): boolean {
  return subset.drawn < subset.total;
}

/** A count as prose and figures print it: 1,024. */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** The first `count` rows of `matrix` (all of them if it has fewer), without copying. */
export function firstRows(matrix: MatrixLike, count: number): MatrixLike {
  return { rows: Math.min(count, matrix.rows), cols: matrix.cols, get: (r, c) => matrix.get(r, c) };
}

/** The first `count` columns of `matrix` (all of them if it has fewer), without copying. */
export function firstColumns(matrix: MatrixLike, count: number): MatrixLike {
  return { rows: matrix.rows, cols: Math.min(count, matrix.cols), get: (r, c) => matrix.get(r, c) };
}

/** The mark beside a drawing of `what` ("rows", "tiles") when units are left out: "rows 0 to 15 of 1,024"; "" when none are. */
export function subsetMark(subset: UnitSubset, what: string): string {
  return isPartial(subset) ? `${what} 0 to ${subset.drawn - 1} of ${grouped(subset.total)}` : '';
}

/** The alt text's sentence when units are left out: " Only hidden units 0 to 15 of the 1,024 are drawn."; "" when none are. */
export function subsetSentence(subset: UnitSubset): string {
  return isPartial(subset)
    ? ` Only hidden units 0 to ${subset.drawn - 1} of the ${grouped(subset.total)} are drawn.`
    : '';
}
