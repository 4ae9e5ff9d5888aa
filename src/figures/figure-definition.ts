/**
 * What a figure is: the shape of a figure module (content/figures/ID.ts, whose file name is the
 * figure's id). It names the experiments it reads, what of their runs it reads, its format, size,
 * alt text and caption, and how it draws. Pure: the build (scripts/figures/) finds the modules,
 * trains what they read and turns them into files.
 */

import type { RunRecord, Settings } from '../nn/types.ts';
import type { SchemeName } from './colour-scheme.ts';
import type { Context2D } from './context-2d.ts';
import type { Rect } from './pixel-snap.ts';

/** A figure's alt text (what it shows) and caption (what to take from it). */
export interface FigureText {
  alt: string;
  caption: string;
}

/** Raster figures are drawn at this many device pixels per CSS pixel (at least 1.5 for sharpness). */
export const PNG_PIXEL_RATIO = 2;
/** The animation uses 1.5: sharp enough, and its frames stay small. */
export const GIF_PIXEL_RATIO = 1.5;

/** The parts of a run record a figure can read besides `settings`; all but `datasets` need the trained network. */
export type RecordPart =
  | 'datasets'
  | 'initial'
  | 'final'
  | 'history'
  | 'frames'
  | 'firstPerfectIteration'
  | 'validation';

/**
 * What a figure reads of each experiment it names. The build keys the figure on these, on the
 * settings the parts it reads depend on, and on its code, and enforces them: a figure that reads
 * a setting or a part it does not declare stops the build, so it can never silently go stale.
 */
export interface FigureReads {
  /**
   * The settings it reads itself, from run.settings. Those that shape the parts of the run it
   * reads are in its key whether listed or not (scripts/figures/record-view.ts).
   */
  settings: readonly (keyof Settings)[];
  /** The parts of the run record it reads. */
  record: readonly RecordPart[];
}

/** What a figure's functions receive: the run of each experiment it reads, by name, and the first one's as `run`. */
export interface FigureInput {
  run: RunRecord;
  runs: Readonly<Record<string, RunRecord>>;
}

/** One frame of an animation: how to draw it, and how long it shows. */
interface AnimationFrame {
  draw: (ctx: Context2D) => void;
  /**
   * Draws only the figure's `changing` parts, exactly as `draw` does there, leaving the rest of
   * the canvas to be anything: what a frame after the first needs, since only those parts are read.
   */
  drawChanges?: (ctx: Context2D) => void;
  delayMs: number;
}

interface FigureBase {
  /** The experiments it reads (content/experiments/NAME.json), the first one passed as `run`. */
  experiments: readonly string[];
  reads: FigureReads;
  /** Its width on the page, in CSS px. */
  displayWidth: number;
  /** Its size in CSS px (a raster is this times its pixel ratio). */
  size: (input: FigureInput) => { width: number; height: number };
  text: (input: FigureInput) => FigureText;
  /**
   * The colour schemes it is drawn in (default: light and dark, and the page shows the reader's).
   * A figure only other sites show, such as a social card, needs only light.
   */
  schemes?: readonly SchemeName[];
}

/** A PNG drawn on a Canvas 2D context in CSS px. */
export interface PngFigure extends FigureBase {
  format: 'png';
  draw: (ctx: Context2D, input: FigureInput) => void;
  /**
   * Whether the build also writes the drawing at half its pixels across (default true), which
   * the page offers where it has every pixel the screen shows: at one device pixel per CSS pixel
   * (most desktop screens), and on phones whose column times their pixel density is at most the
   * figure's width. A social card, which only other sites show, needs none.
   */
  halfSize?: boolean;
}

/** An SVG written as text; `fontCss` embeds the figures' font. */
export interface SvgFigure extends FigureBase {
  format: 'svg';
  svg: (input: FigureInput, options: { fontCss: string }) => string;
}

/** An animated GIF: its frames, drawn one at a time. */
export interface GifFigure extends FigureBase {
  format: 'gif';
  frames: (input: FigureInput) => AnimationFrame[];
  /**
   * The parts of the frame (CSS px) that can differ from one frame to the next, when every other
   * pixel is drawn the same in all of them: only these are read back from the canvas after the
   * first frame (the last, shown paused, is read whole). Without it, every frame is read whole.
   */
  changing?: (input: FigureInput) => readonly Rect[];
}

export type FigureDefinition = PngFigure | SvgFigure | GifFigure;

/** A figure module's default export: the definition, typed (the function only checks its shape). */
export function defineFigure<const T extends FigureDefinition>(figure: T): T {
  return figure;
}
