/**
 * Money as people type it into a form: `48,000,000`, `£48m`, `£1.2m`, `£250k`, `1.2 million`,
 * `-£3.5m` (a cost), `£1,250,000.50`. Turned into integer pence with integer arithmetic on the
 * digits (BigInt), never through a binary float, so `£1.2m` is exactly 120,000,000 pence.
 *
 * Text that could mean two things is refused with a plain message rather than guessed: `1,2` or
 * `1.200` (a decimal comma, or a thousands point?), `12m5`, a unit twice, more decimals than
 * pence. Amounts beyond MAX_PENCE (£10 trillion) are refused too, as the server would.
 */
import { MAX_PENCE } from "../../src/shared/money.ts";

export type MoneyInput = { pence: number } | { problem: string } | { empty: true };

const UNITS: Record<string, bigint> = {
  k: 1_000n,
  thousand: 1_000n,
  m: 1_000_000n,
  mn: 1_000_000n,
  million: 1_000_000n,
  bn: 1_000_000_000n,
  b: 1_000_000_000n,
  billion: 1_000_000_000n,
};

const SHAPE = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

const EXAMPLES = "such as 48,000,000, £1.2m, £250k or 1.2 million";

/** Reads one amount of money in pounds; `{ empty: true }` for a blank box. */
export function parseMoneyInput(raw: string): MoneyInput {
  let text = raw.trim().toLowerCase().replace(/\s+/g, " ");
  if (text === "") return { empty: true };
  let negative = false;
  if (text.startsWith("-") || text.startsWith("−")) {
    negative = true;
    text = text.slice(1).trim();
  }
  if (text.startsWith("£")) text = text.slice(1).trim();
  if (!negative && (text.startsWith("-") || text.startsWith("−"))) {
    negative = true;
    text = text.slice(1).trim();
  }
  const m = /^([\d.,]+) ?([a-z]+)?$/.exec(text);
  if (!m) return { problem: `"${raw.trim()}" is not an amount of money: write pounds, ${EXAMPLES}.` };
  const numberPart = m[1]!;
  const unitWord = m[2];
  let unit = 1n;
  if (unitWord !== undefined) {
    const u = UNITS[unitWord];
    if (u === undefined)
      return { problem: `"${raw.trim()}": "${unitWord}" is not a unit nous knows; use k, m (million) or bn.` };
    unit = u;
  }
  if (/,\d{1,2}$/.test(numberPart) || /,\d{4,}/.test(numberPart))
    return {
      problem: `"${raw.trim()}" is ambiguous: commas separate thousands (1,200,000), and a point starts the pence (1,200.50).`,
    };
  const shape = SHAPE.exec(numberPart);
  if (!shape || (shape[1] === undefined && shape[2] === undefined))
    return { problem: `"${raw.trim()}" is not an amount of money: write pounds, ${EXAMPLES}.` };
  const whole = (shape[1] ?? "0").replaceAll(",", "");
  const fraction = shape[2] ?? "";
  if (unit === 1n && fraction.length === 3 && whole.length <= 3 && !numberPart.includes(","))
    return {
      problem: `"${raw.trim()}" is ambiguous: write 1,200 for one thousand two hundred pounds, or 1.20 for a pound and twenty pence.`,
    };
  // Pence = (whole.fraction) x unit x 100, done on the digits.
  const scale = 10n ** BigInt(fraction.length);
  const numerator = (BigInt(whole) * scale + BigInt(fraction === "" ? "0" : fraction)) * unit * 100n;
  if (numerator % scale !== 0n)
    return {
      problem: `"${raw.trim()}" has more decimals than pence: at most 2 decimal places of pounds${unit === 1n ? "" : " after the unit is applied"}.`,
    };
  const pence = numerator / scale;
  if (pence > BigInt(MAX_PENCE)) return { problem: `"${raw.trim()}" is more than £10 trillion, the most nous holds.` };
  const n = Number(pence);
  return { pence: negative && n !== 0 ? -n : n };
}

/** Integer pence as a form shows it back: `-1,200,000.50`, `48,000,000` (no £, no rounding). */
export function penceToInput(pence: number): string {
  const negative = pence < 0;
  const abs = BigInt(Math.abs(pence));
  const pounds = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const p = abs % 100n;
  return `${negative ? "-" : ""}${pounds}${p === 0n ? "" : `.${p.toString().padStart(2, "0")}`}`;
}

/**
 * Integer pence as the pounds of the engine's file form (a JSON number). Exact for every amount
 * up to MAX_PENCE that has whole pounds, and the nearest double for pence (as the file form is).
 */
export function penceToPoundsNumber(pence: number): number {
  return Number(pence) / 100;
}

/** Pounds of the engine's file form (a JSON number) to integer pence. */
export function poundsNumberToPence(pounds: number): number {
  return Math.round(pounds * 100);
}
