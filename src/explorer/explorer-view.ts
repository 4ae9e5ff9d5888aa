/**
 * What the training explorer shows, written into the markup of src/components/TrainingExplorer.astro
 * (found through its data-* hooks): the frame on the canvas, the iteration's numbers, the run's
 * closing numbers, the play button and the status line. Each function is handed what to show; it
 * keeps nothing (the state lives in training-explorer.ts).
 */
import { schemeContext } from '../figures/colour-scheme.ts';
import { drawTrainingFrame } from '../figures/training-frame-figure.ts';
import { trainingFrameLayout } from '../figures/training-frame-layout.ts';
import { canvasBacking } from './canvas-backing.ts';
import { EXPLORER_FIELDS, type StartRun, sameSettings } from './explorer-fields.ts';
import { find } from './explorer-form.ts';
import {
  describeSettings,
  fixedSeedHint,
  formatAccuracy,
  formatLoss,
  validationLabel,
} from './explorer-format.ts';
import type { ExplorerRun } from './explorer-run.ts';
import { frameLayoutWidth } from './frame-width.ts';
import { pageScheme } from './page-scheme.ts';
import type { Playback } from './playback.ts';

/** The data seed's name in the form (and in the address). */
const DATA_SEED_PARAM = EXPLORER_FIELDS.find((field) => field.key === 'dataSeed')!.param;

/** The explorer's elements. */
export interface ExplorerView {
  root: HTMLElement;
  canvas: HTMLCanvasElement;
  slider: HTMLInputElement;
  playButton: HTMLButtonElement;
  backButton: HTMLButtonElement;
  forwardButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  trainButton: HTMLButtonElement;
  form: HTMLFormElement;
  status: HTMLElement;
  iterationText: HTMLElement;
  showing: HTMLElement;
  /** The list of readouts, and a copy of one of its rows to make a validation set's from. */
  readouts: HTMLElement;
  readoutRow: HTMLElement;
  /** The data seed's field and its hint. */
  dataSeedField: HTMLInputElement;
  dataSeedHint: HTMLElement;
}

/** The elements of the explorer whose root element is `root` (find throws, naming the one missing). */
export function explorerView(root: HTMLElement): ExplorerView {
  return {
    root,
    canvas: find<HTMLCanvasElement>(root, 'canvas[data-frame]'),
    slider: find<HTMLInputElement>(root, 'input[data-slider]'),
    playButton: find<HTMLButtonElement>(root, '[data-action="play"]'),
    backButton: find<HTMLButtonElement>(root, '[data-action="back"]'),
    forwardButton: find<HTMLButtonElement>(root, '[data-action="forward"]'),
    resetButton: find<HTMLButtonElement>(root, '[data-action="reset"]'),
    trainButton: find<HTMLButtonElement>(root, '[data-action="train"]'),
    form: find<HTMLFormElement>(root, 'form[data-form]'),
    status: find<HTMLElement>(root, '[data-status]'),
    iterationText: find<HTMLElement>(root, '[data-iteration]'),
    showing: find<HTMLElement>(root, '[data-showing]'),
    readouts: find<HTMLElement>(root, '[data-readouts]'),
    // A copy keeps the component's scoped-style class, which a new element would lack.
    readoutRow: find<HTMLElement>(root, '[data-value="final-loss"]').parentElement!.cloneNode(
      true,
    ) as HTMLElement,
    dataSeedField: find<HTMLInputElement>(root, `input[name="${DATA_SEED_PARAM}"]`),
    dataSeedHint: find<HTMLElement>(root, `[data-hint-for="${DATA_SEED_PARAM}"]`),
  };
}

/**
 * The data seed's field as the images need it: read-only at `dataSeed`, its hint saying why,
 * while the runs train on experiment `experiment`'s own; as the page made it (its own hint kept
 * to go back to) on the data seed's images (`experiment` null).
 */
export function showDataSeed(
  view: ExplorerView,
  experiment: string | null,
  dataSeed: number,
): void {
  const { dataSeedField, dataSeedHint } = view;
  dataSeedHint.dataset.pageHint ??= (dataSeedHint.textContent ?? '').trim();
  dataSeedField.readOnly = experiment !== null;
  if (experiment !== null) dataSeedField.value = String(dataSeed);
  dataSeedHint.textContent =
    experiment === null ? dataSeedHint.dataset.pageHint : fixedSeedHint(experiment);
}

/** One readout for each validation set (by name and title), made again only when the sets change. */
export function showValidationReadouts(
  view: ExplorerView,
  sets: readonly { name: string; title: string }[],
): void {
  const { readouts, readoutRow } = view;
  const rows = [...readouts.querySelectorAll<HTMLElement>('[data-validation-readout]')];
  const names = rows.map((row) => row.querySelector('dd')?.dataset.value);
  if (names.join('\n') === sets.map((set) => set.name).join('\n')) return;
  for (const row of rows) row.remove();
  for (const set of sets) {
    const row = readoutRow.cloneNode(true) as HTMLElement;
    row.dataset.validationReadout = '';
    find<HTMLElement>(row, 'dt').textContent = validationLabel(set.title);
    const value = find<HTMLElement>(row, 'dd');
    value.dataset.value = set.name;
    value.textContent = '–';
    delete value.dataset.raw;
    readouts.append(row);
  }
}

/**
 * Draws `run` at `iteration` on the canvas, in the page's colour scheme: laid out for the width it
 * is shown at (a stacked frame on a phone), drawn at the screen's pixel ratio.
 */
export function drawFrame(canvas: HTMLCanvasElement, run: ExplorerRun, iteration: number): void {
  const { record, scaleMax } = run;
  const snapshot = record.frames[iteration];
  if (snapshot === undefined) return;
  const shown = canvas.getBoundingClientRect().width;
  const width = frameLayoutWidth(shown);
  const examples = record.datasets.train.labels.length;
  const layout = trainingFrameLayout(snapshot.params.W1.rows, examples, width);
  const backing = canvasBacking(layout.width, layout.height, shown, window.devicePixelRatio);
  // The buffer's size sets the canvas's aspect ratio (its CSS height is auto), so the frame is never stretched.
  if (canvas.width !== backing.width) canvas.width = backing.width;
  if (canvas.height !== backing.height) canvas.height = backing.height;
  canvas.dataset.layoutWidth = String(width);
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.setTransform(backing.scale, 0, 0, backing.scale, 0, 0);
  const frame = {
    snapshot,
    history: record.history,
    labels: record.datasets.train.labels,
    firstPerfectIteration: record.firstPerfectIteration,
    parameterScaleMax: scaleMax,
  };
  drawTrainingFrame(schemeContext(ctx, pageScheme()), frame, width);
}

/** The numbers of the iteration `playback` is at: the slider, loss, accuracy, the canvas's label, and which steps are possible. */
export function showIteration(view: ExplorerView, run: ExplorerRun, playback: Playback): void {
  const { iteration, last } = playback;
  const entry = run.record.history[iteration]!;
  const total = run.record.datasets.train.labels.length;
  view.slider.value = String(iteration);
  view.slider.setAttribute('aria-valuetext', `${iteration} of ${last}`);
  view.iterationText.textContent = `${iteration} of ${last}`;
  setValue(valueElement(view, 'loss'), formatLoss(entry.loss), entry.loss);
  setValue(valueElement(view, 'accuracy'), formatAccuracy(entry.accuracy, total), entry.accuracy);
  view.canvas.setAttribute(
    'aria-label',
    `The network at iteration ${iteration} of ${last}: loss ${formatLoss(entry.loss)}, ` +
      `training accuracy ${formatAccuracy(entry.accuracy, total)}.`,
  );
  // aria-disabled rather than disabled: a button that focus is on must keep it at either end.
  view.backButton.setAttribute('aria-disabled', String(iteration === 0));
  view.forwardButton.setAttribute('aria-disabled', String(iteration === last));
}

/** The play button as `playback` is: pressed and labelled "Pause" while playing. */
export function showPlaying(view: ExplorerView, playback: Playback): void {
  const { playButton } = view;
  playButton.setAttribute('aria-pressed', String(playback.playing));
  playButton.dataset.playing = String(playback.playing);
  find<HTMLElement>(playButton, '[data-label]').textContent = playback.playing ? 'Pause' : 'Play';
}

/** The run's own numbers (final loss, first perfect iteration, validation) and what it was trained with. */
export function showRunSummary(
  view: ExplorerView,
  run: ExplorerRun,
  start: StartRun & { imagesOf: string | null },
): void {
  const { record } = run;
  view.slider.max = String(record.settings.iterations);
  const final = record.history[record.settings.iterations]!;
  setValue(valueElement(view, 'final-loss'), formatLoss(final.loss), final.loss);
  const perfect = record.firstPerfectIteration;
  setValue(
    valueElement(view, 'first-perfect'),
    perfect === null ? 'never' : `iteration ${perfect}`,
    perfect === null ? 'none' : perfect,
  );
  for (const result of record.validation) {
    // Among the validation readouts only: a set's name (a CSV file's) could be "loss".
    const element = view.readouts.querySelector<HTMLElement>(
      `[data-validation-readout] [data-value="${CSS.escape(result.name)}"]`,
    );
    if (element !== null)
      setValue(
        element,
        formatAccuracy(result.accuracy, result.predictions.length),
        result.accuracy,
      );
  }
  const starts = sameSettings(run.values, start.values) && run.imagesOf === start.imagesOf;
  const startNote = starts ? ` (the ${start.whose}’s settings)` : '';
  view.showing.textContent = `${describeSettings(run.values, run.imagesOf)}${startNote}.`;
  view.root.dataset.diverged = String(run.lossRose);
}

/** The status line: what happened, and whether it is done, under way or a problem. */
export function setStatus(
  view: ExplorerView,
  text: string,
  kind: 'done' | 'busy' | 'problem',
): void {
  view.status.textContent = text;
  view.status.dataset.kind = kind;
}

/** While training: the buttons that start training off, and the explorer marked busy. */
export function setBusy(view: ExplorerView, busy: boolean): void {
  view.trainButton.disabled = busy;
  view.resetButton.disabled = busy;
  view.root.setAttribute('aria-busy', String(busy));
}

/** The element that shows the value `name` (loss, accuracy, final-loss, first-perfect). */
function valueElement(view: ExplorerView, name: string): HTMLElement {
  return find<HTMLElement>(view.root, `[data-value="${name}"]`);
}

/** Shows `text` and keeps the full-precision value in data-raw (String(x) reads back as the same double). */
function setValue(element: HTMLElement, text: string, raw: number | string): void {
  element.textContent = text;
  element.dataset.raw = String(raw);
}
