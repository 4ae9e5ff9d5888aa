/**
 * A heatmap's cells, written as one block of pixels: each cell fills exactly the device pixels
 * between its snapped edges (worked out here from the layout) with its value's colour.
 */
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { divergingAt, type Rgb } from '../../src/figures/colour-maps.ts';
import type { Context2D } from '../../src/figures/context-2d.ts';
import { drawHeatmap } from '../../src/figures/heatmap.ts';

const VALUES = [
  [0, 0.1, 0.25, 0.5],
  [0.6, 0.75, 0.9, 1],
  [0.33, 0.66, 0.05, 0.95],
];
const matrix = { rows: 3, cols: 4, get: (r: number, c: number) => VALUES[r]![c]! };
const SPEC = { x: 7.3, y: 4.6, cellWidth: 13.7, cellHeight: 9.4, colour: divergingAt };

describe('drawHeatmap', () => {
  for (const scale of [1, 1.5, 2]) {
    it(`fills every cell's device pixels with its value's colour at ${scale}x`, () => {
      const canvas = createCanvas(160, 100);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, 160, 100);
      ctx.setTransform(scale, 0, 0, scale, 2, 1);
      drawHeatmap(ctx as unknown as Context2D, matrix, SPEC);
      const pixels = ctx.getImageData(0, 0, 160, 100).data;
      const edge = (start: number, size: number, k: number, offset: number) =>
        Math.round(scale * (start + k * size) + offset);
      const wrong: string[] = [];
      for (let r = 0; r < 3; r++)
        for (let c = 0; c < 4; c++) {
          const want: Rgb = divergingAt(VALUES[r]![c]!);
          // The frame's stroke covers the outer edge pixels: those are left out.
          const [x0, x1] = [
            edge(SPEC.x, SPEC.cellWidth, c, 2),
            edge(SPEC.x, SPEC.cellWidth, c + 1, 2),
          ];
          const [y0, y1] = [
            edge(SPEC.y, SPEC.cellHeight, r, 1),
            edge(SPEC.y, SPEC.cellHeight, r + 1, 1),
          ];
          for (let y = y0 + (r === 0 ? 2 : 0); y < y1 - (r === 2 ? 2 : 0); y++)
            for (let x = x0 + (c === 0 ? 2 : 0); x < x1 - (c === 3 ? 2 : 0); x++) {
              const i = 4 * (y * 160 + x);
              const got = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]].join();
              if (got !== [...want, 255].join()) wrong.push(`cell ${r},${c} (${x}, ${y}): ${got}`);
            }
        }
      expect(wrong.slice(0, 5)).toEqual([]);
      const outside = 4 * ((edge(SPEC.y, SPEC.cellHeight, 3, 1) + 4) * 160 + 20);
      expect([...pixels.slice(outside, outside + 3)]).toEqual([255, 255, 255]);
    });
  }
});
