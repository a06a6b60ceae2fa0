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

/** roundDiv for a numerator beyond 2^53 (a huge amount over many days), exactly. */
export function roundDivBig(num: bigint, den: number): number {
  if (den <= 0 || !Number.isInteger(den))
    throw new RangeError(`denominator must be a positive integer, got ${den}`);
  const d = BigInt(den);
  const neg = num < 0n;
  const a = neg ? -num : num;
  let k = a / d;
  if (2n * (a % d) >= d) k += 1n;
  return Number(neg ? -k : k);
}

/**
 * round(k × amount / n) for k of a line's n days at `amount` pence: exact even when k × amount
 * is beyond 2^53 (the result, at most |amount|, always fits).
 */
export function mulDivRound(k: number, amount: number, n: number): number {
  const p = k * amount;
  return Number.isSafeInteger(p) ? roundDiv(p, n) : roundDivBig(BigInt(k) * BigInt(amount), n);
}
