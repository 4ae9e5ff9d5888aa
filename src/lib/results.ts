/**
 * Looking up and formatting the numbers the prose quotes from the experiments' results, so no
 * number about the trained network is ever typed by hand.
 */

/** Thrown when the prose asks for a result the build did not produce; the message names the path. */
export class ResultError extends Error {
  override name = 'ResultError';
}

/**
 * The value at a dotted path such as "finalLoss", "settings.learningRate", "checkpoints.final.meanLoss" or
 * "validation.validation-1.accuracy" (an array is indexed by position or by an element's `name`).
 */
export function lookupResult(results: unknown, path: string, experiment = 'tutorial'): unknown {
  let value: unknown = results;
  const walked: string[] = [];
  for (const segment of path.split('.')) {
    value = childOf(value, segment);
    walked.push(segment);
    if (value === undefined) {
      throw new ResultError(
        `the results of experiment "${experiment}" have no "${path}" (nothing at "${walked.join('.')}")`,
      );
    }
  }
  return value;
}

/** The number at `path`; throws naming the path if it is missing, null or not a finite number. */
export function numericResult(results: unknown, path: string): number {
  const value = lookupResult(results, path);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ResultError(`the result "${path}" is ${JSON.stringify(value)}, not a number`);
  }
  return value;
}

/** How a number is printed: fixed `digits` after the point, or as a percentage. */
export interface NumberFormat {
  /** Digits after the decimal point; without it integers print whole and fractions as they are. */
  digits?: number;
  /** Print value x 100 followed by "%"; without digits, whole percentages have none and others one. */
  percent?: boolean;
  /** Significant digits; very small or large values as "3.0 × 10⁻¹¹" (for relative errors and the like). */
  significant?: number;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b',
  '0': '\u2070',
  '1': '\u00b9',
  '2': '\u00b2',
  '3': '\u00b3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
};

/** `value` with `significant` digits: plainly from 0.001 to 10000, else as mantissa × 10 to a power. */
function withSignificantDigits(value: number, significant: number): string {
  const [mantissa, exponent] = value.toExponential(significant - 1).split('e') as [string, string];
  const power = Number(exponent);
  if (value === 0 || (power >= -3 && power < 4)) return value.toPrecision(significant);
  const superscript = String(power).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${mantissa} \u00d7 10${superscript}`;
}

/** The text for `value` in `format`: (0.123456, {digits: 3}) -> "0.123", (0.5, {percent: true}) -> "50%". */
export function formatNumber(value: number, format: NumberFormat = {}): string {
  if (format.percent === true) {
    const scaled = value * 100;
    const digits = format.digits ?? (isWhole(scaled) ? 0 : 1);
    return `${scaled.toFixed(digits)}%`;
  }
  if (format.significant !== undefined) return withSignificantDigits(value, format.significant);
  if (format.digits !== undefined) return value.toFixed(format.digits);
  return String(value);
}

function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-9;
}

function childOf(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) {
    if (/^\d+$/.test(segment)) return value[Number(segment)];
    return value.find((item: unknown) => isRecord(item) && item.name === segment);
  }
  if (isRecord(value) && Object.hasOwn(value, segment)) return value[segment];
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
