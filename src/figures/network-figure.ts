/**
 * The network as an SVG diagram, generated from its size so it follows H: a column of 9 input
 * nodes, H hidden nodes and 2 output nodes, every connection drawn. The plain diagram shows the
 * architecture; the trained one colours each connection by the sign of its weight (warm positive,
 * cool negative) and sets its width and opacity by the weight's size, with node fills for biases.
 */
import type { Parameters } from '../nn/types.ts';
import { dataColour, divergingColour } from './colour-maps.ts';
import { formatNumber, niceCeil } from './scales.ts';
import { element, escapeXml, num } from './svg.ts';
import { COLOURS, CONTENT_WIDTH, className, FONT_FAMILY } from './theme.ts';
import { grouped, isPartial, subsetMark, unitSubset } from './unit-subset.ts';

/** Where the nodes go, in SVG user units (= CSS px at the displayed size). */
export interface NetworkLayout {
  width: number;
  height: number;
  radius: number;
  /** Node centres per layer: inputs, hidden, outputs. */
  layers: { x: number; y: number }[][];
}

const TOP = 44;
const COLUMN_HEIGHT = 320;
const LABEL_SPACE = 96;

/** Places the nodes of a 9-H-2 network (of the hidden units drawn) in a diagram `width` px wide. */
export function networkLayout(hidden: number, width = CONTENT_WIDTH): NetworkLayout {
  const sizes = [9, unitSubset(hidden).drawn, 2];
  const largest = Math.max(...sizes);
  // Nodes 36 px apart while they fit; closer (and smaller) for large H.
  const spacing = Math.min(36, COLUMN_HEIGHT / Math.max(1, largest - 1));
  const radius = Math.max(1.5, Math.min(13, spacing * 0.36));
  const xs = [width * 0.2, width * 0.5, width * 0.8];
  const centre = TOP + COLUMN_HEIGHT / 2;
  const layers = sizes.map((count, layer) =>
    Array.from({ length: count }, (_, i) => ({
      x: xs[layer]!,
      y: centre + (i - (count - 1) / 2) * spacing,
    })),
  );
  return { width, height: TOP + COLUMN_HEIGHT + LABEL_SPACE, radius, layers };
}

/** Options for the SVG text. */
export interface DiagramOptions {
  /** CSS to embed (e.g. an @font-face with the figure font as a data: URL), so the SVG renders the same inside <img>. */
  fontCss?: string;
  width?: number;
}

/** The architecture diagram: every node and connection, layers labelled x^[0], A^[1] (ReLU), A^[2] (softmax). */
export function networkDiagramSvg(hidden: number, options: DiagramOptions = {}): string {
  const layout = networkLayout(hidden, options.width);
  const edges: string[] = [];
  forEachEdge(layout, (from, to) => {
    edges.push(element('line', { class: 'edge', x1: from.x, y1: from.y, x2: to.x, y2: to.y }));
  });
  const body = [
    `<g stroke="${COLOURS.axis}" stroke-width="1" stroke-opacity="0.55">${edges.join('')}</g>`,
    nodes(layout, () => COLOURS.background),
    layerLabels(layout, hidden),
    inputAndOutputLabels(layout),
  ].join('\n');
  return wrap(layout, `A 9-${grouped(hidden)}-2 neural network`, body, options);
}

/** The trained network: connection colour = sign of the weight, width and opacity = its size; node fill = bias. */
export function trainedNetworkSvg(params: Parameters, options: DiagramOptions = {}): string {
  const hidden = params.W1.rows;
  const layout = networkLayout(hidden, options.width);
  const max = niceCeil(
    Math.max(params.W1.maxAbs(), params.W2.maxAbs(), params.b1.maxAbs(), params.b2.maxAbs()),
    10,
  );
  const positive = COLOURS.positive;
  const negative = COLOURS.negative;
  // Stronger connections are drawn last, on top of the weaker ones.
  const edges: { weight: number; svg: string }[] = [];
  forEachEdge(layout, (from, to, layer, i, j) => {
    const weight = (layer === 0 ? params.W1 : params.W2).get(j, i);
    const size = Math.min(1, Math.abs(weight) / max);
    edges.push({
      weight: Math.abs(weight),
      svg: element('line', {
        class: 'edge',
        x1: from.x,
        y1: from.y,
        x2: to.x,
        y2: to.y,
        stroke: weight >= 0 ? positive : negative,
        'stroke-width': 0.5 + 5 * size,
        'stroke-opacity': 0.25 + 0.75 * size,
      }),
    });
  });
  edges.sort((a, b) => a.weight - b.weight);
  const fill = (layer: number, i: number) =>
    layer === 0
      ? COLOURS.background
      : dataColour(divergingColour((layer === 1 ? params.b1 : params.b2).get(i, 0), max));
  const body = [
    `<g stroke-linecap="round">${edges.map((e) => e.svg).join('')}</g>`,
    nodes(layout, fill),
    layerLabels(layout, hidden),
    inputAndOutputLabels(layout),
    trainedLegend(max, positive, negative),
  ].join('\n');
  return wrap(layout, `The trained 9-${grouped(hidden)}-2 network`, body, options);
}

/** Calls visit(from, to, layer, i, j) for the connection from node i of `layer` to node j of the next layer. */
function forEachEdge(
  layout: NetworkLayout,
  visit: (
    from: { x: number; y: number },
    to: { x: number; y: number },
    layer: number,
    i: number,
    j: number,
  ) => void,
): void {
  for (let layer = 0; layer < 2; layer++) {
    for (const [i, from] of layout.layers[layer]!.entries()) {
      for (const [j, to] of layout.layers[layer + 1]!.entries()) visit(from, to, layer, i, j);
    }
  }
}

function nodes(layout: NetworkLayout, fill: (layer: number, i: number) => string): string {
  const circles = layout.layers.flatMap((column, layer) =>
    column.map((p, i) =>
      element('circle', {
        class: 'node',
        cx: p.x,
        cy: p.y,
        r: layout.radius,
        fill: fill(layer, i),
      }),
    ),
  );
  return `<g stroke="${COLOURS.text}" stroke-width="1.25">${circles.join('')}</g>`;
}

/** A layer symbol with a raised [layer]: the letter italic, the superscript smaller (tspan with dy). */
function symbol(letter: string, layer: number, x: number, y: number): string {
  return element(
    'text',
    { x, y, 'text-anchor': 'middle', 'font-size': 18 },
    `<tspan font-style="italic">${letter}</tspan><tspan dy="-7" font-size="13">[${layer}]</tspan>`,
  );
}

/** The hidden column's label: "6 hidden units", or which of them are drawn ("units 0 to 15 of 1,024 drawn"). */
export function hiddenColumnLabel(hidden: number): string {
  const subset = unitSubset(hidden);
  if (isPartial(subset)) return `${subsetMark(subset, 'units')} drawn`;
  return hidden === 1 ? '1 hidden unit' : `${hidden} hidden units`;
}

function layerLabels(layout: NetworkLayout, hidden: number): string {
  const y = TOP + COLUMN_HEIGHT + 40;
  const lines: [string, number, string, string][] = [
    ['x', 0, '9 input pixels', ''],
    ['A', 1, hiddenColumnLabel(hidden), 'ReLU'],
    ['A', 2, '2 outputs', 'softmax'],
  ];
  return lines
    .map(([letter, layer, size, activation], k) => {
      const x = layout.layers[k]![0]!.x;
      const parts = [
        symbol(letter, layer, x, y),
        element(
          'text',
          { x, y: y + 20, 'text-anchor': 'middle', 'font-size': 13, fill: COLOURS.mutedText },
          escapeXml(size),
        ),
      ];
      if (activation !== '')
        parts.push(
          element(
            'text',
            { x, y: y + 37, 'text-anchor': 'middle', 'font-size': 13, fill: COLOURS.mutedText },
            activation,
          ),
        );
      return parts.join('');
    })
    .join('\n');
}

function inputAndOutputLabels(layout: NetworkLayout): string {
  const inputs = layout.layers[0]!.map((p, i) =>
    element(
      'text',
      {
        x: p.x - layout.radius - 8,
        y: p.y + 4,
        'text-anchor': 'end',
        'font-size': 12,
        fill: COLOURS.mutedText,
      },
      `pixel ${i}`,
    ),
  );
  const outputs = layout.layers[2]!.map((p, i) =>
    element(
      'text',
      { x: p.x + layout.radius + 8, y: p.y + 4, 'font-size': 13 },
      escapeXml(`p(${className(i)})`),
    ),
  );
  return [...inputs, ...outputs].join('');
}

function trainedLegend(max: number, positive: string, negative: string): string {
  const y = 22;
  const x = 16;
  const swatch = (dx: number, colour: string, label: string) =>
    element('line', {
      x1: x + dx,
      y1: y - 4,
      x2: x + dx + 22,
      y2: y - 4,
      stroke: colour,
      'stroke-width': 4,
      'stroke-linecap': 'round',
    }) + element('text', { x: x + dx + 30, y, 'font-size': 13 }, escapeXml(label));
  return [
    swatch(0, positive, 'positive weight'),
    swatch(140, negative, 'negative weight'),
    element(
      'text',
      { x: x + 280, y, 'font-size': 13, fill: COLOURS.mutedText },
      escapeXml(`thicker = larger |weight| (up to ${formatNumber(max, 1)}); node fill = bias`),
    ),
  ].join('');
}

function wrap(layout: NetworkLayout, title: string, body: string, options: DiagramOptions): string {
  const style = `${options.fontCss ?? ''}text{font-family:"${FONT_FAMILY}",sans-serif;fill:${COLOURS.text}}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(layout.width)}" height="${num(layout.height)}" viewBox="0 0 ${num(layout.width)} ${num(layout.height)}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${style}</style>`,
    element('rect', { width: layout.width, height: layout.height, fill: COLOURS.background }),
    body,
    '</svg>',
    '',
  ].join('\n');
}
