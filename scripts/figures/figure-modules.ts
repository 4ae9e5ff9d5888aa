/**
 * Finding the project's figures: every content/figures/ID.ts is one figure, whose id is its file
 * name and whose default export is its definition (src/figures/figure-definition.ts). No list to
 * edit: adding the file adds the figure. Each is drawn once per colour scheme it has (light and
 * dark unless it says otherwise), as two outputs; a PNG's drawing also gives a half-size copy in
 * each scheme, an output of its own, unless it says it needs none.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMES, type SchemeName } from '../../src/figures/colour-scheme.ts';
import type { FigureDefinition } from '../../src/figures/figure-definition.ts';
import { type FigureSize, halfSizeId, schemeFigureId } from '../../src/figures/figure-manifest.ts';
import { importFigureModule } from './bundled-modules.ts';

/** Where figure modules live, relative to the project root. */
export const FIGURES_DIR = 'content/figures';

/** Figure ids: lower-case letters, digits and hyphens. */
const FIGURE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A figure module that cannot be used; the message names its file (and figure id). */
export class FigureModuleError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'FigureModuleError';
  }
}

/**
 * One figure in one colour scheme and size: its id ("ID" in light, "ID.dark" in dark:
 * schemeFigureId; "ID.half", "ID.dark.half" at half size: halfSizeId), its module's path
 * (absolute, and as shown in messages), its definition, the scheme and the size.
 */
export interface LoadedFigure {
  id: string;
  file: string;
  shown: string;
  definition: FigureDefinition;
  scheme: SchemeName;
  size: FigureSize;
}

/** The figure modules of the project: absolute paths, sorted by id. */
export function figureModuleFiles(projectRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(projectRoot, FIGURES_DIR));
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => join(projectRoot, FIGURES_DIR, name));
}

/** Loads every figure module and checks the shape of its definition: one LoadedFigure per figure, scheme and size. */
export async function loadFigures(projectRoot: string): Promise<LoadedFigure[]> {
  const figures: LoadedFigure[] = [];
  for (const file of figureModuleFiles(projectRoot)) {
    const id = file.slice(file.lastIndexOf('/') + 1, -'.ts'.length);
    const shown = `${FIGURES_DIR}/${id}.ts`;
    if (!FIGURE_ID.test(id)) {
      throw new FigureModuleError(
        shown,
        'a figure id (the file name) uses lower-case letters, digits and hyphens',
      );
    }
    let module: { default?: unknown };
    try {
      module = await importFigureModule(file);
    } catch (error) {
      throw new FigureModuleError(
        shown,
        `figure "${id}" cannot be loaded: ${(error as Error).message}`,
      );
    }
    const definition = checkDefinition(module.default, shown, id);
    const halfSize = definition.format === 'png' && definition.halfSize !== false;
    for (const scheme of definition.schemes ?? SCHEMES) {
      const full = { id: schemeFigureId(id, scheme), file, shown, definition, scheme };
      figures.push({ ...full, size: 'full' });
      if (halfSize) figures.push({ ...full, id: halfSizeId(full.id), size: 'half' });
    }
  }
  return figures;
}

/** The module's default export as a figure definition, or a FigureModuleError saying what is wrong. */
function checkDefinition(value: unknown, shown: string, id: string): FigureDefinition {
  const fail = (problem: string): never => {
    throw new FigureModuleError(shown, `figure "${id}": ${problem}`);
  };
  if (typeof value !== 'object' || value === null) {
    return fail(
      'the module must export its figure as default: export default defineFigure({ ... })',
    );
  }
  const figure = value as Record<string, unknown>;
  const drawer = { png: 'draw', svg: 'svg', gif: 'frames' }[String(figure.format)];
  if (drawer === undefined)
    fail(`"format" must be "png", "svg" or "gif", got ${JSON.stringify(figure.format)}`);
  const experiments = figure.experiments;
  if (!Array.isArray(experiments) || experiments.some((e) => typeof e !== 'string')) {
    fail('"experiments" must list the names of the experiments it reads');
  }
  const reads = figure.reads as Record<string, unknown> | undefined;
  if (!Array.isArray(reads?.settings) || !Array.isArray(reads?.record)) {
    fail('"reads" must give the "settings" and the "record" parts it reads, as lists');
  }
  if (typeof figure.displayWidth !== 'number') fail('"displayWidth" must be a number of CSS px');
  const schemes = figure.schemes;
  if (
    schemes !== undefined &&
    (!Array.isArray(schemes) ||
      !schemes.includes('light') ||
      new Set(schemes).size !== schemes.length ||
      schemes.some((s) => !SCHEMES.includes(s)))
  ) {
    fail('"schemes", when given, must list "light" (printed pages use it) and may add "dark"');
  }
  for (const name of ['size', 'text', drawer!]) {
    if (typeof figure[name] !== 'function') fail(`"${name}" must be a function`);
  }
  if (
    figure.changing !== undefined &&
    (figure.format !== 'gif' || typeof figure.changing !== 'function')
  )
    fail('"changing", when given, must be a function, and only an animation ("gif") has one');
  if (
    figure.halfSize !== undefined &&
    (figure.format !== 'png' || typeof figure.halfSize !== 'boolean')
  )
    fail('"halfSize", when given, must be true or false, and only a PNG figure has one');
  return value as FigureDefinition;
}
