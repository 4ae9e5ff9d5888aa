/**
 * Which iteration the explorer shows and whether it is playing: a small state and the pure
 * transitions the controls cause. Time comes in as an argument, so tests need no clock.
 */

/** The playback state over iterations 0..last. */
export interface Playback {
  /** The iteration on show, an integer in 0..last. */
  iteration: number;
  /** N, the run's last iteration. */
  last: number;
  playing: boolean;
  /** Where playing has got to, in fractional iterations (iteration is its floor). */
  position: number;
}

/** The animation's pace (one frame every 5 iterations at 10 frames a second) for short runs. */
const BASE_RATE = 50;
/** Long runs play faster so that none takes more than this many seconds. */
const LONGEST_SECONDS = 8;

/** A paused playback of a run with iterations 0..last, showing `iteration` (default: the last). */
export function createPlayback(last: number, iteration = last): Playback {
  const at = clamp(iteration, last);
  return { iteration: at, last, playing: false, position: at };
}

/** Iterations per second while playing: the animation's 50, or more so a run lasts at most 8 s. */
export function playbackRate(last: number): number {
  return Math.max(BASE_RATE, last / LONGEST_SECONDS);
}

/** Shows `iteration` (rounded and clamped to 0..last) and pauses: the slider was moved. */
export function seek(state: Playback, iteration: number): Playback {
  const at = clamp(iteration, state.last);
  return { ...state, iteration: at, position: at, playing: false };
}

/** Moves `delta` iterations (clamped) and pauses: the step buttons. */
export function step(state: Playback, delta: number): Playback {
  return seek(state, state.iteration + delta);
}

/** Play or pause; playing from the last iteration starts again from 0. */
export function togglePlay(state: Playback): Playback {
  if (state.playing) return { ...state, playing: false };
  if (state.iteration >= state.last) return { ...state, iteration: 0, position: 0, playing: true };
  return { ...state, playing: true };
}

/** Pauses, keeping the iteration. */
export function pause(state: Playback): Playback {
  return state.playing ? { ...state, playing: false } : state;
}

/** Plays on for `seconds` of wall time; stops at the last iteration. A paused state is returned as it is. */
export function advance(state: Playback, seconds: number): Playback {
  if (!state.playing) return state;
  const position = state.position + playbackRate(state.last) * Math.max(0, seconds);
  if (position >= state.last)
    return { ...state, iteration: state.last, position: state.last, playing: false };
  return { ...state, iteration: Math.floor(position), position };
}

function clamp(iteration: number, last: number): number {
  const whole = Math.round(iteration);
  return Number.isFinite(whole) ? Math.min(last, Math.max(0, whole)) : 0;
}
