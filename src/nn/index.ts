/** The engine in one import: the network, its data, its training and its settings. */
export { relu, reluDerivative, softmax } from './activations.ts';
export { CSV_HEADER, parseCsv, toCsv } from './csv.ts';
export { CLASSES, PIXELS, inputMatrix, oneHot } from './data-matrices.ts';
export { generateDatasets, linePixels, type Datasets } from './datasets.ts';
export { DataError, DivergenceError, SettingsError } from './errors.ts';
export { evaluate } from './evaluate.ts';
export { gradients, type Gradients } from './gradients.ts';
export { accuracy, crossEntropy, softmaxCrossEntropyGradient } from './loss.ts';
export { Matrix } from './matrix.ts';
export { forward, initParameters, type Activations } from './network.ts';
export { createRng, type Rng } from './rng.ts';
export {
  parametersToJson,
  runRecordToJson,
  type ParametersJson,
  type RunRecordJson,
} from './run-record-json.ts';
export {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  isSettingKey,
  settingProblem,
  validateSettings,
} from './settings.ts';
export { train } from './train.ts';
export { update } from './update.ts';
export type {
  Dataset,
  HistoryEntry,
  Parameters,
  RunRecord,
  Settings,
  Snapshot,
  ValidationResult,
} from './types.ts';
