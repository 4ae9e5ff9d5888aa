/** Scales and number formatting for axes: pure arithmetic, no drawing. */

/** A linear map from the domain [d0, d1] to the range [r0, r1] (extrapolates outside the domain). */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** A "nice" step (1, 2 or 5 times a power of ten) close to span / count. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/** Tick values: multiples of a nice step covering [min, max] (about `count` of them). */
export function niceTicks(min: number, max: number, count: number): number[] {
  const step = niceStep(max - min, count);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(roundTo(k * step, step));
  return ticks;
}

/** The smallest multiple of a nice step that is >= value (for an axis maximum). */
export function niceCeil(value: number, count = 5): number {
  if (!(value > 0)) return 1;
  const step = niceStep(value, count);
  return roundTo(Math.ceil(value / step - 1e-9) * step, step);
}

/** Rounds away float noise from k * step (0.30000000000000004 -> 0.3). */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

/** A number with a fixed count of decimals and a typographic minus sign (U+2212). */
export function formatNumber(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  const isZero = Number(text) === 0;
  return value < 0 && !isZero ? `\u2212${text}` : text;
}

/** A tick label: as few decimals as the tick step needs. */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return formatNumber(value, decimals);
}

/** Column numbers to print under n columns numbered from 0 (examples, or many hidden units): 0 and multiples of a nice step. */
export function exampleTicks(n: number): number[] {
  return ticksEvery(n, Math.max(1, niceStep(n, 5)));
}

/** 0 and the multiples of `step` below n: positions among n columns numbered from 0. */
export function ticksEvery(n: number, step: number): number[] {
  const ticks: number[] = [];
  for (let k = 0; k < n; k += step) ticks.push(k);
  return ticks;
}
