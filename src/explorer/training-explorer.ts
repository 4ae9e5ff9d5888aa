/**
 * The training explorer's behaviour in the page: it trains with the engine, draws frames with the
 * figures' own drawing function (in the page's colour scheme), and wires the markup of src/components/TrainingExplorer.astro
 * (found through data-* hooks) to the pure modules beside this file. Everything it keeps lives
 * in the closure of one startExplorer call, one per explorer on the page.
 */

import { schemeContext } from '../figures/colour-scheme.ts';
import { drawTrainingFrame } from '../figures/training-frame-figure.ts';
import { trainingFrameLayout } from '../figures/training-frame-layout.ts';
import { type Datasets, generateDatasets } from '../nn/datasets.ts';
import { validateSettings } from '../nn/settings.ts';
import type { Settings } from '../nn/types.ts';
import { canvasBacking } from './canvas-backing.ts';
import { loadCanvasFont } from './canvas-font.ts';
import {
  EXPLORER_FIELDS,
  type ExplorerKey,
  type ExplorerValues,
  explorerValues,
  fieldText,
} from './explorer-fields.ts';
import { explorerForm, find } from './explorer-form.ts';
import {
  blowUpMessage,
  describeSettings,
  formatAccuracy,
  formatLoss,
  lossRoseMessage,
  sameSettings,
  trainedMessage,
} from './explorer-format.ts';
import { type ExplorerRun, runExplorer } from './explorer-run.ts';
import { frameLayoutWidth } from './frame-width.ts';
import { pageScheme } from './page-scheme.ts';
import { advance, createPlayback, type Playback, seek, step, togglePlay } from './playback.ts';
import { queryWithSettings, settingsFromQuery } from './url-settings.ts';

/** What the page passes in data-tutorial: the build's settings and the validation sets' titles. */
interface TutorialData {
  settings: Settings;
  validationTitles: Record<string, string>;
}

/** Starts the explorer whose root element is `root`: trains the run the URL asks for (or the tutorial's) and enables the controls. */
export async function startExplorer(root: HTMLElement): Promise<void> {
  const tutorialData = JSON.parse(root.dataset.tutorial ?? 'null') as TutorialData;
  const tutorial = validateSettings(tutorialData.settings, 'data-tutorial');
  const tutorialValues = explorerValues(tutorial);
  const datasets: Datasets = generateDatasets(tutorial.dataSeed);

  const canvas = find<HTMLCanvasElement>(root, 'canvas[data-frame]');
  const slider = find<HTMLInputElement>(root, 'input[data-slider]');
  const playButton = find<HTMLButtonElement>(root, '[data-action="play"]');
  const backButton = find<HTMLButtonElement>(root, '[data-action="back"]');
  const forwardButton = find<HTMLButtonElement>(root, '[data-action="forward"]');
  const resetButton = find<HTMLButtonElement>(root, '[data-action="reset"]');
  const trainButton = find<HTMLButtonElement>(root, '[data-action="train"]');
  const form = find<HTMLFormElement>(root, 'form[data-form]');
  const status = find<HTMLElement>(root, '[data-status]');
  const iterationText = find<HTMLElement>(root, '[data-iteration]');
  const showing = find<HTMLElement>(root, '[data-showing]');
  const value = (name: string) => find<HTMLElement>(root, `[data-value="${name}"]`);

  let run: ExplorerRun | null = null;
  let tutorialRun: ExplorerRun | null = null;
  let playback: Playback = createPlayback(0);
  let frameRequest = 0;
  let lastTime = 0;

  // ---- Drawing ---------------------------------------------------------------------------------

  const draw = (): void => {
    if (run === null) return;
    const { record, scaleMax } = run;
    const snapshot = record.frames[playback.iteration];
    if (snapshot === undefined) return;
    // Laid out for the width it is shown at (a stacked frame on a phone), drawn at the screen's pixel ratio.
    const shown = canvas.getBoundingClientRect().width;
    const width = frameLayoutWidth(shown);
    const layout = trainingFrameLayout(
      snapshot.params.W1.rows,
      record.datasets.train.labels.length,
      width,
    );
    const backing = canvasBacking(layout.width, layout.height, shown, window.devicePixelRatio);
    // The buffer's size sets the canvas's aspect ratio (its CSS height is auto), so the frame is never stretched.
    if (canvas.width !== backing.width) canvas.width = backing.width;
    if (canvas.height !== backing.height) canvas.height = backing.height;
    canvas.dataset.layoutWidth = String(width);
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    ctx.setTransform(backing.scale, 0, 0, backing.scale, 0, 0);
    drawTrainingFrame(
      schemeContext(ctx, pageScheme()),
      {
        snapshot,
        history: record.history,
        labels: record.datasets.train.labels,
        firstPerfectIteration: record.firstPerfectIteration,
        parameterScaleMax: scaleMax,
      },
      width,
    );
  };

  /** Redraws once, at the next frame: resizing the canvas inside a ResizeObserver callback would make it report again at once. */
  let redrawRequest = 0;
  const redrawSoon = (): void => {
    cancelAnimationFrame(redrawRequest);
    redrawRequest = requestAnimationFrame(draw);
  };

  const showIteration = (): void => {
    if (run === null) return;
    const { history } = run.record;
    const entry = history[playback.iteration]!;
    const last = playback.last;
    const total = run.record.datasets.train.labels.length;
    slider.value = String(playback.iteration);
    slider.setAttribute('aria-valuetext', `${playback.iteration} of ${last}`);
    iterationText.textContent = `${playback.iteration} of ${last}`;
    setValue(value('loss'), formatLoss(entry.loss), entry.loss);
    setValue(value('accuracy'), formatAccuracy(entry.accuracy, total), entry.accuracy);
    canvas.setAttribute(
      'aria-label',
      `The network at iteration ${playback.iteration} of ${last}: loss ${formatLoss(entry.loss)}, ` +
        `training accuracy ${formatAccuracy(entry.accuracy, total)}.`,
    );
    // aria-disabled rather than disabled: a button that focus is on must keep it at either end.
    backButton.setAttribute('aria-disabled', String(playback.iteration === 0));
    forwardButton.setAttribute('aria-disabled', String(playback.iteration === last));
    draw();
  };

  const showPlaying = (): void => {
    playButton.setAttribute('aria-pressed', String(playback.playing));
    playButton.dataset.playing = String(playback.playing);
    find<HTMLElement>(playButton, '[data-label]').textContent = playback.playing ? 'Pause' : 'Play';
  };

  const showRun = (shown: ExplorerRun): void => {
    run = shown;
    const { record } = shown;
    const last = record.settings.iterations;
    playback = createPlayback(last);
    slider.max = String(last);
    const final = record.history[last]!;
    setValue(value('final-loss'), formatLoss(final.loss), final.loss);
    const perfect = record.firstPerfectIteration;
    setValue(
      value('first-perfect'),
      perfect === null ? 'never' : `iteration ${perfect}`,
      perfect === null ? 'none' : perfect,
    );
    for (const result of record.validation) {
      const element = root.querySelector<HTMLElement>(`[data-value="${result.name}"]`);
      if (element !== null)
        setValue(
          element,
          formatAccuracy(result.accuracy, result.predictions.length),
          result.accuracy,
        );
    }
    const tutorialNote = sameSettings(shown.values, tutorialValues)
      ? ' (the tutorial’s settings)'
      : '';
    showing.textContent = `${describeSettings(shown.values)}${tutorialNote}.`;
    root.dataset.diverged = String(shown.lossRose);
    showPlaying();
    showIteration();
  };

  // ---- Playing ---------------------------------------------------------------------------------

  const onFrame = (time: number): void => {
    // A long pause (a background tab) counts as one tenth of a second, not a leap to the end.
    const seconds = Math.min(0.1, (time - lastTime) / 1000);
    lastTime = time;
    const before = playback.iteration;
    playback = advance(playback, seconds);
    if (playback.iteration !== before) showIteration();
    if (playback.playing) frameRequest = requestAnimationFrame(onFrame);
    else showPlaying();
  };

  const update = (next: Playback): void => {
    const wasPlaying = playback.playing;
    playback = next;
    if (playback.playing && !wasPlaying) {
      lastTime = performance.now();
      frameRequest = requestAnimationFrame(onFrame);
    }
    if (!playback.playing) cancelAnimationFrame(frameRequest);
    showPlaying();
    showIteration();
  };

  // ---- Training --------------------------------------------------------------------------------

  /** Trains `values` and shows the run; returns a divergence message (the run is shown anyway if it exists) or null. */
  const trainAndShow = (values: ExplorerValues): string | null => {
    if (tutorialRun !== null && sameSettings(values, tutorialValues)) {
      showRun(tutorialRun);
      setStatus('The tutorial’s run, as trained when the explorer started.', 'done');
      return null;
    }
    const started = performance.now();
    const outcome = runExplorer(tutorial, values, datasets);
    const elapsed = performance.now() - started;
    if (!outcome.ok)
      return blowUpMessage(
        outcome.blowUp.iteration,
        outcome.blowUp.learningRate,
        tutorial.learningRate,
      );
    if (sameSettings(values, tutorialValues)) tutorialRun = outcome.run;
    showRun(outcome.run);
    const { history } = outcome.run.record;
    if (outcome.run.lossRose) {
      return lossRoseMessage(
        history[0]!.loss,
        history[history.length - 1]!.loss,
        values.learningRate,
        tutorial.learningRate,
      );
    }
    setStatus(trainedMessage(values.iterations, elapsed), 'done');
    return null;
  };

  const setStatus = (text: string, kind: 'done' | 'busy' | 'problem'): void => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  /** Shows the runs' text for `values` and a divergence, keeping or restoring a drawable run. */
  const trainRequested = async (values: ExplorerValues): Promise<void> => {
    update(seek(playback, playback.iteration));
    setStatus('Training…', 'busy');
    setBusy(true);
    // Let the page paint "Training…" before the (synchronous) engine takes the thread.
    await nextPaint();
    try {
      const divergence = trainAndShow(values);
      if (divergence !== null) {
        if (run === null) trainAndShow(tutorialValues);
        const kept =
          run === null
            ? ''
            : ` Still showing the last run that trained: ${describeSettings(run.values)}.`;
        setStatus(
          divergence + (run !== null && sameSettings(run.values, values) ? '' : kept),
          'problem',
        );
      }
    } catch (error) {
      setStatus(
        `Could not train: ${error instanceof Error ? error.message : String(error)}`,
        'problem',
      );
    } finally {
      setBusy(false);
    }
  };

  const setBusy = (busy: boolean): void => {
    trainButton.disabled = busy;
    resetButton.disabled = busy;
    root.setAttribute('aria-busy', String(busy));
  };

  // ---- The form --------------------------------------------------------------------------------

  const settingsForm = explorerForm(form, tutorialValues);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = settingsForm.read();
    if (values === null) {
      setStatus(
        'Some settings need fixing before training (see the messages beside them).',
        'problem',
      );
      return;
    }
    window.history.replaceState(
      window.history.state,
      '',
      `${location.pathname}${queryWithSettings(location.search, values)}${location.hash}`,
    );
    void trainRequested(values);
  });

  resetButton.addEventListener('click', () => {
    const texts = Object.fromEntries(
      EXPLORER_FIELDS.map((f) => [f.key, fieldText(tutorialValues[f.key])]),
    ) as Record<ExplorerKey, string>;
    settingsForm.fill(texts, {});
    window.history.replaceState(
      window.history.state,
      '',
      `${location.pathname}${queryWithSettings(location.search, null)}${location.hash}`,
    );
    void trainRequested(tutorialValues).then(() => {
      if (status.dataset.kind === 'done') setStatus('Back to the tutorial’s settings.', 'done');
    });
  });

  // ---- Playback controls -----------------------------------------------------------------------

  playButton.addEventListener('click', () => update(togglePlay(playback)));
  backButton.addEventListener('click', () => update(step(playback, -1)));
  forwardButton.addEventListener('click', () => update(step(playback, 1)));
  slider.addEventListener('input', () => update(seek(playback, Number(slider.value))));

  // Redraw when the canvas's displayed width or the screen's pixel ratio changes: the layout
  // follows the width (stacked on a phone), the buffer follows both.
  new ResizeObserver(redrawSoon).observe(canvas);
  watchPixelRatio(redrawSoon);
  // And in the page's colour scheme, when the reader (or the system, on auto) changes it.
  new MutationObserver(redrawSoon).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });

  // ---- Start -----------------------------------------------------------------------------------

  for (const control of root.querySelectorAll<
    HTMLButtonElement | HTMLInputElement | HTMLSelectElement
  >('button, input, select'))
    control.disabled = false;
  const fromUrl = settingsFromQuery(location.search, tutorialValues);
  settingsForm.fill(fromUrl.texts, fromUrl.problems);
  await loadCanvasFont();
  if (!fromUrl.present) {
    await trainRequested(tutorialValues);
  } else if (Object.keys(fromUrl.problems).length > 0) {
    await trainRequested(tutorialValues);
    setStatus(
      'Some settings in this page’s address cannot be used (see the messages beside them); showing the tutorial’s run.',
      'problem',
    );
  } else {
    await trainRequested(fromUrl.values);
  }
  root.dataset.ready = 'true';
}

/** Shows `text` and keeps the full-precision value in data-raw (String(x) reads back as the same double). */
function setValue(element: HTMLElement, text: string, raw: number | string): void {
  element.textContent = text;
  element.dataset.raw = String(raw);
}

/** Resolves after the browser has had a chance to paint. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Calls `changed` whenever devicePixelRatio changes (browser zoom, a move to another screen). */
function watchPixelRatio(changed: () => void): void {
  const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
  query.addEventListener(
    'change',
    () => {
      changed();
      watchPixelRatio(changed);
    },
    { once: true },
  );
}
