/**
 * B09 above-price: on a day that is otherwise due, the day's charge (amount / days in the line)
 * is above the price schedule's unit price valid that day for the line's contract and service;
 * the difference is at risk. Where no price is valid that day, the whole day's charge is.
 * Overcharging against the agreed schedule is the plainest form of overbilling.
 */
import { type Dataset, priceKeyOf } from "../dataset.ts";
import { roundDiv, roundDivBig } from "../rounding.ts";

export const abovePrice = { id: "B09", name: "above-price" } as const;

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
  let cur = x;
  if (group >= 0) {
    const { priceOff, priceFrom, priceTo, price } = ds;
    for (let k = priceOff[group]!; k < priceOff[group + 1]! && cur <= y; k++) {
      const a = priceFrom[k]!;
      const b = priceTo[k]!;
      if (b < cur) continue;
      if (a > y) break;
      if (a > cur) unpriced(amount, cur, a - 1, acc);
      const e = Math.min(b, y);
      const len = e - Math.max(a, cur) + 1;
      const charged = lineDays * price[k]!;
      const over = amount - charged;
      if (Number.isSafeInteger(charged) && Number.isSafeInteger(over)) {
        if (over > 0) addOver(acc, len, over);
      } else {
        const big = BigInt(amount) - BigInt(lineDays) * BigInt(price[k]!);
        if (big > 0n) {
          acc.days += len;
          acc.big += BigInt(len) * big;
        }
      }
      cur = e + 1;
    }
  }
  if (cur <= y) unpriced(amount, cur, y, acc);
}

function unpriced(amount: number, a: number, b: number, acc: ExcessAcc): void {
  if (amount > 0) addOver(acc, b - a + 1, amount);
}
