import { describe, expect, it } from 'vitest';
import { canvasBacking } from '../../src/explorer/canvas-backing.ts';

describe('canvasBacking', () => {
  // [layout width, layout height, displayed width, devicePixelRatio, expected buffer width, height]
  const cases: [number, number, number, number, number, number][] = [
    [720, 560, 720, 1, 720, 560], // shown at its own size on a plain screen
    [720, 560, 720, 2, 1440, 1120], // a retina screen doubles the buffer
    [720, 560, 343, 3, 1029, 800], // a phone: 343 CSS px at 3x; 560 * 1029 / 720 = 800.33
    [720, 560, 0, 2, 1440, 1120], // not laid out yet: assume the layout width
    [720, 560, 100, 1, 360, 280], // tiny: never below half scale
    [720, 560, 2000, 3, 2880, 2240], // huge: never above 4x
    [720, 560, 720, Number.NaN, 720, 560], // no usable ratio: 1
  ];
  it.each(cases)(
    '%i x %i shown %i wide at %d dppx -> %i x %i',
    (lw, lh, shown, ratio, width, height) => {
      const backing = canvasBacking(lw, lh, shown, ratio);
      expect(backing.width).toBe(width);
      expect(backing.height).toBe(height);
      expect(backing.scale).toBe(width / lw);
    },
  );
});
