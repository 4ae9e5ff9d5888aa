/**
 * The training explorer's behaviour in the page: it trains with the engine, shows the run with
 * explorer-view.ts, and wires the controls of src/components/TrainingExplorer.astro to the pure
 * modules beside this file. What it keeps (the run shown, the playback) lives in the Explorer
 * object of one startExplorer call, one per explorer on the page.
 */

import type { Datasets } from '../nn/datasets.ts';
import { validateSettings } from '../nn/settings.ts';
import type { Settings } from '../nn/types.ts';
import { loadCanvasFont } from './canvas-font.ts';
import {
  type ExplorerValues,
  explorerValues,
  fieldText,
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
import type { ImageFiles } from './explorer-images.ts';
import { type ExplorerRun, type OwnImages, runExplorer } from './explorer-run.ts';
import {
  drawFrame,
  type ExplorerView,
  explorerView,
  setBusy,
  setStatus,
  showImages,
  showIteration,
  showPlaying,
  showRunSummary,
} from './explorer-view.ts';
import { advance, createPlayback, type Playback, seek, step, togglePlay } from './playback.ts';
import {
  imagesFromQuery,
  queryWithImages,
  queryWithSettings,
  settingsFromQuery,
} from './url-settings.ts';

/** What the page passes in data-tutorial: the build's settings and the validation sets' titles, and the images of experiments that bring their own. */
interface TutorialData {
  settings: Settings;
  validationTitles: Record<string, string>;
  /** The experiment whose own images the explorer starts on (its experiment, if that has CSV files); null: the data seed's. */
  images: string | null;
  /** Where each experiment with images of its own has them: the ones an address may ask for. */
  imageFiles: Record<string, ImageFiles>;
}

/** One explorer on the page: its elements, the tutorial it starts from, and what it shows now. */
interface Explorer {
  view: ExplorerView;
  tutorial: Settings;
  tutorialValues: ExplorerValues;
  /** The validation sets of the data seed's images (their names and titles). */
  seedValidation: { name: string; title: string }[];
  /** Where each experiment's own images are, the ones read so far, and those the explorer starts on. */
  imageFiles: Record<string, ImageFiles>;
  loadedImages: Map<string, Datasets>;
  startImages: string | null;
  /** The images the runs train on now (null: the data seed's). */
  images: OwnImages | null;
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
    seedValidation: Object.entries(tutorialData.validationTitles).map(([name, title]) => ({
      name,
      title,
    })),
    imageFiles: tutorialData.imageFiles,
    loadedImages: new Map(),
    startImages: tutorialData.images,
    images: null,
    run: null,
    tutorialRun: null,
    playback: createPlayback(0),
    frameRequest: 0,
    lastTime: 0,
    redrawRequest: 0,
  };
  const settingsForm = explorerForm(explorer.view.form, explorer.tutorialValues);
  // The images first: the address may ask for an experiment's own, and they must be read.
  const asked = imagesFromQuery(location.search);
  const unknown = asked !== null && !Object.hasOwn(explorer.imageFiles, asked);
  if (!(await useImages(explorer, unknown || asked === null ? explorer.startImages : asked)))
    return;
  wireForm(explorer, settingsForm);
  wirePlayback(explorer);
  watchRedraws(explorer);
  for (const control of root.querySelectorAll<
    HTMLButtonElement | HTMLInputElement | HTMLSelectElement
  >('button, input, select'))
    control.disabled = false;
  await trainFirstRun(explorer, settingsForm);
  if (unknown) setStatus(explorer.view, unknownImagesMessage(asked!, explorer), 'problem');
  root.dataset.ready = 'true';
}

/** What the reader is told when the address names images this site does not have. */
function unknownImagesMessage(asked: string, explorer: Explorer): string {
  const known = Object.keys(explorer.imageFiles).map((name) => `“${name}”`);
  const which =
    known.length === 0
      ? 'none of this site’s experiments has'
      : `only ${known.join(', ')} ${known.length === 1 ? 'has' : 'have'}`;
  const shown =
    explorer.startImages === null
      ? 'the images of the data seed'
      : `the images of experiment “${explorer.startImages}”`;
  return `This page’s address asks for the images of experiment “${asked}”, but ${which} images of their own: the run uses ${shown}.`;
}

/**
 * Makes the runs train on the images of `experiment` (read from its CSV files the first time) or,
 * when it is null, on the data seed's, and shows which. False after saying on the status line
 * that the files could not be read: the images stay as they were.
 */
async function useImages(explorer: Explorer, experiment: string | null): Promise<boolean> {
  const { view, tutorial } = explorer;
  if (experiment === null) {
    explorer.images = null;
    showImages(view, { experiment, validation: explorer.seedValidation }, tutorial.dataSeed);
    return true;
  }
  const files = explorer.imageFiles[experiment]!;
  let datasets = explorer.loadedImages.get(experiment);
  if (datasets === undefined) {
    setStatus(view, `Loading the images of experiment “${experiment}”…`, 'busy');
    try {
      // Loaded only here: the CSV reader is no part of an explorer that never needs it.
      const { fetchSiteText, loadImages } = await import('./explorer-images.ts');
      datasets = await loadImages(files, fetchSiteText);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus(
        view,
        `Could not load the images of experiment “${experiment}”: ${message}`,
        'problem',
      );
      return false;
    }
    explorer.loadedImages.set(experiment, datasets);
  }
  explorer.images = { experiment, datasets };
  showImages(view, { experiment, validation: files.validation }, files.dataSeed);
  return true;
}

/** The experiment whose own images the runs train on now (null: the data seed's). */
function imagesNow(explorer: Explorer): string | null {
  return explorer.images?.experiment ?? null;
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
  showRunSummary(explorer.view, run, {
    values: explorer.tutorialValues,
    imagesOf: explorer.startImages,
  });
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
  const tutorials =
    sameSettings(values, tutorialValues) && imagesNow(explorer) === explorer.startImages;
  if (explorer.tutorialRun !== null && tutorials) {
    showRun(explorer, explorer.tutorialRun);
    setStatus(explorer.view, 'The tutorial’s run, as trained when the explorer started.', 'done');
    return null;
  }
  const started = performance.now();
  const outcome = runExplorer(tutorial, values, explorer.images);
  const elapsed = performance.now() - started;
  if (!outcome.ok)
    return blowUpMessage(
      outcome.blowUp.iteration,
      outcome.blowUp.learningRate,
      tutorial.learningRate,
    );
  if (tutorials) explorer.tutorialRun = outcome.run;
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
async function trainRequested(explorer: Explorer, asked: ExplorerValues): Promise<void> {
  const { view } = explorer;
  // Images read from files are the same whatever the data seed: the run keeps the experiment's.
  const own = imagesNow(explorer);
  const values = own === null ? asked : { ...asked, dataSeed: explorer.imageFiles[own]!.dataSeed };
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
          : ` Still showing the last run that trained: ${describeSettings(run.values, run.imagesOf)}.`;
      const same = run !== null && sameSettings(run.values, values) && run.imagesOf === own;
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
  const own = imagesNow(explorer);
  if (own !== null) {
    // The data seed's field is fixed at the experiment's: an address's own seed is not used.
    fromUrl.texts.dataSeed = fieldText(explorer.imageFiles[own]!.dataSeed);
    delete fromUrl.problems.dataSeed;
  }
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

/**
 * Replaces the page's address with one that holds `values` (null: the tutorial's, no settings in
 * it) and names the images the runs train on, unless they are the ones the explorer starts on.
 */
function rememberSettings(explorer: Explorer, values: ExplorerValues | null): void {
  const own = imagesNow(explorer);
  const images = own === explorer.startImages ? null : own;
  const query = queryWithImages(queryWithSettings(location.search, values), images);
  window.history.replaceState(
    window.history.state,
    '',
    `${location.pathname}${query}${location.hash}`,
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
    rememberSettings(explorer, values);
    void trainRequested(explorer, values);
  });
  view.resetButton.addEventListener('click', () => {
    void (async () => {
      if (!(await useImages(explorer, explorer.startImages))) return;
      settingsForm.fill(fieldTexts(tutorialValues), {});
      rememberSettings(explorer, null);
      await trainRequested(explorer, tutorialValues);
      if (view.status.dataset.kind === 'done')
        setStatus(view, 'Back to the tutorial’s settings.', 'done');
    })();
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
