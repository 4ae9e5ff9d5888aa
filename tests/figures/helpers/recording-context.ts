/**
 * A fake Canvas 2D context that draws nothing and records every piece of text with the font it
 * was set in, so tests can check text sizes and characters without rasterising anything.
 */
import type { Context2D } from '../../../src/figures/context-2d.ts';

/** One fillText call. */
export interface RecordedText {
  text: string;
  font: string;
  /** The font size in CSS px, read from the font shorthand. */
  size: number;
  /** The transform's horizontal scale when it was drawn (1 = CSS px). */
  scale: number;
}

interface State {
  font: string;
  a: number;
  d: number;
  e: number;
  f: number;
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
  textBaseline: 'alphabetic' | 'bottom' | 'hanging' | 'ideographic' | 'middle' | 'top' = 'alphabetic';
  imageSmoothingEnabled = true;
  readonly texts: RecordedText[] = [];
  private state: State = { font: '10px sans-serif', a: 1, d: 1, e: 0, f: 0 };
  private readonly stack: State[] = [];

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
  rotate(): void {}
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
  fillText(text: string): void {
    const match = /(\d+(?:\.\d+)?)px/.exec(this.state.font);
    this.texts.push({ text, font: this.state.font, size: match ? Number(match[1]) : NaN, scale: this.state.a });
  }
  measureText(text: string): { width: number } {
    const match = /(\d+(?:\.\d+)?)px/.exec(this.state.font);
    return { width: text.length * (match ? Number(match[1]) : 10) * 0.5 };
  }
}
