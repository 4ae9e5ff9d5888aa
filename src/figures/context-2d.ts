/**
 * The part of the Canvas 2D API the figures use. Both @napi-rs/canvas's SKRSContext2D (at build
 * time) and the browser's CanvasRenderingContext2D (in the explorer) satisfy it structurally, so
 * the drawing code depends on neither.
 */
export interface Context2D {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: 'butt' | 'round' | 'square';
  lineJoin: 'bevel' | 'miter' | 'round';
  globalAlpha: number;
  font: string;
  textAlign: 'center' | 'end' | 'left' | 'right' | 'start';
  textBaseline: 'alphabetic' | 'bottom' | 'hanging' | 'ideographic' | 'middle' | 'top';
  imageSmoothingEnabled: boolean;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  scale(x: number, y: number): void;
  rotate(angle: number): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  /** The current transform; the figures only ever scale and translate, so b = c = 0. */
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number };
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  fill(): void;
  stroke(): void;
  clip(): void;
  setLineDash(segments: number[]): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  /** A block of width x height pixels, RGBA row by row, all transparent. */
  createImageData(width: number, height: number): PixelBlock;
  /** Writes a block's pixels as they are at device pixel (dx, dy): no transform, clip or blending. */
  putImageData(block: PixelBlock, dx: number, dy: number): void;
}

/** Pixels to write straight to the canvas (the browser's and @napi-rs/canvas's ImageData). */
export interface PixelBlock {
  readonly width: number;
  readonly height: number;
  /** RGBA, 0 to 255 each, in a buffer of the block's own (as createImageData makes them). */
  readonly data: {
    [index: number]: number;
    readonly length: number;
    readonly buffer: ArrayBufferLike;
    readonly byteOffset: number;
  };
}
