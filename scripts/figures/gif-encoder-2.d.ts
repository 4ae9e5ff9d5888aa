/** The parts of gif-encoder-2 1.0.5 (a CommonJS module without types) that encode-gif.ts uses. */
declare module 'gif-encoder-2' {
  class GIFEncoder {
    constructor(
      width: number,
      height: number,
      algorithm?: 'neuquant' | 'octree',
      useOptimizer?: boolean,
      totalFrames?: number,
    );
    width: number;
    height: number;
    image: unknown;
    indexedPixels: Uint8Array | null;
    colorTab: number[] | null;
    colorDepth: number | null;
    transIndex: number;
    firstFrame: boolean;
    out: { data: number[]; getData(): Buffer };
    start(): void;
    addFrame(input: unknown): void;
    finish(): void;
    setDelay(ms: number): void;
    setRepeat(repeat: number): void;
    setDispose(code: number): void;
    setTransparent(colour: number | null): void;
    analyzePixels(): void;
    writePalette(): void;
    writeImageDesc(): void;
    writePixels(): void;
  }
  export = GIFEncoder;
}
