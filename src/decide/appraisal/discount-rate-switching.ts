/**
 * Switching value of the discount rate (Green Book 2022, 5.80-5.82 and annex A6): the constant
 * annual rate at which each option's NPV crosses zero, and the rates at which the preferred
 * option changes. An option whose costs come first and savings later looks better the lower the
 * rate, so a committee asks: "at what rate would this deal stop being the best one?". The rates
 * are found on a scan of constant rates from 0% to 30% refined by bisection to 0.001 percentage
 * points; a constant rate is compared with the stated discounting (usually the STPR, 3.5%).
 */
import { appraise } from "./appraise.ts";
import type { AppraisalInput } from "./types.ts";

export interface DiscountRateSwitching {
  /** Option preferred at 0% and at each rate where the preference changes, in rising order. */
  preferredFrom: Array<{ rate: number; option: string }>;
  /** Per option: the lowest constant rate in (0%, 30%] at which its NPV changes sign, or null. */
  npvZero: Array<{ option: string; rate: number | null }>;
}

const MAX_RATE = 0.3;
const STEP = 0.0025;
const TOLERANCE = 0.00001;

function at(input: AppraisalInput, rate: number) {
  return appraise({ ...input, discounting: { rate } });
}

function bisect(lo: number, hi: number, same: (rate: number) => boolean): number {
  // `same(lo)` holds and `same(hi)` does not; narrow to the switch.
  while (hi - lo > TOLERANCE) {
    const mid = (lo + hi) / 2;
    if (same(mid)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function discountRateSwitching(input: AppraisalInput): DiscountRateSwitching {
  const ids = input.options.map((o) => o.id);
  const first = at(input, 0);
  const preferredFrom = [{ rate: 0, option: first.preferred }];
  const zero: Array<number | null> = ids.map(() => null);
  let prev = first;
  const steps = Math.round(MAX_RATE / STEP);
  for (let k = 1; k <= steps; k++) {
    const lo = (k - 1) * STEP;
    const hi = k * STEP;
    const cur = at(input, hi);
    if (cur.preferred !== prev.preferred) {
      const before = prev.preferred;
      const rate = bisect(lo, hi, (r) => at(input, r).preferred === before);
      preferredFrom.push({ rate, option: cur.preferred });
    }
    ids.forEach((_, i) => {
      if (zero[i] !== null) return;
      const a = prev.options[i]!.npv;
      const b = cur.options[i]!.npv;
      if (a === 0 || Math.sign(a) === Math.sign(b)) return;
      zero[i] = bisect(lo, hi, (r) => Math.sign(at(input, r).options[i]!.npv) === Math.sign(a));
    });
    prev = cur;
  }
  return { preferredFrom, npvZero: ids.map((option, i) => ({ option, rate: zero[i]! })) };
}
