/**
 * Discount factors. The Green Book (HM Treasury, 2020/2022, annex A6) sets the social time
 * preference rate (STPR) at 3.5% for years 0-30, falling for the long term (3.0% for 31-75,
 * 2.5% for 76-125, 2.0% for 126-200, 1.5% for 201-300, 1.0% after). Factors are chained year
 * by year, DF(t) = DF(t-1) / (1 + r(t)), so the rate step at year 31 never makes a factor jump.
 * A fixed rate gives DF(t) = 1 / (1 + r)^t.
 */

export type Discounting = "green-book" | { rate: number };

/** The STPR schedule: each band applies to years up to and including `toYear`. */
export const GREEN_BOOK_STPR: ReadonlyArray<{ toYear: number; rate: number }> = [
  { toYear: 30, rate: 0.035 },
  { toYear: 75, rate: 0.03 },
  { toYear: 125, rate: 0.025 },
  { toYear: 200, rate: 0.02 },
  { toYear: 300, rate: 0.015 },
  { toYear: Number.POSITIVE_INFINITY, rate: 0.01 },
];

/** The Green Book rate that discounts year t back to year t-1. */
export function greenBookRate(year: number): number {
  for (const band of GREEN_BOOK_STPR) if (year <= band.toYear) return band.rate;
  return 0.01;
}

/** Discount factors for years 0..lastYear (index = year). Year 0 is undiscounted. */
export function discountFactors(discounting: Discounting, lastYear: number): Float64Array {
  if (!Number.isInteger(lastYear) || lastYear < 0)
    throw new RangeError(`lastYear must be a whole number >= 0`);
  const out = new Float64Array(lastYear + 1);
  out[0] = 1;
  for (let t = 1; t <= lastYear; t++) {
    const r = discounting === "green-book" ? greenBookRate(t) : discounting.rate;
    out[t] = out[t - 1]! / (1 + r);
  }
  return out;
}

/** One factor; for many years use discountFactors. */
export function discountFactor(discounting: Discounting, year: number): number {
  return discountFactors(discounting, year)[year]!;
}
