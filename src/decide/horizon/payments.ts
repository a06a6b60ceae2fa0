/**
 * A contract's payment profile as dated amounts in pence: dated payments as given, and annual
 * amounts spread evenly by day over the twelve months each covers. Splitting money across
 * periods keeps whole pence and the exact total (largest-remainder rounding), so the shares
 * of every administration add up to the contract value to the penny.
 */
import { addMonths, dayNumber } from "../../shared/dates.ts";

export interface DatedPayment {
  date: string;
  /** Pence. */
  amount: number;
}

export interface AnnualAmount {
  /** First day of the twelve months this amount covers. */
  start: string;
  /** Pence. */
  amount: number;
}

export interface PaymentProfile {
  payments?: DatedPayment[];
  annual?: AnnualAmount[];
}

/** Splits whole pence in proportion to weights, keeping the exact total. */
export function splitPence(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map((r) => Math.trunc(r));
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, frac: Math.abs(r - Math.trunc(r)) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  const step = Math.sign(rest);
  for (let k = 0; rest !== 0 && k < order.length; k = (k + 1) % order.length) {
    out[order[k]!.i]! += step;
    rest -= step;
  }
  return out;
}

/**
 * Pence falling in each period [from, to) (ISO dates, sorted, contiguous or not); money outside
 * every period is returned as `outside`.
 */
export function allocate(
  profile: PaymentProfile,
  periods: Array<{ from: string; to: string }>,
): { perPeriod: number[]; outside: number } {
  const perPeriod = periods.map(() => 0);
  let outside = 0;
  const bounds = periods.map((p) => ({ from: dayNumber(p.from), to: dayNumber(p.to) }));
  const place = (day: number, amount: number) => {
    const i = bounds.findIndex((b) => day >= b.from && day < b.to);
    if (i < 0) outside += amount;
    else perPeriod[i]! += amount;
  };
  for (const p of profile.payments ?? []) place(dayNumber(p.date), p.amount);
  for (const a of profile.annual ?? []) {
    const from = dayNumber(a.start);
    const to = dayNumber(addMonths(a.start, 12));
    // days of [from, to) inside each period, and the rest outside
    const weights = bounds.map((b) => Math.max(0, Math.min(to, b.to) - Math.max(from, b.from)));
    const inside = weights.reduce((x, y) => x + y, 0);
    const parts = splitPence(a.amount, [...weights, to - from - inside]);
    parts.forEach((v, i) => {
      if (i < perPeriod.length) perPeriod[i]! += v;
      else outside += v;
    });
  }
  return { perPeriod, outside };
}

export function profileTotal(profile: PaymentProfile): number {
  let t = 0;
  for (const p of profile.payments ?? []) t += p.amount;
  for (const a of profile.annual ?? []) t += a.amount;
  return t;
}

/** Last day any money is paid or accrued (exclusive end for annual amounts). */
export function profileEnd(profile: PaymentProfile): string {
  let end = "0000-01-01";
  for (const p of profile.payments ?? []) if (p.date > end) end = p.date;
  for (const a of profile.annual ?? []) {
    const e = addMonths(a.start, 12);
    if (e > end) end = e;
  }
  return end;
}

export function profileStart(profile: PaymentProfile): string {
  let start = "9999-12-31";
  for (const p of profile.payments ?? []) if (p.date < start) start = p.date;
  for (const a of profile.annual ?? []) if (a.start < start) start = a.start;
  return start;
}
