import { describe, expect, it } from 'vitest';
import { frameLayoutWidth } from '../../src/explorer/frame-width.ts';

describe('frameLayoutWidth', () => {
  // [shown width in CSS px, layout width]
  const cases: [number, number][] = [
    [343.5, 343], // a phone's column: its own width, whole pixels, never above the shown width
    [375, 375],
    [300, 300],
    [280, 300], // narrower than any layout: the narrowest, shown a little smaller
    [600, 600],
    [720, 720],
    [816, 720], // wider than the animation: its 720 px, shown larger
    [0, 720], // not laid out yet
    [Number.NaN, 720],
  ];
  it.each(cases)('shown %d px wide -> laid out %i px wide', (shown, width) => {
    expect(frameLayoutWidth(shown)).toBe(width);
  });
});
