/**
 * Exact money arithmetic for amounts at risk: a rational number of pence (num / den) rounded
 * once to the nearest penny, half away from zero, with integer steps only.
 */
export function roundDiv(num: number, den: number): number {
  if (den <= 0 || !Number.isInteger(den))
    throw new RangeError(`denominator must be a positive integer, got ${den}`);
  if (!Number.isSafeInteger(num)) throw new RangeError(`numerator must be a safe integer, got ${num}`);
  const neg = num < 0;
  const a = Math.abs(num);
  let k = Math.floor(a / den);
  // Float division can land one off near an integer; correct it with exact integer products.
  if (k * den > a) k--;
  else if (a - k * den >= den) k++;
  const r = a - k * den;
  if (2 * r >= den) k++;
  return neg ? -k : k;
}
