/**
 * B08 billed-twice: the same subject, service and day billed again. Only the first billing of a
 * day, ordered by invoice_id then line_id (plain string order), can be due: per person, not per
 * order, so a person with four orders is paid for once a day, not four times as in 2013.
 *
 * Reconcile visits a subject-service's lines in that order (billingOrder) and this rule keeps the
 * set of days already billed; the parts of a due stretch already in the set are B08.
 */
import type { Dataset } from "../dataset.ts";
import type { Days } from "../intervals.ts";
import type { LineRule } from "../rule.ts";

/** Per group: the dataset, and the days already billed by earlier lines (normalized). */
interface State {
  ds: Dataset;
  billed: Days;
}

export const billedTwice: LineRule<"B08", State> = {
  kind: "line",
  id: "B08",
  family: "billing",
  name: "Day billed twice",
  slug: "billed-twice",
  detects:
    "A day of the same subject and service billed again by a later billing (ordered by invoice_id, then line_id, as plain strings).",
  whyItMatters:
    "Each day of monitoring is paid for once, per person and not per order; in 2013 one person was charged four times over because he had four orders.",
  group: (ds) => ({ ds, billed: [] }),
  startLine() {},
  check(s, x, y, fail, pass) {
    splitBilled(s.billed, x, y, fail, pass);
  },
  endLine(s, line) {
    addBilled(s.billed, s.ds.lines.start[line]!, s.ds.lines.end[line]!);
  },
};

const ranks = new WeakMap<Dataset, Int32Array>();

/** Ranks of interned invoice ids in plain string (code-unit) order, computed once per dataset. */
function invoiceRanks(ds: Dataset): Int32Array {
  const known = ranks.get(ds);
  if (known && known.length === ds.invoices.length) return known;
  const idx = ds.invoices.map((_, i) => i);
  idx.sort((a, b) => (ds.invoices[a]! < ds.invoices[b]! ? -1 : ds.invoices[a]! > ds.invoices[b]! ? 1 : 0));
  const rank = new Int32Array(idx.length);
  idx.forEach((inv, r) => {
    rank[inv] = r;
  });
  ranks.set(ds, rank);
  return rank;
}

/**
 * Billing order, as a comparator over line indexes: invoice_id, then line_id, in code-unit
 * string order ("L10" before "L2"); exact ties keep input order. Only the first billing of a
 * day in this order can be due.
 */
export function billingOrder(ds: Dataset): (x: number, y: number) => number {
  const rank = invoiceRanks(ds);
  const L = ds.lines;
  return (x, y) => {
    const iv = rank[L.invoice[x]!]! - rank[L.invoice[y]!]!;
    if (iv !== 0) return iv;
    const lx = L.lineId[x]!;
    const ly = L.lineId[y]!;
    if (lx !== ly) return lx < ly ? -1 : 1;
    return x - y;
  };
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
