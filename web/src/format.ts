/** How money, dates and demo markings are shown. Money arrives as integer pence. */
import { formatGBP, formatGBPShort } from "../../src/shared/money.ts";

/** £234.5m style for cards and tables. */
export function moneyShort(pence: number): string {
  return formatGBPShort(pence);
}

/** £18,400,000 style for the facts of one record. */
export function moneyFull(pence: number): string {
  return formatGBP(pence);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2015-07-15" -> "15 Jul 2015"; anything else is shown as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** "2026-11-24T22:15:47.849Z" -> "24 Nov 2026 22:15 UTC". */
export function formatTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${formatDate(m[1])} ${m[2]} UTC` : iso;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : n.toLocaleString("en-GB");
}

/**
 * The demo note for `field` of a record, or null when the value comes from the public record.
 * demoFields name the camelCase field, sometimes in pounds rather than pence
 * ("annualCostPounds" for annualCostPence) and sometimes with a note ("awardedOn (day)").
 */
export function demoNote(demoFields: readonly string[], field: string): string | null {
  const alt = field.endsWith("Pence") ? `${field.slice(0, -5)}Pounds` : field;
  for (const entry of demoFields) {
    const m = /^\s*([A-Za-z0-9_]+)\s*(?:\((.*)\))?\s*$/.exec(entry);
    const name = m?.[1] ?? entry.trim();
    if (name === field || name === alt) {
      const note = m?.[2]?.trim();
      return note ? `the ${note} was invented for the demo` : "invented for the demo";
    }
  }
  return null;
}
