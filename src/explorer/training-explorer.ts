/**
 * The training explorer's behaviour in the page: it trains with the engine, shows the run with
 * explorer-view.ts, and wires the controls of src/components/TrainingExplorer.astro to the pure
 * modules beside this file. What it keeps (the run shown, the playback) lives in the Explorer
 * object of one startExplorer call, one per explorer on the page.
 */

import { validateSettings } from '../nn/settings.ts';
import type { Settings } from '../nn/types.ts';
import { loadCanvasFont } from './canvas-font.ts';
import {
  type ExplorerValues,
  explorerValues,
  fieldTexts,
  sameSettings,
} from './explorer-fields.ts';
import { type ExplorerForm, explorerForm } from './explorer-form.ts';
import {
  blowUpMessage,
  describeSettings,
  lossRoseMessage,
  trainedMessage,
} from './explorer-format.ts';
import { type ExplorerRun, runExplorer } from './explorer-run.ts';
import {
  drawFrame,
  type ExplorerView,
  explorerView,
  setBusy,
  setStatus,
  showIteration,
  showPlaying,
  showRunSummary,
} from './explorer-view.ts';
import { advance, createPlayback, type Playback, seek, step, togglePlay } from './playback.ts';
import { queryWithSettings, settingsFromQuery } from './url-settings.ts';

/** What the page passes in data-tutorial: the build's settings and the validation sets' titles. */
interface TutorialData {
  settings: Settings;
  validationTitles: Record<string, string>;
}

/** One explorer on the page: its elements, the tutorial it starts from, and what it shows now. */
interface Explorer {
  view: ExplorerView;
  tutorial: Settings;
  tutorialValues: ExplorerValues;
  /** The run shown (null until the first has trained), and the tutorial's once trained. */
  run: ExplorerRun | null;
  tutorialRun: ExplorerRun | null;
  playback: Playback;
  /** The pending animation frame of playing, and the time of the last one. */
  frameRequest: number;
  lastTime: number;
  /** The pending redraw after a resize or a change of scheme. */
  redrawRequest: number;
}

/** Starts the explorer whose root element is `root`: trains the run the URL asks for (or the tutorial's) and enables the controls. */
export async function startExplorer(root: HTMLElement): Promise<void> {
  const tutorialData = JSON.parse(root.dataset.tutorial ?? 'null') as TutorialData;
  const tutorial = validateSettings(tutorialData.settings, 'data-tutorial');
  const explorer: Explorer = {
    view: explorerView(root),
    tutorial,
    tutorialValues: explorerValues(tutorial),
    run: null,
    tutorialRun: null,
    playback: createPlayback(0),
    frameRequest: 0,
    lastTime: 0,
    redrawRequest: 0,
  };
  const settingsForm = explorerForm(explorer.view.form, explorer.tutorialValues);
  wireForm(explorer, settingsForm);
  wirePlayback(explorer);
  watchRedraws(explorer);
  for (const control of root.querySelectorAll<
    HTMLButtonElement | HTMLInputElement | HTMLSelectElement
  >('button, input, select'))
    control.disabled = false;
  await trainFirstRun(explorer, settingsForm);
  root.dataset.ready = 'true';
}

// ---- Showing -----------------------------------------------------------------------------------

/** The current iteration's numbers and frame. */
function showCurrent(explorer: Explorer): void {
  if (explorer.run === null) return;
  showIteration(explorer.view, explorer.run, explorer.playback);
  drawFrame(explorer.view.canvas, explorer.run, explorer.playback.iteration);
}

/** Shows `run` from its first iteration, paused. */
function showRun(explorer: Explorer, run: ExplorerRun): void {
  explorer.run = run;
  explorer.playback = createPlayback(run.record.settings.iterations);
  showRunSummary(explorer.view, run, explorer.tutorialValues);
  showPlaying(explorer.view, explorer.playback);
  showCurrent(explorer);
}

/** Redraws once, at the next frame: resizing the canvas inside a ResizeObserver callback would make it report again at once. */
function redrawSoon(explorer: Explorer): void {
  cancelAnimationFrame(explorer.redrawRequest);
  explorer.redrawRequest = requestAnimationFrame(() => {
    if (explorer.run !== null)
      drawFrame(explorer.view.canvas, explorer.run, explorer.playback.iteration);
  });
}

/**
 * Redraws when the canvas's displayed width or the screen's pixel ratio changes (the layout
 * follows the width, stacked on a phone; the buffer follows both), and in the page's colour
 * scheme when the reader (or the system, on auto) changes it.
 */
function watchRedraws(explorer: Explorer): void {
  const redraw = () => redrawSoon(explorer);
  new ResizeObserver(redraw).observe(explorer.view.canvas);
  watchPixelRatio(redraw);
  new MutationObserver(redraw).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}

// ---- Playing -----------------------------------------------------------------------------------

/** One animation frame of playing: moves on by the time since the last one. */
function playFrame(explorer: Explorer, time: number): void {
  // A long pause (a background tab) counts as one tenth of a second, not a leap to the end.
  const seconds = Math.min(0.1, (time - explorer.lastTime) / 1000);
  explorer.lastTime = time;
  const before = explorer.playback.iteration;
  explorer.playback = advance(explorer.playback, seconds);
  if (explorer.playback.iteration !== before) showCurrent(explorer);
  if (explorer.playback.playing)
    explorer.frameRequest = requestAnimationFrame((t) => playFrame(explorer, t));
  else showPlaying(explorer.view, explorer.playback);
}

/** Moves to playback state `next`: starts or stops playing, and shows its iteration. */
function update(explorer: Explorer, next: Playback): void {
  const wasPlaying = explorer.playback.playing;
  explorer.playback = next;
  if (next.playing && !wasPlaying) {
    explorer.lastTime = performance.now();
    explorer.frameRequest = requestAnimationFrame((t) => playFrame(explorer, t));
  }
  if (!next.playing) cancelAnimationFrame(explorer.frameRequest);
  showPlaying(explorer.view, next);
  showCurrent(explorer);
}

/** The play button, the steps back and forward, and the slider. */
function wirePlayback(explorer: Explorer): void {
  const { playButton, backButton, forwardButton, slider } = explorer.view;
  playButton.addEventListener('click', () => update(explorer, togglePlay(explorer.playback)));
  backButton.addEventListener('click', () => update(explorer, step(explorer.playback, -1)));
  forwardButton.addEventListener('click', () => update(explorer, step(explorer.playback, 1)));
  slider.addEventListener('input', () =>
    update(explorer, seek(explorer.playback, Number(slider.value))),
  );
}

// ---- Training ----------------------------------------------------------------------------------

/** Trains `values` and shows the run; returns a divergence message (the run is shown anyway if it exists) or null. */
function trainAndShow(explorer: Explorer, values: ExplorerValues): string | null {
  const { tutorial, tutorialValues } = explorer;
  if (explorer.tutorialRun !== null && sameSettings(values, tutorialValues)) {
    showRun(explorer, explorer.tutorialRun);
    setStatus(explorer.view, 'The tutorial’s run, as trained when the explorer started.', 'done');
    return null;
  }
  const started = performance.now();
  const outcome = runExplorer(tutorial, values);
  const elapsed = performance.now() - started;
  if (!outcome.ok)
    return blowUpMessage(
      outcome.blowUp.iteration,
      outcome.blowUp.learningRate,
      tutorial.learningRate,
    );
  if (sameSettings(values, tutorialValues)) explorer.tutorialRun = outcome.run;
  showRun(explorer, outcome.run);
  const { history } = outcome.run.record;
  if (outcome.run.lossRose)
    return lossRoseMessage(
      history[0]!.loss,
      history[history.length - 1]!.loss,
      values.learningRate,
      tutorial.learningRate,
    );
  setStatus(explorer.view, trainedMessage(values.iterations, elapsed), 'done');
  return null;
}

/** Trains `values` with the status line saying so; after a divergence, keeps (or restores) a run to show and says which. */
async function trainRequested(explorer: Explorer, values: ExplorerValues): Promise<void> {
  const { view } = explorer;
  update(explorer, seek(explorer.playback, explorer.playback.iteration));
  setStatus(view, 'Training…', 'busy');
  setBusy(view, true);
  // Let the page paint "Training…" before the (synchronous) engine takes the thread.
  await nextPaint();
  try {
    const divergence = trainAndShow(explorer, values);
    if (divergence !== null) {
      if (explorer.run === null) trainAndShow(explorer, explorer.tutorialValues);
      const { run } = explorer;
      const kept =
        run === null
          ? ''
          : ` Still showing the last run that trained: ${describeSettings(run.values)}.`;
      const same = run !== null && sameSettings(run.values, values);
      setStatus(view, divergence + (same ? '' : kept), 'problem');
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setStatus(view, `Could not train: ${message}`, 'problem');
  } finally {
    setBusy(view, false);
  }
}

/** The first run: the one the page's address asks for, or the tutorial's (saying so when the address's settings cannot be used). */
async function trainFirstRun(explorer: Explorer, settingsForm: ExplorerForm): Promise<void> {
  const fromUrl = settingsFromQuery(location.search, explorer.tutorialValues);
  settingsForm.fill(fromUrl.texts, fromUrl.problems);
  await loadCanvasFont();
  if (!fromUrl.present) {
    await trainRequested(explorer, explorer.tutorialValues);
  } else if (Object.keys(fromUrl.problems).length > 0) {
    await trainRequested(explorer, explorer.tutorialValues);
    setStatus(
      explorer.view,
      'Some settings in this page’s address cannot be used (see the messages beside them); showing the tutorial’s run.',
      'problem',
    );
  } else {
    await trainRequested(explorer, fromUrl.values);
  }
}

// ---- The form ----------------------------------------------------------------------------------

/** Replaces the page's address with one that holds `values` (null: the tutorial's, no settings in it). */
function rememberSettings(values: ExplorerValues | null): void {
  window.history.replaceState(
    window.history.state,
    '',
    `${location.pathname}${queryWithSettings(location.search, values)}${location.hash}`,
  );
}

/** Train trains the form's settings (if they can be read) and puts them in the address; Reset goes back to the tutorial's. */
function wireForm(explorer: Explorer, settingsForm: ExplorerForm): void {
  const { view, tutorialValues } = explorer;
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = settingsForm.read();
    if (values === null) {
      const fix = 'Some settings need fixing before training (see the messages beside them).';
      setStatus(view, fix, 'problem');
      return;
    }
    rememberSettings(values);
    void trainRequested(explorer, values);
  });
  view.resetButton.addEventListener('click', () => {
    settingsForm.fill(fieldTexts(tutorialValues), {});
    rememberSettings(null);
    void trainRequested(explorer, tutorialValues).then(() => {
      if (view.status.dataset.kind === 'done')
        setStatus(view, 'Back to the tutorial’s settings.', 'done');
    });
  });
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
