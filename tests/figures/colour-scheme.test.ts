import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dataColour,
  divergingAt,
  fromHex,
  greyColour,
  luminance,
} from '../../src/figures/colour-maps.ts';
import {
  inScheme,
  schemeBackground,
  schemeContext,
  svgInScheme,
} from '../../src/figures/colour-scheme.ts';
import type { Context2D } from '../../src/figures/context-2d.ts';
import { figurePalette } from '../../src/figures/gif-palette.ts';
import { COLOURS, SERIES_COLOURS } from '../../src/figures/theme.ts';

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(fromHex(a)), luminance(fromHex(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

describe('the dark scheme', () => {
  const paper = schemeBackground('dark');

  it('has the papers the site’s CSS puts behind the figures and the explorer', () => {
    const css = readFileSync(new URL('../../src/styles/site.css', import.meta.url), 'utf8');
    const paper = (scheme: string) =>
      new RegExp(`--figure-paper-${scheme}: (#[0-9a-f]{6});`).exec(css)?.[1];
    expect(paper('light')).toBe(schemeBackground('light'));
    expect(paper('dark')).toBe(schemeBackground('dark'));
  });

  it('paints the paper dark and every text colour legible on it (WCAG AA, 4.5:1)', () => {
    expect(luminance(fromHex(paper))).toBeLessThan(0.02);
    for (const name of ['text', 'mutedText', 'wrongText'] as const)
      expect(contrast(inScheme(COLOURS[name], 'dark'), paper), name).toBeGreaterThan(4.5);
  });

  it('keeps the curves and markers visible on the dark paper (3:1, as WCAG asks of graphics)', () => {
    for (const name of [
      'axis',
      'cellBorder',
      'loss',
      'accuracy',
      'marker',
      'positive',
      'negative',
    ] as const)
      expect(contrast(inScheme(COLOURS[name], 'dark'), paper), name).toBeGreaterThan(3);
    for (const colour of SERIES_COLOURS)
      expect(contrast(inScheme(colour, 'dark'), paper), colour).toBeGreaterThan(3);
  });

  it('repaints every theme colour but the prediction markers (drawn with outlines of their own), and the series stay as many distinct colours', () => {
    const markers = ['correct', 'correctOutline', 'wrong', 'wrongOutline'];
    for (const name of Object.keys(COLOURS) as (keyof typeof COLOURS)[]) {
      if (markers.includes(name)) expect(inScheme(COLOURS[name], 'dark'), name).toBe(COLOURS[name]);
      else expect(inScheme(COLOURS[name], 'dark'), name).not.toBe(COLOURS[name]);
    }
    const dark = SERIES_COLOURS.map((c) => inScheme(c, 'dark'));
    expect(new Set(dark).size).toBe(SERIES_COLOURS.length);
    expect(inScheme(COLOURS.text.toUpperCase(), 'dark')).toBe(inScheme(COLOURS.text, 'dark'));
  });

  it('leaves data colours as they are, white included, though the theme’s white paper is repainted', () => {
    expect(inScheme('#ffffff', 'dark')).toBe(paper);
    for (const colour of [greyColour(1), greyColour(0), divergingAt(0.5), divergingAt(0.9)])
      expect(inScheme(dataColour(colour), 'dark')).toBe(dataColour(colour));
    expect(dataColour('#ffffff')).toBe('rgb(255, 255, 255)');
    expect(dataColour([31, 35, 40])).toBe('rgb(31, 35, 40)');
  });

  it('is the identity in the light scheme', () => {
    expect(inScheme(COLOURS.background, 'light')).toBe(COLOURS.background);
    expect(svgInScheme(`<rect fill="${COLOURS.background}"/>`, 'light')).toBe(
      `<rect fill="${COLOURS.background}"/>`,
    );
  });

  it('recolours an SVG’s theme colours and nothing else', () => {
    const svg = `<rect fill="${COLOURS.background}"/><circle fill="rgb(255, 255, 255)" stroke="${COLOURS.text}"/><path fill="#123456"/>`;
    expect(svgInScheme(svg, 'dark')).toBe(
      `<rect fill="${paper}"/><circle fill="rgb(255, 255, 255)" stroke="${inScheme(COLOURS.text, 'dark')}"/><path fill="#123456"/>`,
    );
  });

  it('gives drawing code a context whose fill and stroke colours are painted in the scheme', () => {
    const calls: string[] = [];
    const target = {
      fillStyle: '',
      strokeStyle: '',
      fillRect: (x: number, y: number, w: number, h: number) =>
        calls.push(`fillRect ${x} ${y} ${w} ${h}`),
    } as unknown as Context2D;
    const ctx = schemeContext(target, 'dark');
    ctx.fillStyle = COLOURS.background;
    ctx.strokeStyle = dataColour('#ffffff');
    ctx.fillRect(1, 2, 3, 4);
    expect(target.fillStyle).toBe(paper);
    expect(target.strokeStyle).toBe('rgb(255, 255, 255)');
    expect(calls).toEqual(['fillRect 1 2 3 4']);
    expect(schemeContext(target, 'light')).toBe(target);
  });

  it('has a GIF palette that fits the colour table, with the dark paper and the greys of the data', () => {
    const palette = figurePalette('dark');
    expect(palette.length).toBeLessThanOrEqual(255);
    const has = (hex: string) => palette.some((c) => c.join() === fromHex(hex).join());
    expect(has(paper)).toBe(true);
    expect(has(inScheme(COLOURS.text, 'dark'))).toBe(true);
    expect(has('#ffffff') && has('#000000')).toBe(true);
    // The light palette is the one the light animation had before the dark scheme: 227 colours,
    // the diverging map's first, white paper among the greys.
    const light = figurePalette('light');
    expect(light).toHaveLength(227);
    expect(light[0]).toEqual(divergingAt(0));
    expect(light.some((c) => c.join() === '255,255,255')).toBe(true);
    expect(light.some((c) => c.join() === fromHex(paper).join())).toBe(false);
  });
});
