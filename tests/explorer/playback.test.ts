import { describe, expect, it } from 'vitest';
import {
  advance,
  createPlayback,
  pause,
  playbackRate,
  seek,
  step,
  togglePlay,
} from '../../src/explorer/playback.ts';

describe('playback', () => {
  it('starts paused at the last iteration unless told otherwise', () => {
    expect(createPlayback(200)).toEqual({
      iteration: 200,
      last: 200,
      playing: false,
      position: 200,
    });
    expect(createPlayback(200, 7).iteration).toBe(7);
  });

  it('seeks to whole iterations inside 0..last and pauses', () => {
    const playing = { ...createPlayback(200, 10), playing: true };
    expect(seek(playing, 100)).toMatchObject({ iteration: 100, playing: false });
    expect(seek(playing, 250).iteration).toBe(200);
    expect(seek(playing, -3).iteration).toBe(0);
    expect(seek(playing, 4.6).iteration).toBe(5);
    expect(seek(playing, Number.NaN).iteration).toBe(0);
  });

  it('steps by one and stops at the ends', () => {
    expect(step(createPlayback(200, 0), -1).iteration).toBe(0);
    expect(step(createPlayback(200, 0), 1).iteration).toBe(1);
    expect(step(createPlayback(200), 1).iteration).toBe(200);
  });

  it('plays from the start when play is pressed at the end', () => {
    expect(togglePlay(createPlayback(200))).toMatchObject({ iteration: 0, playing: true });
    expect(togglePlay(createPlayback(200, 50))).toMatchObject({ iteration: 50, playing: true });
    expect(togglePlay(togglePlay(createPlayback(200, 50)))).toMatchObject({
      iteration: 50,
      playing: false,
    });
    expect(pause(togglePlay(createPlayback(200, 50))).playing).toBe(false);
  });

  it('plays at 50 iterations a second for short runs, and 2000 iterations in 8 s', () => {
    expect(playbackRate(200)).toBe(50);
    expect(playbackRate(2000)).toBe(250);
    let state = togglePlay(createPlayback(200, 0));
    state = advance(state, 0.1); // 5 iterations
    expect(state).toMatchObject({ iteration: 5, playing: true });
    state = advance(state, 0.03); // 1.5 more: 6.5
    expect(state.iteration).toBe(6);
    state = advance(state, 0.01); // 0.5 more: 7
    expect(state.iteration).toBe(7);
  });

  it('stops at the last iteration', () => {
    const state = advance(togglePlay(createPlayback(200, 190)), 10);
    expect(state).toMatchObject({ iteration: 200, playing: false });
  });

  it('does not move while paused or for negative time', () => {
    const paused = createPlayback(200, 3);
    expect(advance(paused, 5)).toBe(paused);
    expect(advance(togglePlay(paused), -1).iteration).toBe(3);
  });
});
