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

/** A run's loss and accuracy at each state, as the frames of the animation plot them. */
interface HistoryPoint {
  iteration: number;
  loss: number;
  accuracy: number;
}

/**
 * `history` cut down to at most six states in each of `buckets` equal runs of iterations: the
 * first and last of each and its lowest and highest loss and accuracy, so that both curves keep
 * close to every turn a chart narrower than `buckets` pixel columns can show; and the states at
 * the indices in `keep` (the animation's frames, whose curves end there). The animation draws
 * its curves in every frame; a history of 100,000 states would cost seconds per drawing. A
 * shorter history is returned as it is.
 */
export function thinHistory<P extends HistoryPoint>(
  history: readonly P[],
  buckets: number,
  keep: readonly number[] = [],
): readonly P[] {
  if (history.length <= 6 * buckets) return history;
  const size = Math.ceil(history.length / buckets);
  const kept: P[] = [];
  const wanted = [...keep].sort((a, b) => a - b);
  let next = 0;
  for (let start = 0; start < history.length; start += size) {
    const end = Math.min(history.length, start + size) - 1;
    const extremes = [start, start, start, start];
    for (let k = start + 1; k <= end; k++) {
      const { loss, accuracy } = history[k]!;
      if (loss < history[extremes[0]!]!.loss) extremes[0] = k;
      if (loss > history[extremes[1]!]!.loss) extremes[1] = k;
      if (accuracy < history[extremes[2]!]!.accuracy) extremes[2] = k;
      if (accuracy > history[extremes[3]!]!.accuracy) extremes[3] = k;
    }
    const inBucket: number[] = [];
    while (next < wanted.length && wanted[next]! <= end) inBucket.push(wanted[next++]!);
    for (const k of [...new Set([start, ...extremes, ...inBucket, end])].sort((a, b) => a - b))
      kept.push(history[k]!);
  }
  return kept;
}
