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
  type StartRun,
  sameSettings,
  type Whose,
} from './explorer-fields.ts';
import { type ExplorerForm, explorerForm } from './explorer-form.ts';
import {
  blowUpMessage,
  describeSettings,
  imagesInsteadMessage,
  lossRoseMessage,
  trainedMessage,
  unknownImagesMessage,
} from './explorer-format.ts';
import type { ImageFiles } from './explorer-images.ts';
import { type ExplorerRun, type OwnImages, runExplorer } from './explorer-run.ts';
import {
  drawFrame,
  type ExplorerView,
  explorerView,
  setBusy,
  setStatus,
  showDataSeed,
  showIteration,
  showPlaying,
  showRunSummary,
  showValidationReadouts,
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
  /** Whose run the explorer starts from, as its text names it. */
  whose: Whose;
}

/** One explorer on the page: its elements, the tutorial it starts from, and what it shows now. */
interface Explorer {
  view: ExplorerView;
  tutorial: Settings;
  tutorialValues: ExplorerValues;
  /** Whose run the explorer starts from ("tutorial", or another "experiment"), as its text names it. */
  whose: Whose;
  /** The validation sets of the data seed's images (their names and titles). */
  seedValidation: { name: string; title: string }[];
  /** Where each experiment's own images are, the ones read so far, and those the explorer starts on. */
  imageFiles: Record<string, ImageFiles>;
  loadedImages: Map<string, Promise<Datasets>>;
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
    whose: tutorialData.whose,
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
  const imagesProblem = await useFirstImages(explorer);
  // Not even the explorer's own images could be read: the status line says so, and nothing works.
  if (imagesProblem === undefined) return;
  wireForm(explorer, settingsForm);
  wirePlayback(explorer);
  watchRedraws(explorer);
  for (const control of root.querySelectorAll<
    HTMLButtonElement | HTMLInputElement | HTMLSelectElement
  >('button, input, select'))
    control.disabled = false;
  await trainFirstRun(explorer, settingsForm);
  if (imagesProblem !== null) setStatus(explorer.view, imagesProblem, 'problem');
  root.dataset.ready = 'true';
}

// ---- Images ------------------------------------------------------------------------------------

/**
 * The first images: those the address asks for (images=NAME) if the site has them and they can
 * be read, else the explorer's own. Resolves with what the reader must be told about the
 * address's (null: nothing), or undefined when not even the explorer's own could be read.
 */
async function useFirstImages(explorer: Explorer): Promise<string | null | undefined> {
  const { imageFiles, startImages } = explorer;
  const asked = imagesFromQuery(location.search);
  const known = asked === null || Object.hasOwn(imageFiles, asked);
  const wanted = asked !== null && known ? asked : startImages;
  const failure = await useImages(explorer, wanted);
  const instead = imagesInsteadMessage(startImages);
  if (failure === null)
    return known ? null : unknownImagesMessage(asked!, Object.keys(imageFiles), instead);
  if (wanted !== startImages && (await useImages(explorer, startImages)) === null)
    return `${failure} ${instead}`;
  setStatus(explorer.view, failure, 'problem');
  return undefined;
}

/**
 * Makes the runs train on the images of `experiment` (read from its CSV files the first time) or,
 * when it is null, on the data seed's, and shows which. Resolves with null, or with what to tell
 * the reader when the files could not be read (the images then stay as they were).
 */
async function useImages(explorer: Explorer, experiment: string | null): Promise<string | null> {
  const { view, tutorial } = explorer;
  if (experiment === null) {
    explorer.images = null;
    showDataSeed(view, null, tutorial.dataSeed);
    showValidationReadouts(view, explorer.seedValidation);
    return null;
  }
  const files = explorer.imageFiles[experiment]!;
  if (!explorer.loadedImages.has(experiment))
    setStatus(view, `Loading the images of experiment “${experiment}”…`, 'busy');
  try {
    explorer.images = { experiment, datasets: await readImages(explorer, experiment) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `Could not load the images of experiment “${experiment}”: ${message}.`;
  }
  showDataSeed(view, experiment, files.dataSeed);
  showValidationReadouts(view, files.validation);
  return null;
}

/** Experiment `experiment`'s images, read once: later calls share the first read (one that failed is tried again). */
function readImages(explorer: Explorer, experiment: string): Promise<Datasets> {
  let reading = explorer.loadedImages.get(experiment);
  if (reading === undefined) {
    // Loaded only here: the CSV reader is no part of an explorer that never needs it.
    reading = import('./explorer-images.ts').then(({ fetchSiteText, loadImages }) =>
      loadImages(explorer.imageFiles[experiment]!, fetchSiteText),
    );
    explorer.loadedImages.set(experiment, reading);
    reading.catch(() => explorer.loadedImages.delete(experiment));
  }
  return reading;
}

/** `values` as a run on `images` trains them: on an experiment's own images, with its data seed. */
function valuesFor(
  explorer: Explorer,
  values: ExplorerValues,
  images: OwnImages | null,
): ExplorerValues {
  if (images === null) return values;
  return { ...values, dataSeed: explorer.imageFiles[images.experiment]!.dataSeed };
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
    whose: explorer.whose,
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

/** Trains `values` on `images` and shows the run; returns a divergence message (the run is shown anyway if it exists) or null. */
function trainAndShow(
  explorer: Explorer,
  values: ExplorerValues,
  images: OwnImages | null,
): string | null {
  const { tutorial, tutorialValues } = explorer;
  const tutorials =
    sameSettings(values, tutorialValues) && (images?.experiment ?? null) === explorer.startImages;
  if (explorer.tutorialRun !== null && tutorials) {
    showRun(explorer, explorer.tutorialRun);
    const message = `The ${explorer.whose}’s run, as trained when the explorer started.`;
    setStatus(explorer.view, message, 'done');
    return null;
  }
  const started = performance.now();
  const outcome = runExplorer(tutorial, values, images);
  const elapsed = performance.now() - started;
  if (!outcome.ok)
    return blowUpMessage(outcome.blowUp.iteration, outcome.blowUp.learningRate, startRun(explorer));
  if (tutorials) explorer.tutorialRun = outcome.run;
  showRun(explorer, outcome.run);
  const { history } = outcome.run.record;
  if (outcome.run.lossRose)
    return lossRoseMessage(
      { first: history[0]!.loss, last: history[history.length - 1]!.loss },
      values.learningRate,
      startRun(explorer),
    );
  setStatus(explorer.view, trainedMessage(values.iterations, elapsed), 'done');
  return null;
}

/** Trains `values` with the status line saying so; after a divergence, keeps (or restores) a run to show and says which. */
async function trainRequested(explorer: Explorer, asked: ExplorerValues): Promise<void> {
  const { view, images } = explorer;
  // Images read from files are the same whatever the data seed: the run keeps the experiment's.
  const values = valuesFor(explorer, asked, images);
  update(explorer, seek(explorer.playback, explorer.playback.iteration));
  setStatus(view, 'Training…', 'busy');
  setBusy(view, true);
  // Let the page paint "Training…" before the (synchronous) engine takes the thread.
  await nextPaint();
  try {
    const divergence = trainAndShow(explorer, values, images);
    if (divergence !== null) {
      if (explorer.run === null)
        trainAndShow(explorer, valuesFor(explorer, explorer.tutorialValues, images), images);
      const { run } = explorer;
      const kept =
        run === null
          ? ''
          : ` Still showing the last run that trained: ${describeSettings(run.values, run.imagesOf)}.`;
      const same =
        run !== null &&
        sameSettings(run.values, values) &&
        run.imagesOf === (images?.experiment ?? null);
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
  if (explorer.images !== null) {
    // The data seed's field is fixed at the experiment's: an address's own seed is not used.
    const { dataSeed } = valuesFor(explorer, fromUrl.values, explorer.images);
    fromUrl.texts.dataSeed = fieldText(dataSeed);
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
      `Some settings in this page’s address cannot be used (see the messages beside them); the run has the ${explorer.whose}’s settings instead.`,
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
  const own = explorer.images?.experiment ?? null;
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
      // Nothing is trained while the images are read: Train and Reset wait for them.
      setBusy(view, true);
      const failure = await useImages(explorer, explorer.startImages);
      setBusy(view, false);
      if (failure !== null) {
        setStatus(view, failure, 'problem');
        return;
      }
      settingsForm.fill(fieldTexts(tutorialValues), {});
      rememberSettings(explorer, null);
      await trainRequested(explorer, tutorialValues);
      if (view.status.dataset.kind === 'done')
        setStatus(view, `Back to the ${explorer.whose}’s settings.`, 'done');
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

/** The run the explorer starts from, for the messages that name it. */
function startRun(explorer: Explorer): StartRun {
  return { values: explorer.tutorialValues, whose: explorer.whose };
}
