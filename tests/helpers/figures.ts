/** The project's own figure modules, and their inputs from one run, for tests that draw figures directly. */
import { type LoadedFigure, loadFigures } from '../../scripts/figures/figure-modules.ts';
import { figureInput, type RecordSource } from '../../scripts/figures/record-view.ts';
import type { FigureInput } from '../../src/figures/figure-definition.ts';
import { TUTORIAL_EXPERIMENT } from '../../src/nn/experiment.ts';
import { PROJECT_ROOT } from './project-root.ts';

/** The figures of content/figures/, loaded as the build loads them. */
export function projectFigures(): Promise<LoadedFigure[]> {
  return loadFigures(PROJECT_ROOT);
}

/** `record` as the run of every experiment a figure may name (the tests draw from one run). */
export function sourcesOf(
  record: RecordSource,
  figures: readonly LoadedFigure[],
): Map<string, RecordSource> {
  const names = new Set([TUTORIAL_EXPERIMENT, ...figures.flatMap((f) => f.definition.experiments)]);
  return new Map([...names].map((name) => [name, record]));
}

/** What `figure` receives when drawn from `record`. */
export function inputOf(figure: LoadedFigure, record: RecordSource): FigureInput {
  return figureInput(figure.id, figure.definition, sourcesOf(record, [figure]));
}
