/**
 * The explorer's text: numbers as the reader sees them, the description of a run's settings and
 * the messages about a run. Pure: numbers in, strings out.
 */
import type { InitScheme } from '../nn/types.ts';
import type { ExplorerValues, StartRun } from './explorer-fields.ts';

/** A loss with 4 significant digits: 16.10, 0.7457, 8933, 0.0001230. */
export function formatLoss(loss: number): string {
  if (!Number.isFinite(loss)) return String(loss);
  if (loss === 0) return '0';
  return loss.toPrecision(4);
}

/** A fraction as a percentage with at most one decimal: 1 -> "100%", 0.958333 -> "95.8%". */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  const rounded = Math.round(percent * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}

/** An accuracy with its count: (0.75, 24) -> "75% (18 of 24)". */
export function formatAccuracy(accuracy: number, total: number): string {
  return `${formatPercent(accuracy)} (${Math.round(accuracy * total)} of ${total})`;
}

/** How a run's description names its initial weights. */
const INIT_PHRASES: Record<InitScheme, string> = {
  xavier: 'Xavier initialisation',
  he: 'He initialisation',
  zeros: 'all weights starting at 0',
  large: 'initial weights 10 times Xavier',
};

/**
 * "learning rate 0.05, 8 hidden units, He initialisation, 300 iterations, weight seed 3, data seed
 * 2024"; with `imagesOf`, the images named by their experiment instead of the data seed ("...,
 * weight seed 3, the images of experiment “mine”").
 */
export function describeSettings(
  values: Readonly<ExplorerValues>,
  imagesOf: string | null = null,
): string {
  const units = values.hiddenUnits === 1 ? '1 hidden unit' : `${values.hiddenUnits} hidden units`;
  const iterations = values.iterations === 1 ? '1 iteration' : `${values.iterations} iterations`;
  const images = imagesOf === null ? `data seed ${values.dataSeed}` : imagesPhrase(imagesOf);
  return `learning rate ${values.learningRate}, ${units}, ${INIT_PHRASES[values.init]}, ${iterations}, weight seed ${values.seed}, ${images}`;
}

/** "the images of experiment “mine”". */
function imagesPhrase(experiment: string): string {
  return `the images of experiment “${experiment}”`;
}

/** The data seed's hint while the images come from experiment `experiment`'s CSV files. */
export function fixedSeedHint(experiment: string): string {
  return `Not used: the run trains on ${imagesPhrase(experiment)} (its CSV files)`;
}

/** What the run trains on when the address's images cannot be used: "The run uses the images of experiment “mine”." */
export function imagesInsteadMessage(startImages: string | null): string {
  const images = startImages === null ? 'the data seed’s images' : imagesPhrase(startImages);
  return `The run uses ${images}.`;
}

/** What the reader is told when the address asks for the images of `asked`, which is none of the experiments that have their own (`known`). */
export function unknownImagesMessage(
  asked: string,
  known: readonly string[],
  instead: string,
): string {
  const names = known.map((name) => `“${name}”`);
  const which =
    names.length === 0
      ? 'none of this site’s experiments has images of its own'
      : names.length === 1
        ? `only ${names[0]} has images of its own`
        : `only ${names.join(', ')} have images of their own`;
  return `This page’s address asks for ${imagesPhrase(asked)}, but ${which}. ${instead}`;
}

/** A validation set's readout label: "Validation set 1" as it is; "Dimmed lines" as "Validation: dimmed lines". */
export function validationLabel(title: string): string {
  return /^validation/i.test(title)
    ? title
    : `Validation: ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

/** What the reader is told about a run whose loss became NaN or infinite at `iteration`. */
export function blowUpMessage(iteration: number, learningRate: number, start: StartRun): string {
  return (
    `Training diverged: with learning rate ${learningRate} the loss grew until it was no longer a finite number, at iteration ${iteration}. ` +
    `The steps are too large; try a smaller learning rate (the ${start.whose} uses ${start.values.learningRate}).`
  );
}

/** What the reader is told about a run that ends with a larger loss than it started with. */
export function lossRoseMessage(
  loss: { first: number; last: number },
  learningRate: number,
  start: StartRun,
): string {
  return (
    `Training diverged: with learning rate ${learningRate} the loss rose from ${formatLoss(loss.first)} to ${formatLoss(loss.last)} instead of falling. ` +
    `The steps overshoot the minimum; try a smaller learning rate (the ${start.whose} uses ${start.values.learningRate}).`
  );
}

/** "Trained 300 iterations in 41 ms." */
export function trainedMessage(iterations: number, milliseconds: number): string {
  const what = iterations === 1 ? '1 iteration' : `${iterations} iterations`;
  return `Trained ${what} in your browser in ${Math.max(1, Math.round(milliseconds))} ms.`;
}
