/**
 * Every figure of the tutorial: its id, file format, displayed width and how to draw it from a
 * run record. Pure: the build script (scripts/figures/) turns these into files.
 */
import { SETTING_KEYS } from '../nn/settings.ts';
import type { RunRecord, Settings } from '../nn/types.ts';
import type { Context2D } from './context-2d.ts';
import { dataMatricesLayout, drawDataMatrices } from './data-matrices-figure.ts';
import {
  drawTrainingSet,
  drawValidationSet,
  trainingSetLayout,
  validationLayout,
} from './dataset-figures.ts';
import {
  dataMatricesText,
  type FigureText,
  himmelblauText,
  initialParametersText,
  lossAccuracyText,
  networkText,
  networkTrainedText,
  trainingAnimationText,
  trainingSetText,
  validationText,
} from './figure-text.ts';
import { drawHimmelblau, himmelblauSize } from './himmelblau-figure.ts';
import { drawInitialParameters, initialParametersLayout } from './initial-parameters-figure.ts';
import { drawLossAccuracy, lossAccuracySize } from './loss-accuracy-figure.ts';
import {
  type DiagramOptions,
  networkDiagramSvg,
  networkLayout,
  trainedNetworkSvg,
} from './network-diagram.ts';
import { CONTENT_WIDTH } from './theme.ts';
import { parameterScaleMax, type TrainingFrameInput } from './training-frame.ts';
import { trainingFrameLayout } from './training-frame-layout.ts';

/** Raster figures are drawn at this many device pixels per CSS pixel (at least 1.5 for sharpness). */
export const PNG_PIXEL_RATIO = 2;
/** The animation uses 1.5: sharp enough, and 41 frames stay well under 500 KB. */
export const GIF_PIXEL_RATIO = 1.5;

/** How long each animation frame shows, and how long the last one is held. */
const FRAME_DELAY_MS = 100;
const LAST_FRAME_DELAY_MS = 2000;

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
 * What a figure is made from, for the build's cache (scripts/figures/output-keys.ts): it follows
 * the imports of these modules and keys the figure on their text and on these settings and
 * record parts only, so a change elsewhere leaves the figure alone. The build enforces it: a
 * figure that reads a setting or record part it does not declare stops the build.
 */
export interface FigureInputs {
  /** Modules (relative to this file) whose code draws the figure. */
  draw: readonly string[];
  /** Modules whose code writes its alt text and caption. */
  text: readonly string[];
  /** The settings that can change it, directly or through the run. */
  settings: readonly (keyof Settings)[];
  /** The parts of the run record it reads. */
  record: readonly RecordPart[];
}

/** Every setting: figures drawn from snapshots depend on all of them. */
const EVERY_SETTING = SETTING_KEYS;
/** What the trained network depends on: every setting but frameEvery, which only picks the snapshots. */
const TRAINING_SETTINGS = SETTING_KEYS.filter((key) => key !== 'frameEvery');
const TEXT = './figure-text.ts';

interface FigureBase {
  id: string;
  inputs: FigureInputs;
  /** Width on the page in CSS px (the manifest's displayWidth). */
  displayWidth: number;
  /** Size in CSS px (the raster is this times the pixel ratio). */
  size: (record: RunRecord) => { width: number; height: number };
  text: (record: RunRecord) => FigureText;
}

/** A PNG drawn on a Canvas 2D context in CSS px. */
export interface PngFigure extends FigureBase {
  format: 'png';
  draw: (ctx: Context2D, record: RunRecord) => void;
}

/** An SVG written as text. */
export interface SvgFigure extends FigureBase {
  format: 'svg';
  svg: (record: RunRecord, options: DiagramOptions) => string;
}

/** The animated GIF: one training frame per snapshot. */
export interface GifFigure extends FigureBase {
  format: 'gif';
  frames: (record: RunRecord) => TrainingFrameInput[];
  delays: (frameCount: number) => number[];
}

export type FigureDefinition = PngFigure | SvgFigure | GifFigure;

/** Frame inputs of the animation: every snapshot of the run, all on one colour scale. */
export function animationFrames(record: RunRecord): TrainingFrameInput[] {
  const scaleMax = parameterScaleMax(record.frames);
  return record.frames.map((snapshot) => ({
    snapshot,
    history: record.history,
    labels: record.datasets.train.labels,
    firstPerfectIteration: record.firstPerfectIteration,
    parameterScaleMax: scaleMax,
  }));
}

/** Frame delays in ms: FRAME_DELAY_MS each, the last held for LAST_FRAME_DELAY_MS. */
function animationDelays(frameCount: number): number[] {
  return Array.from({ length: frameCount }, (_, k) =>
    k === frameCount - 1 ? LAST_FRAME_DELAY_MS : FRAME_DELAY_MS,
  );
}

const w = CONTENT_WIDTH;

/**
 * The figures drawn from one run, in the order the tutorial shows them (validation figures follow
 * the run's validation sets). Only `datasets` is read here, so the build can list the figures
 * before it trains.
 */
export function figureCatalogue(record: Pick<RunRecord, 'datasets'>): FigureDefinition[] {
  const validation: FigureDefinition[] = record.datasets.validation.map((dataset, k) => ({
    id: `validation-${k + 1}`,
    inputs: {
      draw: ['./dataset-figures.ts'],
      text: [TEXT],
      settings: TRAINING_SETTINGS,
      record: ['datasets', 'validation'],
    },
    format: 'png',
    displayWidth: w,
    size: () => validationLayout(dataset, w),
    text: (r) => validationText(dataset, r.validation[k]!),
    draw: (ctx, r) => drawValidationSet(ctx, dataset, r.validation[k]!, w),
  }));
  return [
    {
      id: 'training-set',
      inputs: {
        draw: ['./dataset-figures.ts'],
        text: [TEXT],
        settings: ['dataSeed'],
        record: ['datasets'],
      },
      format: 'png',
      displayWidth: w,
      size: (r) => trainingSetLayout(r.datasets.train, w),
      text: trainingSetText,
      draw: (ctx, r) => drawTrainingSet(ctx, r.datasets.train, w),
    },
    {
      id: 'data-matrices',
      inputs: {
        draw: ['./data-matrices-figure.ts'],
        text: [TEXT],
        settings: ['dataSeed'],
        record: ['datasets'],
      },
      format: 'png',
      displayWidth: w,
      size: (r) => dataMatricesLayout(r.datasets.train.labels.length, w),
      text: dataMatricesText,
      draw: (ctx, r) => drawDataMatrices(ctx, r.datasets.train, w),
    },
    {
      id: 'network',
      inputs: {
        draw: ['./network-diagram.ts'],
        text: [TEXT],
        settings: ['hiddenUnits'],
        record: [],
      },
      format: 'svg',
      displayWidth: w,
      size: (r) => networkLayout(r.settings.hiddenUnits, w),
      text: networkText,
      svg: (r, options) => networkDiagramSvg(r.settings.hiddenUnits, { ...options, width: w }),
    },
    {
      id: 'himmelblau',
      inputs: { draw: ['./himmelblau-figure.ts'], text: [TEXT], settings: [], record: [] },
      format: 'png',
      displayWidth: w,
      size: () => himmelblauSize(w),
      text: himmelblauText,
      draw: (ctx) => drawHimmelblau(ctx, w),
    },
    {
      id: 'initial-parameters',
      inputs: {
        draw: ['./initial-parameters-figure.ts'],
        text: [TEXT],
        settings: ['seed', 'hiddenUnits'],
        record: ['initial'],
      },
      format: 'png',
      displayWidth: w,
      size: (r) => initialParametersLayout(r.settings.hiddenUnits, w),
      text: initialParametersText,
      draw: (ctx, r) => drawInitialParameters(ctx, r.initial, w),
    },
    {
      id: 'training-animation',
      inputs: {
        draw: ['./training-frame.ts', './training-frame-layout.ts'],
        text: [TEXT],
        settings: EVERY_SETTING,
        record: ['datasets', 'frames', 'history', 'firstPerfectIteration'],
      },
      format: 'gif',
      displayWidth: w,
      size: (r) => trainingFrameLayout(r.settings.hiddenUnits, r.datasets.train.labels.length, w),
      text: trainingAnimationText,
      frames: animationFrames,
      delays: animationDelays,
    },
    {
      id: 'loss-accuracy',
      inputs: {
        draw: ['./loss-accuracy-figure.ts'],
        text: [TEXT],
        settings: TRAINING_SETTINGS,
        record: ['history', 'firstPerfectIteration'],
      },
      format: 'png',
      displayWidth: w,
      size: () => lossAccuracySize(w),
      text: lossAccuracyText,
      draw: (ctx, r) => drawLossAccuracy(ctx, r.history, r.firstPerfectIteration, w),
    },
    {
      id: 'network-trained',
      inputs: {
        draw: ['./network-diagram.ts'],
        text: [TEXT],
        settings: TRAINING_SETTINGS,
        record: ['final'],
      },
      format: 'svg',
      displayWidth: w,
      size: (r) => networkLayout(r.settings.hiddenUnits, w),
      text: networkTrainedText,
      svg: (r, options) => trainedNetworkSvg(r.final, { ...options, width: w }),
    },
    ...validation,
  ];
}
