/**
 * Sets of days as sorted, disjoint, inclusive intervals held flat: [a0, b0, a1, b1, ...].
 * Rules describe where days are not due as such sets, so a line is checked by walking a few
 * intervals instead of expanding it into one record per day.
 */
export type Days = number[];

/** Sorts and merges arbitrary inclusive pairs (touching intervals merge too). */
export function normalize(pairs: Days): Days {
  const n = pairs.length / 2;
  if (n <= 1) return n === 1 && pairs[0]! <= pairs[1]! ? pairs.slice() : [];
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (pairs[2 * i]! <= pairs[2 * i + 1]!) idx.push(i);
  idx.sort((x, y) => pairs[2 * x]! - pairs[2 * y]!);
  const out: Days = [];
  for (const i of idx) {
    const a = pairs[2 * i]!;
    const b = pairs[2 * i + 1]!;
    const last = out.length - 1;
    if (last > 0 && a <= out[last]! + 1) {
      if (b > out[last]!) out[last] = b;
    } else out.push(a, b);
  }
  return out;
}

/** The part of a set within lo..hi. */
export function clip(set: Days, lo: number, hi: number): Days {
  const out: Days = [];
  for (let i = 0; i < set.length; i += 2) {
    const a = Math.max(set[i]!, lo);
    const b = Math.min(set[i + 1]!, hi);
    if (a <= b) out.push(a, b);
  }
  return out;
}

/** Days in a but not in b (both normalized). */
export function subtract(a: Days, b: Days): Days {
  if (b.length === 0) return a;
  const out: Days = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let x = a[i]!;
    const y = a[i + 1]!;
    while (j < b.length && b[j + 1]! < x) j += 2;
    let k = j;
    while (k < b.length && b[k]! <= y) {
      if (b[k]! > x) out.push(x, b[k]! - 1);
      x = Math.max(x, b[k + 1]! + 1);
      k += 2;
    }
    if (x <= y) out.push(x, y);
  }
  return out;
}

/** Days in both a and b (both normalized). */
export function intersect(a: Days, b: Days): Days {
  const out: Days = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = Math.max(a[i]!, b[j]!);
    const y = Math.min(a[i + 1]!, b[j + 1]!);
    if (x <= y) out.push(x, y);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** Number of days in a set. */
export function countDays(set: Days): number {
  let n = 0;
  for (let i = 0; i < set.length; i += 2) n += set[i + 1]! - set[i]! + 1;
  return n;
}

/** Whether day d is in the (normalized) set. */
export function contains(set: Days, d: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (d < set[i]!) return false;
    if (d <= set[i + 1]!) return true;
  }
  return false;
}
