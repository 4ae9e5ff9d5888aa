/**
 * What a figure may see of a run: a view of the run record that holds only the settings and
 * record parts the figure declares (its `reads`), and throws when the figure reaches for anything
 * else. That keeps the declarations, and so the cache keys built from them, honest: a figure
 * cannot quietly depend on an input its key leaves out.
 */
import type {
  FigureDefinition,
  FigureInput,
  FigureReads,
  RecordPart,
} from '../../src/figures/figure-definition.ts';
import { SETTING_KEYS, TRAINED_RUN_SETTINGS } from '../../src/nn/settings.ts';
import type { RunRecord, Settings } from '../../src/nn/types.ts';

/** The inputs of a build: the settings and datasets always, the trained parts once the network has been trained. */
export type RecordSource = Pick<RunRecord, 'settings' | 'datasets'> & Partial<RunRecord>;

/** A figure read an input its module does not declare (a mistake in content/figures/ID.ts). */
export class UndeclaredInputError extends Error {
  constructor(figureId: string, what: string) {
    super(
      `figure "${figureId}" reads ${what}, which its "reads" in content/figures/${figureId}.ts do not declare; ` +
        'declare it there so the build redraws the figure when it changes',
    );
    this.name = 'UndeclaredInputError';
  }
}

const RECORD_PARTS: ReadonlySet<string> = new Set<RecordPart>([
  'datasets',
  'initial',
  'final',
  'history',
  'frames',
  'firstPerfectIteration',
  'validation',
]);

/** `source` as figure `figureId` may see it: undeclared settings and record parts throw UndeclaredInputError. */
export function recordView(source: RecordSource, figureId: string, inputs: FigureReads): RunRecord {
  const settingNames = new Set<string>(inputs.settings);
  const settings = new Proxy(source.settings, {
    get(target, key, receiver) {
      if (typeof key === 'string' && Object.hasOwn(target, key) && !settingNames.has(key)) {
        throw new UndeclaredInputError(figureId, `the setting ${key}`);
      }
      return Reflect.get(target, key, receiver);
    },
  });
  const parts = new Set<string>(inputs.record);
  return new Proxy(source as RunRecord, {
    get(target, key, receiver) {
      if (key === 'settings') return settings;
      if (typeof key === 'string' && RECORD_PARTS.has(key)) {
        if (!parts.has(key)) throw new UndeclaredInputError(figureId, `record.${key}`);
        const value: unknown = Reflect.get(target, key, receiver);
        const divergence = (target as { divergence?: { iteration: number } }).divergence;
        if (value === undefined && divergence !== undefined)
          throw new Error(
            `figure "${figureId}" reads record.${key} of a run that diverged at iteration ${divergence.iteration}: ` +
              'such a run has only its settings, datasets, initial network, history and firstPerfectIteration',
          );
        // The build trains whenever a stale figure declares a trained part; reaching this is a bug there.
        if (value === undefined)
          throw new Error(
            `figure "${figureId}" needs record.${key}, but the network was not trained`,
          );
        return value;
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Whether a figure with these reads needs the trained network (anything beyond settings and datasets). */
export function needsTraining(reads: Pick<FigureReads, 'record'>): boolean {
  return reads.record.some((part) => part !== 'datasets');
}

/** A run that a figure naming no experiment asked for. */
const NO_RUN = new Proxy({} as RunRecord, {
  get(_target, key) {
    throw new Error(
      `this figure names no experiment, so it has no run to read (it read "${String(key)}")`,
    );
  },
});

/** What figure `id` receives: a view of the run of each experiment it names, the first as `run`. */
export function figureInput(
  id: string,
  figure: FigureDefinition,
  sources: ReadonlyMap<string, RecordSource>,
): FigureInput {
  const runs: Record<string, RunRecord> = {};
  for (const name of figure.experiments) {
    const source = sources.get(name);
    if (source === undefined)
      throw new Error(`figure "${id}" needs experiment "${name}", which was not loaded`);
    runs[name] = recordView(source, id, figure.reads);
  }
  const first = figure.experiments[0];
  return { run: first === undefined ? NO_RUN : runs[first]!, runs };
}

/**
 * The settings each part of a run depends on. The network starts from the seed, the hidden
 * layer's size and the initialisation; the data comes from the data seed; what training makes
 * depends on every setting but frameEvery, which only picks the snapshots the frames keep.
 */
export const RECORD_PART_SETTINGS: Readonly<Record<RecordPart, readonly (keyof Settings)[]>> = {
  datasets: ['dataSeed'],
  initial: ['seed', 'hiddenUnits', 'init'],
  final: TRAINED_RUN_SETTINGS,
  history: TRAINED_RUN_SETTINGS,
  firstPerfectIteration: TRAINED_RUN_SETTINGS,
  validation: TRAINED_RUN_SETTINGS,
  frames: SETTING_KEYS,
};

/**
 * The settings a figure's key holds: those it lists and those the parts it reads depend on, so
 * that it cannot go stale by leaving one out. In the order of SETTING_KEYS.
 */
export function keyedSettings(reads: FigureReads): (keyof Settings)[] {
  const keyed = new Set<keyof Settings>(reads.settings);
  for (const part of reads.record) for (const key of RECORD_PART_SETTINGS[part]) keyed.add(key);
  return SETTING_KEYS.filter((key) => keyed.has(key));
}
