/**
 * Order statistics for outlier indicators, computed the way Cardinal computes them: sample
 * quantiles by Hyndman & Fan's definition 8 ("approximately median-unbiased", the method of the
 * statrs crate that Cardinal uses), and Tukey fences at 1.5 times the interquartile range.
 *
 * Definition 8: h = (n + 1/3)·p + 1/3; with x sorted ascending and 1-based, the quantile is
 * x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), clamped to the minimum and maximum.
 */

/** The p-quantile (0 <= p <= 1) of values already sorted ascending. NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || p < 0 || p > 1) return Number.NaN;
  const h = (n + 1 / 3) * p + 1 / 3;
  const hf = Math.trunc(h);
  if (hf <= 0 || p === 0) return sorted[0] as number;
  if (hf >= n || p === 1) return sorted[n - 1] as number;
  const a = sorted[hf - 1] as number;
  const b = sorted[hf] as number;
  return a + (h - hf) * (b - a);
}

export function sortNumbers(values: Iterable<number>): Float64Array {
  const arr = Float64Array.from(values);
  arr.sort();
  return arr;
}

export interface Quartiles {
  q1: number;
  q3: number;
  iqr: number;
}

export function quartiles(values: Iterable<number>): Quartiles {
  const s = sortNumbers(values);
  const q1 = quantileSorted(s, 0.25);
  const q3 = quantileSorted(s, 0.75);
  return { q1, q3, iqr: q3 - q1 };
}

/**
 * Quartiles are degenerate when Q1, Q3 and the IQR are all 0: a fence at 0 would flag three
 * quarters of the cases, so the indicator is skipped (as Cardinal does).
 */
export function degenerate(q: Quartiles): boolean {
  return q.q1 === 0 && q.q3 === 0 && q.iqr === 0;
}

export const lowerFence = (q: Quartiles): number => q.q1 - 1.5 * q.iqr;
export const upperFence = (q: Quartiles): number => q.q3 + 1.5 * q.iqr;

/** Rounds to 4 decimals, halves away from zero (as Rust's f64::round), for the Meta key. */
export function round4(v: number): number {
  const x = v * 10_000;
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return (r === 0 ? 0 : r) / 10_000;
}

export interface Fence {
  fence: number;
  source: "settings" | "quartiles";
  /** q1, q3 and lower_fence or upper_fence, for the Meta key. */
  meta: Record<string, number>;
}

/**
 * The fence an outlier indicator compares against: the configured threshold when set, otherwise
 * Q1 − 1.5·IQR (lower) or Q3 + 1.5·IQR (upper) of the values. Undefined when there are no values
 * or the quartiles are degenerate (then nothing is flagged).
 */
export function computeFence(
  values: Iterable<number>,
  side: "lower" | "upper",
  threshold: number | undefined,
  prefix = "",
  skipDegenerate = true,
): Fence | undefined {
  const key = `${prefix}${side}_fence`;
  if (threshold !== undefined) return { fence: threshold, source: "settings", meta: { [key]: threshold } };
  const q = quartiles(values);
  if (Number.isNaN(q.q1) || (skipDegenerate && degenerate(q))) return undefined;
  const fence = side === "lower" ? lowerFence(q) : upperFence(q);
  return { fence, source: "quartiles", meta: { [`${prefix}q1`]: q.q1, [`${prefix}q3`]: q.q3, [key]: fence } };
}
