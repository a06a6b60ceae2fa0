/**
 * Money is held as integer pence (minor units) and shown as decimal strings. Binary floats
 * never reach the store: parsing goes from the decimal text straight to an integer.
 */
import { InputError } from "./errors.ts";

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * The largest sum of money nous holds: 10^15 pence, £10 trillion. That is several times the UK
 * government's whole annual spending (about £1.2 trillion), so no real contract, budget or invoice
 * comes near it, while a figure past it is a typing slip or hostile input. It is far inside
 * Number.MAX_SAFE_INTEGER (about 9 x 10^15), so every amount up to it is exact as a JS number and
 * through JSON, a sum of up to nine such amounts stays exact, and it fits SQLite's INTEGER and
 * PostgreSQL's bigint with room to spare. Schemas (the API's and the decide files') refuse more.
 */
export const MAX_PENCE = 1_000_000_000_000_000;

/** MAX_PENCE in pounds, for inputs given in pounds (the decide files). */
export const MAX_POUNDS = MAX_PENCE / 100;

/** Parses "1234.5" or "-12.05" (pounds, up to two decimals) to integer pence. */
export function parsePounds(text: string): number {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new InputError(`expected an amount in pounds with up to 2 decimals, got "${text}"`);
  const pounds = Number(m[2]);
  const pence = Number((m[3] ?? "").padEnd(2, "0"));
  const value = pounds * 100 + pence;
  if (!Number.isSafeInteger(value) || value > MAX_PENCE)
    throw new InputError(`amount "${text}" is more than £10 trillion, the most nous holds`);
  return m[1] ? -value : value;
}

/** Like parsePounds but returns null instead of throwing. */
export function tryParsePounds(text: string): number | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const value = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(value) || value > MAX_PENCE) return null;
  return m[1] ? -value : value;
}

/** Integer pence to a decimal string: 123456 -> "1234.56", -5 -> "-0.05". */
export function penceToDecimal(pence: number): string {
  if (!Number.isInteger(pence)) throw new RangeError(`pence must be an integer, got ${pence}`);
  const neg = pence < 0;
  const abs = Math.abs(pence);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

/** Pounds as a JS number (from an appraisal, say) to the nearest penny. */
export function poundsToPence(pounds: number): number {
  return Math.round(pounds * 100);
}

/** £1,234,567 style, for people. `decimals` 0 rounds to the pound. */
export function formatGBP(pence: number, decimals: 0 | 2 = 0): string {
  const pounds = pence / 100;
  return pounds.toLocaleString("en-GB", {
    style: "currency",
    currency: "GBP",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** £234.5m style for large sums in reports. */
export function formatGBPShort(pence: number): string {
  const pounds = pence / 100;
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? "-" : "";
  if (abs >= 1e9) return `${sign}£${(abs / 1e9).toFixed(2).replace(/\.?0+$/, "")}bn`;
  if (abs >= 1e6) return `${sign}£${(abs / 1e6).toFixed(1).replace(/\.0$/, "")}m`;
  if (abs >= 1e3) return `${sign}£${(abs / 1e3).toFixed(0)}k`;
  return `${sign}£${abs.toFixed(0)}`;
}
