/**
 * A fake Canvas 2D context that draws nothing and records every piece of text with the font it
 * was set in and where it went, so tests can check text sizes, characters and positions without
 * rasterising anything. Text widths are estimated (half the font size per character) unless a
 * measuring function is given, e.g. one backed by @napi-rs/canvas with the figures' font.
 */
import type { Context2D, PixelBlock } from '../../src/figures/context-2d.ts';

/** One fillText call. */
export interface RecordedText {
  text: string;
  font: string;
  /** The font size in CSS px, read from the font shorthand. */
  size: number;
  /** The transform's horizontal scale when it was drawn (1 = CSS px). */
  scale: number;
  /** The anchor point after the transform (scale and translate), in the canvas's units. */
  x: number;
  y: number;
  align: RecordingContext['textAlign'];
  baseline: RecordingContext['textBaseline'];
  /** The text's advance width from measureText, times the scale. */
  width: number;
  /** The rotation in effect, in radians (the figures only turn text by a quarter). */
  rotation: number;
}

/** A text's box in the canvas's units: left, right, top, bottom. */
export interface TextBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Measures `text` set in the CSS font shorthand `font`: its advance width in CSS px. */
export type MeasureText = (font: string, text: string) => number;

interface State {
  font: string;
  a: number;
  d: number;
  e: number;
  f: number;
  rotation: number;
}

/** A Context2D that records text; transforms are tracked (scale and translate only). */
export class RecordingContext implements Context2D {
  fillStyle: unknown = '#000';
  strokeStyle: unknown = '#000';
  lineWidth = 1;
  lineCap: 'butt' | 'round' | 'square' = 'butt';
  lineJoin: 'bevel' | 'miter' | 'round' = 'miter';
  globalAlpha = 1;
  textAlign: 'center' | 'end' | 'left' | 'right' | 'start' = 'start';
  textBaseline: 'alphabetic' | 'bottom' | 'hanging' | 'ideographic' | 'middle' | 'top' =
    'alphabetic';
  imageSmoothingEnabled = true;
  readonly texts: RecordedText[] = [];
  private state: State = { font: '10px sans-serif', a: 1, d: 1, e: 0, f: 0, rotation: 0 };
  private readonly stack: State[] = [];

  /** `measure` replaces the estimate of half the font size per character. */
  constructor(private readonly measure?: MeasureText) {}

  get font(): string {
    return this.state.font;
  }
  set font(value: string) {
    this.state.font = value;
  }
  save(): void {
    this.stack.push({ ...this.state });
  }
  restore(): void {
    this.state = this.stack.pop() ?? this.state;
  }
  translate(x: number, y: number): void {
    this.state.e += this.state.a * x;
    this.state.f += this.state.d * y;
  }
  scale(x: number, y: number): void {
    this.state.a *= x;
    this.state.d *= y;
  }
  /** Tracks the angle only: translations after a rotation are not turned (the figures translate first). */
  rotate(angle: number): void {
    this.state.rotation += angle;
  }
  setTransform(a: number, _b: number, _c: number, d: number, e: number, f: number): void {
    Object.assign(this.state, { a, d, e, f });
  }
  getTransform() {
    return { a: this.state.a, b: 0, c: 0, d: this.state.d, e: this.state.e, f: this.state.f };
  }
  fillRect(): void {}
  strokeRect(): void {}
  beginPath(): void {}
  closePath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  rect(): void {}
  arc(): void {}
  fill(): void {}
  stroke(): void {}
  clip(): void {}
  setLineDash(): void {}
  fillText(text: string, x: number, y: number): void {
    const match = /(\d+(?:\.\d+)?)px/.exec(this.state.font);
    const { a, d, e, f, rotation } = this.state;
    this.texts.push({
      text,
      font: this.state.font,
      size: match ? Number(match[1]) : NaN,
      scale: a,
      x: e + a * x,
      y: f + d * y,
      align: this.textAlign,
      baseline: this.textBaseline,
      width: this.measureText(text).width * a,
      rotation,
    });
  }
  measureText(text: string): { width: number } {
    if (this.measure !== undefined) return { width: this.measure(this.state.font, text) };
    const match = /(\d+(?:\.\d+)?)px/.exec(this.state.font);
    return { width: text.length * (match ? Number(match[1]) : 10) * 0.5 };
  }
  createImageData(width: number, height: number): PixelBlock {
    return { width, height, data: new Uint8ClampedArray(4 * width * height) };
  }
  putImageData(): void {}
}

/** Ascent and descent of a line as fractions of the font size (Source Sans 3: 0.712 cap height, 0.205 descender). */
const ASCENT = 0.75;
const DESCENT = 0.25;

/**
 * The box a recorded text covers: its advance width across, and the font size (ascent plus
 * descent) high, placed by its alignment and baseline; quarter-turned text is turned with it.
 */
export function textBox(t: RecordedText): TextBox {
  const size = t.size * t.scale;
  const left =
    t.align === 'center' ? -t.width / 2 : t.align === 'right' || t.align === 'end' ? -t.width : 0;
  const top =
    t.baseline === 'top' || t.baseline === 'hanging'
      ? 0
      : t.baseline === 'middle'
        ? -size / 2
        : t.baseline === 'bottom' || t.baseline === 'ideographic'
          ? -size
          : -ASCENT * size;
  const local = {
    left,
    right: left + t.width,
    top,
    bottom: top + (t.baseline === 'alphabetic' ? (ASCENT + DESCENT) * size : size),
  };
  const turns = Math.round(t.rotation / (Math.PI / 2));
  if (Math.abs(t.rotation - (turns * Math.PI) / 2) > 1e-9)
    throw new Error(`"${t.text}" is rotated by ${t.rotation}, not a quarter turn`);
  const quarter = ((turns % 4) + 4) % 4;
  // Turning by -90 degrees (anticlockwise on screen) maps (u, v) to (v, -u); by +90 to (-v, u).
  const turned =
    quarter === 0
      ? local
      : quarter === 3
        ? { left: local.top, right: local.bottom, top: -local.right, bottom: -local.left }
        : quarter === 1
          ? { left: -local.bottom, right: -local.top, top: local.left, bottom: local.right }
          : { left: -local.right, right: -local.left, top: -local.bottom, bottom: -local.top };
  return {
    left: t.x + turned.left,
    right: t.x + turned.right,
    top: t.y + turned.top,
    bottom: t.y + turned.bottom,
  };
}
