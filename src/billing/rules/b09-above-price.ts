/**
 * B09 above-price: on a day that is otherwise due, the day's charge (amount / days in the line)
 * is above the price schedule's unit price valid that day for the line's contract and service;
 * the difference is at risk. Where no price is valid that day, the whole day's charge is.
 * Overcharging against the agreed schedule is the plainest form of overbilling.
 */
import { type Dataset, priceKeyOf } from "../dataset.ts";
import { roundDiv, roundDivBig } from "../rounding.ts";
import type { LineRule, Stretch } from "../rule.ts";

/** Per group: the service; per line: its price segments, amount, length and the excess so far. */
interface State {
  ds: Dataset;
  service: number;
  group: number;
  amount: number;
  lineDays: number;
  acc: ExcessAcc;
}

export const abovePrice: LineRule<"B09", State> = {
  kind: "line",
  id: "B09",
  family: "billing",
  name: "Billed above the contract price",
  slug: "above-price",
  detects:
    "On a day that is otherwise due, a daily charge (amount / days) above the unit price in the price schedule valid that day for the line's contract and service, or any charge on a day no price covers.",
  whyItMatters:
    "Charging more than the agreed schedule is the plainest form of overbilling; the excess is at risk, summed exactly and rounded once per line.",
  group: (ds, service) => ({ ds, service, group: -1, amount: 0, lineDays: 0, acc: { days: 0, num: 0, big: 0n } }),
  startLine(s, line) {
    const L = s.ds.lines;
    s.group = priceGroup(s.ds, L.contract[line]!, s.service);
    s.amount = L.amount[line]!;
    s.lineDays = L.end[line]! - L.start[line]! + 1;
    s.acc.days = 0;
    s.acc.num = 0;
    s.acc.big = 0n;
  },
  check(s, x, y, fail, pass) {
    splitExcess(s.ds, s.group, s.amount, s.lineDays, x, y, s.acc, fail, pass);
  },
  endLine() {},
  pence: (s, _days, lineDays) => excessPence(s.acc, lineDays),
};

/** Accumulates B09 for one line: days over price and the numerator of pence at risk (÷ line days). */
export interface ExcessAcc {
  days: number;
  /** Sum over days of (amount − lineDays × price), so the pence at risk is (num + big) / lineDays. */
  num: number;
  /** The part of the sum that would not be exact as a float (huge amounts); 0n almost always. */
  big: bigint;
}

/** Adds len days over by `over` pence (÷ line days) each, exactly. */
function addOver(acc: ExcessAcc, len: number, over: number): void {
  acc.days += len;
  const add = len * over;
  const next = acc.num + add;
  if (Number.isSafeInteger(add) && Number.isSafeInteger(next)) acc.num = next;
  else acc.big += BigInt(len) * BigInt(over);
}

/** The pence at risk of an accumulated B09: rounded once, half away from zero. */
export function excessPence(acc: ExcessAcc, lineDays: number): number {
  return acc.big === 0n ? roundDiv(acc.num, lineDays) : roundDivBig(BigInt(acc.num) + acc.big, lineDays);
}

/** Index of the price segments for a contract and service, or -1 when there is no schedule. */
export function priceGroup(ds: Dataset, contract: number, service: number): number {
  return ds.priceKey.get(priceKeyOf(contract, service)) ?? -1;
}

const none: Stretch = () => {};

/** Adds the due days x..y of a line (amount in pence over lineDays days) to the B09 accumulator. */
export function addExcess(
  ds: Dataset,
  group: number,
  amount: number,
  lineDays: number,
  x: number,
  y: number,
  acc: ExcessAcc,
): void {
  splitExcess(ds, group, amount, lineDays, x, y, acc, none, none);
}

/**
 * Adds the due days x..y of a line to the accumulator, and reports, in day order, the stretches
 * over price (or unpriced with a positive charge) to `over` and the others to `within`. Whether a
 * day is over depends only on the price segment it falls in, so the split is per segment.
 */
export function splitExcess(
  ds: Dataset,
  group: number,
  amount: number,
  lineDays: number,
  x: number,
  y: number,
  acc: ExcessAcc,
  over: Stretch,
  within: Stretch,
): void {
  let cur = x;
  if (group >= 0) {
    const { priceOff, priceFrom, priceTo, price } = ds;
    for (let k = priceOff[group]!; k < priceOff[group + 1]! && cur <= y; k++) {
      const a = priceFrom[k]!;
      const b = priceTo[k]!;
      if (b < cur) continue;
      if (a > y) break;
      if (a > cur) unpriced(amount, cur, a - 1, acc, over, within);
      const s = Math.max(a, cur);
      const e = Math.min(b, y);
      const len = e - s + 1;
      const charged = lineDays * price[k]!;
      const excess = amount - charged;
      if (Number.isSafeInteger(charged) && Number.isSafeInteger(excess)) {
        if (excess > 0) {
          addOver(acc, len, excess);
          over(s, e);
        } else within(s, e);
      } else {
        const big = BigInt(amount) - BigInt(lineDays) * BigInt(price[k]!);
        if (big > 0n) {
          acc.days += len;
          acc.big += BigInt(len) * big;
          over(s, e);
        } else within(s, e);
      }
      cur = e + 1;
    }
  }
  if (cur <= y) unpriced(amount, cur, y, acc, over, within);
}

/** Days a..b with no valid price: the whole charge is at risk when there is one. */
function unpriced(amount: number, a: number, b: number, acc: ExcessAcc, over: Stretch, within: Stretch): void {
  if (amount > 0) {
    addOver(acc, b - a + 1, amount);
    over(a, b);
  } else within(a, b);
}
