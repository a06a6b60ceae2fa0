/**
 * Summary of a simulated distribution: mean and the P10 / P50 / P90 a business case quotes
 * (percentiles by linear interpolation between order statistics, the common "type 7").
 */

export interface Summary {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  min: number;
  max: number;
}

/** q-th quantile (0..1) of an ascending array. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Summarises the values (the array is sorted in place). */
export function summarise(values: Float64Array): Summary {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  values.sort();
  return {
    mean: sum / values.length,
    p10: quantileSorted(values, 0.1),
    p50: quantileSorted(values, 0.5),
    p90: quantileSorted(values, 0.9),
    min: values[0] ?? Number.NaN,
    max: values[values.length - 1] ?? Number.NaN,
  };
}
