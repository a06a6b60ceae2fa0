/**
 * B08 billed-twice: the same subject, service and day billed again. Only the first billing of a
 * day, ordered by invoice_id then line_id (plain string order), can be due: per person, not per
 * order, so a person with four orders is paid for once a day, not four times as in 2013.
 *
 * The engine visits a subject-service's lines in that order and keeps the set of days already
 * billed; the parts of a due stretch that are already in the set are B08.
 */
import type { Days } from "../intervals.ts";

export const billedTwice = { id: "B08", name: "billed-twice" } as const;

/** Orders two billings: invoice_id, then line_id, code-unit string order; ties keep input order. */
export function compareBillings(
  invA: string,
  lineA: string,
  idxA: number,
  invB: string,
  lineB: string,
  idxB: number,
) {
  if (invA !== invB) return invA < invB ? -1 : 1;
  if (lineA !== lineB) return lineA < lineB ? -1 : 1;
  return idxA - idxB;
}

/**
 * Splits x..y into stretches already billed (onBilled) and not yet billed (onFresh), in day
 * order. `billed` is normalized.
 */
export function splitBilled(
  billed: Days,
  x: number,
  y: number,
  onBilled: (a: number, b: number) => void,
  onFresh: (a: number, b: number) => void,
): void {
  let cur = x;
  for (let i = 0; i < billed.length && cur <= y; i += 2) {
    const a = billed[i]!;
    const b = billed[i + 1]!;
    if (b < cur) continue;
    if (a > y) break;
    if (a > cur) onFresh(cur, a - 1);
    const e = Math.min(b, y);
    onBilled(Math.max(a, cur), e);
    cur = e + 1;
  }
  if (cur <= y) onFresh(cur, y);
}

/** Adds a..b to a normalized set in place. */
export function addBilled(billed: Days, a: number, b: number): void {
  let i = 0;
  while (i < billed.length && billed[i + 1]! < a - 1) i += 2;
  let j = i;
  let na = a;
  let nb = b;
  while (j < billed.length && billed[j]! <= b + 1) {
    na = Math.min(na, billed[j]!);
    nb = Math.max(nb, billed[j + 1]!);
    j += 2;
  }
  billed.splice(i, j - i, na, nb);
}
