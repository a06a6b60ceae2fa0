/**
 * Indexing a sum of money by a price index (CPI, or any index the business case states): the
 * baseline cost at base-year prices, carried to a later year by the ratio of the two index values.
 * Index values are decimal strings ("100.0", "121.7") and the arithmetic is on integers (BigInt),
 * so a figure indexed here is the same penny every time; a binary float would not guarantee that.
 */
import { InputError } from "../shared/errors.ts";

/** Digits kept after the decimal point of an index value. */
const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const INDEX = /^\d{1,9}(\.\d{1,6})?$/;

/**
 * An index value as an integer in millionths ("102.5" -> 102500000n); an InputError naming
 * `path` when it is not a positive decimal with at most six decimal places.
 */
export function indexUnits(text: string, path: string): bigint {
  if (!INDEX.test(text))
    throw new InputError(`expected an index value such as "102.5" (a positive decimal), got "${text}"`, {
      location: { path },
    });
  const [whole, frac = ""] = text.split(".");
  const units = BigInt(whole ?? "0") * SCALE + BigInt(frac.padEnd(SCALE_DIGITS, "0"));
  if (units === 0n) throw new InputError("expected an index value above zero, got 0", { location: { path } });
  return units;
}

/** Whether the text is an index value indexUnits accepts. */
export function isIndexValue(text: string): boolean {
  return INDEX.test(text) && /[1-9]/.test(text);
}

/**
 * `pence` at base-index prices carried to `yearIndex` prices: pence x yearIndex / baseIndex,
 * rounded to the nearest penny (halves away from zero).
 */
export function indexPence(pence: number, baseIndex: string, yearIndex: string): number {
  const base = indexUnits(baseIndex, "baseIndex");
  const year = indexUnits(yearIndex, "index");
  const num = BigInt(pence) * year;
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs * 2n + base) / (2n * base);
  return Number(neg ? -q : q);
}

/** The ratio of two index values as a percentage with one decimal ("102.5" over "100" -> "102.5%"). */
export function indexRatioText(baseIndex: string, yearIndex: string): string {
  const base = indexUnits(baseIndex, "baseIndex");
  const year = indexUnits(yearIndex, "index");
  const tenths = (year * 1000n * 2n + base) / (2n * base);
  return `${tenths / 10n}.${tenths % 10n}%`;
}
