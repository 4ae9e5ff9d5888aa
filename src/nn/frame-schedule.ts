/**
 * Which states of a run the run record keeps as snapshots, the frames of the animation:
 * iteration 0 and every frameEvery-th after it, the first iteration with accuracy 1, and the
 * last. A long run would have too many for the animation (a GIF of thousands of frames, and
 * memory for every snapshot): then it keeps every k-th iteration instead, for the smallest
 * multiple k of frameEvery that keeps it within MAX_FRAMES, with the first perfect iteration and
 * the last still among them. Short runs, the tutorial's among them, keep frameEvery.
 */

/** The most frames a run keeps: 100 animation frames play for about ten seconds. */
export const MAX_FRAMES = 100;

/** The spacing of the kept iterations for a run of `iterations` updates (N + 1 states). */
export function frameSpacing(
  iterations: number,
  frameEvery: number,
  maxFrames = MAX_FRAMES,
): number {
  // At most floor(N / k) + 1 multiples of k, plus the last iteration and the first perfect one.
  const count = (k: number) => Math.floor(iterations / k) + 3;
  let spacing = frameEvery;
  while (count(spacing) > maxFrames && spacing < iterations) spacing += frameEvery;
  return spacing;
}

/** Whether state `iteration` is kept: a multiple of `spacing`, the last state, or the first with accuracy 1 (null: none yet). */
export function keepsFrame(
  iteration: number,
  iterations: number,
  spacing: number,
  firstPerfect: number | null,
): boolean {
  return iteration % spacing === 0 || iteration === iterations || iteration === firstPerfect;
}
