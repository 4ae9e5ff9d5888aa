import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { divergingAt, toHex } from '../../src/figures/colour-maps.ts';
import { networkDiagramSvg, trainedNetworkSvg } from '../../src/figures/network-figure.ts';
import { Matrix } from '../../src/nn/matrix.ts';
import type { Parameters } from '../../src/nn/types.ts';

const count = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].length;
const NODE = /<circle class="node"/g;
const EDGE = /<line class="edge"/g;

/** Parameters of a 9-H-2 network filled with `weight`, except W1[0][0] = -weight. */
function uniformParameters(hidden: number, weight: number): Parameters {
  const W1 = Matrix.zeros(hidden, 9).map(() => weight);
  W1.data[0] = -weight;
  return {
    W1,
    b1: Matrix.zeros(hidden, 1),
    W2: Matrix.zeros(2, hidden).map(() => weight),
    b2: Matrix.zeros(2, 1),
  };
}

describe('networkDiagramSvg', () => {
  it.each([
    // H, nodes 9 + H + 2, edges 9H + 2H
    [3, 14, 33],
    [6, 17, 66],
    [10, 21, 110],
    [1, 12, 11],
  ])('H = %d: %d nodes and %d connections', (hidden, nodes, edges) => {
    const svg = networkDiagramSvg(hidden);
    expect(count(svg, NODE)).toBe(nodes);
    expect(count(svg, EDGE)).toBe(edges);
    expect(svg).toContain(hidden === 1 ? '1 hidden unit' : `${hidden} hidden units`);
  });

  it('labels the layers x^[0], A^[1] with ReLU and A^[2] with softmax, the layer number raised', () => {
    const svg = networkDiagramSvg(6);
    for (const [letter, layer] of [
      ['x', 0],
      ['A', 1],
      ['A', 2],
    ] as const) {
      expect(svg).toMatch(
        new RegExp(
          `<tspan font-style="italic">${letter}</tspan><tspan dy="-\\d+" font-size="\\d+">\\[${layer}\\]</tspan>`,
        ),
      );
    }
    expect(svg).toContain('>ReLU<');
    expect(svg).toContain('>softmax<');
    expect(svg).toContain('9 input pixels');
  });

  it('is an SVG that a renderer accepts, at its stated size', async () => {
    const svg = networkDiagramSvg(6);
    const image = await loadImage(Buffer.from(svg));
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(image.width).toBe(width);
    const ctx = createCanvas(image.width, image.height).getContext('2d');
    ctx.drawImage(image, 0, 0);
    // Something dark (the node outlines) was drawn on the white background.
    const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 80) dark++;
    expect(dark).toBeGreaterThan(500);
  });
});

describe('trainedNetworkSvg', () => {
  it.each([3, 6, 10])('H = %d: the same nodes and connections as the architecture', (hidden) => {
    const svg = trainedNetworkSvg(uniformParameters(hidden, 0.5));
    expect(count(svg, NODE)).toBe(9 + hidden + 2);
    expect(count(svg, EDGE)).toBe(11 * hidden);
  });

  it('colours each connection by its sign: one negative weight is cool, the rest warm', () => {
    const hidden = 4;
    const svg = trainedNetworkSvg(uniformParameters(hidden, 0.5));
    const warm = toHex(divergingAt(0.9));
    const cool = toHex(divergingAt(0.1));
    expect(count(svg, new RegExp(`class="edge"[^>]*stroke="${warm}"`, 'g'))).toBe(11 * hidden - 1);
    expect(count(svg, new RegExp(`class="edge"[^>]*stroke="${cool}"`, 'g'))).toBe(1);
  });

  it('draws larger weights wider: |w| = max is widest, w = 0 thinnest', () => {
    const params = uniformParameters(2, 1);
    params.W2.data.fill(0);
    const svg = trainedNetworkSvg(params);
    const widths = [...svg.matchAll(/class="edge"[^>]*stroke-width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    // 18 weights of size 1 (the scale's max), 4 of size 0.
    expect(widths.filter((w) => w === 5.5)).toHaveLength(18);
    expect(widths.filter((w) => w === 0.5)).toHaveLength(4);
  });
});
