/**
 * What a figure may see of the run: a view of the run record that holds only the settings and
 * record parts the figure declares in the catalogue (FigureInputs), and throws when the figure
 * reaches for anything else. That keeps the declarations, and so the cache keys built from them,
 * honest: a figure cannot quietly depend on an input its key leaves out.
 */
import type { FigureInputs, RecordPart } from '../../src/figures/figure-catalogue.ts';
import type { RunRecord } from '../../src/nn/types.ts';

/** The inputs of a build: the settings and datasets always, the trained parts once the network has been trained. */
export type RecordSource = Pick<RunRecord, 'settings' | 'datasets'> & Partial<RunRecord>;

/** A figure read an input its catalogue entry does not declare (a mistake in src/figures/figure-catalogue.ts). */
export class UndeclaredInputError extends Error {
  constructor(figureId: string, what: string) {
    super(
      `figure "${figureId}" reads ${what}, which its inputs in src/figures/figure-catalogue.ts do not declare; ` +
        'declare it there so the figure cache redraws the figure when it changes',
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
export function recordView(
  source: RecordSource,
  figureId: string,
  inputs: FigureInputs,
): RunRecord {
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

/** Whether a figure with these inputs needs the trained network (anything beyond settings and datasets). */
export function needsTraining(inputs: Pick<FigureInputs, 'record'>): boolean {
  return inputs.record.some((part) => part !== 'datasets');
}
