/**
 * A long curve thinned to what its plot can show: a run of 100,000 iterations has far more points
 * than its chart has pixel columns, and drawing them all costs time in every frame of the
 * animation. Within each pixel column only four points can change the drawn line: the first, the
 * lowest, the highest and the last (the "M4" reduction), so keeping those draws the same curve.
 * A curve with at most four points per column is drawn as it is.
 */

/** A point of a curve: its x in data units. */
interface Point {
  x: number;
  y: number;
}

/** `points` (in increasing x) thinned to at most four per pixel column; `toPixel` maps x to a pixel column's coordinate. */
export function thinToPixels<P extends Point>(
  points: readonly P[],
  toPixel: (x: number) => number,
  columns: number,
): readonly P[] {
  if (points.length <= 4 * Math.max(1, columns)) return points;
  const kept: P[] = [];
  let start = 0;
  while (start < points.length) {
    const column = Math.floor(toPixel(points[start]!.x));
    let end = start;
    let lowest = start;
    let highest = start;
    while (end + 1 < points.length && Math.floor(toPixel(points[end + 1]!.x)) === column) {
      end++;
      if (points[end]!.y < points[lowest]!.y) lowest = end;
      if (points[end]!.y > points[highest]!.y) highest = end;
    }
    // The four in x order, each once.
    for (const k of [...new Set([start, lowest, highest, end])].sort((a, b) => a - b))
      kept.push(points[k]!);
    start = end + 1;
  }
  return kept;
}
