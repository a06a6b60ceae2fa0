/**
 * Exact decimal arithmetic for KPI results and targets ("98.5" against "99", tolerance "0.5"):
 * the figures are compared and subtracted as scaled integers, so a result exactly at its target
 * or at the edge of its tolerance is never misjudged by a binary float.
 */

/** A decimal: `units / 10^scale`. */
interface Dec {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Whether the text is a plain decimal such as 98, -3 or 99.5 (no exponent, no thousands). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

function parse(text: string): Dec {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal: "${text}"`);
  const frac = m[3] ?? "";
  const units = BigInt(`${m[2]}${frac}`);
  return { units: m[1] ? -units : units, scale: frac.length };
}

function aligned(a: string, b: string): [bigint, bigint, number] {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return [x.units * 10n ** BigInt(scale - x.scale), y.units * 10n ** BigInt(scale - y.scale), scale];
}

function show(units: bigint, scale: number): string {
  const neg = units < 0n;
  let digits = (neg ? -units : units).toString().padStart(scale + 1, "0");
  if (scale > 0) {
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, "");
  }
  return neg && digits !== "0" ? `-${digits}` : digits;
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimal(a: string, b: string): string {
  const [x, y, s] = aligned(a, b);
  return show(x + y, s);
}

export function subtractDecimal(a: string, b: string): string {
  const [x, y, s] = aligned(a, b);
  return show(x - y, s);
}

/** a × n for a whole number n. */
export function timesWhole(a: string, n: number): string {
  const x = parse(a);
  return show(x.units * BigInt(n), x.scale);
}

/** The decimal as written without trailing zeros: "98.50" -> "98.5". */
export function normalDecimal(a: string): string {
  const x = parse(a);
  return show(x.units, x.scale);
}
