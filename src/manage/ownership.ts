/**
 * Who owns a supplier, and since when: each owner's share in basis points (7500 = 75%) over a
 * dated span. Ownership changes during a contract (the Cabinet Office sold its 25% of SSCL to
 * Sopra Steria in November 2023), so a register that names today's owners only rewrites the
 * contract's history; asked for a date, this says who owned the supplier then.
 */
import { InputError } from "../shared/errors.ts";
import { isoDateField, textField } from "./fields.ts";

export interface OwnershipShare {
  /** The supplier as the register names it. */
  supplier: string;
  owner: string;
  /** Share in basis points: 10000 is all of it. */
  shareBp: number;
  /** First day held (null: from before the record starts). */
  fromDate: string | null;
  /** Last day held (null: still held). */
  toDate: string | null;
  source: string;
  demo: boolean;
}

/** The shares held on `date` (YYYY-MM-DD), largest first. */
export function ownersOn(
  shares: readonly OwnershipShare[],
  supplier: string,
  date: string,
): OwnershipShare[] {
  return shares
    .filter(
      (s) =>
        s.supplier === supplier &&
        (s.fromDate === null || s.fromDate <= date) &&
        (s.toDate === null || date <= s.toDate),
    )
    .sort((a, b) => b.shareBp - a.shareBp || (a.owner < b.owner ? -1 : 1));
}

/** "75%" or "12.5%" from basis points, without binary floats. */
export function percent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}%`;
}

/** "Sopra Steria 75%, Cabinet Office 25%" for the owners on a date, or "" when none is recorded. */
export function ownersText(shares: readonly OwnershipShare[], supplier: string, date: string): string {
  return ownersOn(shares, supplier, date)
    .map((s) => `${s.owner} ${percent(s.shareBp)}`)
    .join(", ");
}

/**
 * The shares to store for one supplier, checked: each share 1..10000 bp, spans real and in
 * order, and on no day more than 100% owned. An InputError names the JSON path of the fault.
 */
export function checkOwnership(
  supplier: string,
  shares: readonly Omit<OwnershipShare, "supplier">[],
): OwnershipShare[] {
  const out = shares.map((s, i): OwnershipShare => {
    const at = `$.owners[${i}]`;
    if (!Number.isInteger(s.shareBp) || s.shareBp < 1 || s.shareBp > 10_000)
      throw new InputError(`expected a share in basis points from 1 to 10000, got ${s.shareBp}`, {
        location: { path: `${at}.shareBp` },
      });
    const fromDate = s.fromDate === null ? null : isoDateField(s.fromDate, `${at}.fromDate`);
    const toDate = s.toDate === null ? null : isoDateField(s.toDate, `${at}.toDate`);
    if (fromDate && toDate && toDate < fromDate)
      throw new InputError(`the share ends (${toDate}) before it starts (${fromDate})`, {
        location: { path: `${at}.toDate` },
      });
    return {
      ...s,
      supplier,
      owner: textField(s.owner, `${at}.owner`),
      fromDate,
      toDate,
      source: s.source ?? "",
    };
  });
  // One row per owner and start date: the same owner twice from the same day is a typing slip
  // (which share is right?), and the store keeps one row per owner and start date.
  const seen = new Map<string, number>();
  out.forEach((s, i) => {
    const key = `${s.owner}\u0000${s.fromDate ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw new InputError(
        `${s.owner} is listed twice ${s.fromDate ? `from ${s.fromDate}` : "with no start date"} (rows ${first + 1} and ${i + 1}): give one share per owner and start date`,
        { location: { path: `$.owners[${i}].owner` } },
      );
    seen.set(key, i);
  });
  // Total held is highest on some share's first day (or at the start of the record).
  const days = new Set<string>(["0000-01-01"]);
  for (const s of out) if (s.fromDate) days.add(s.fromDate);
  for (const day of days) {
    const total = ownersOn(out, supplier, day).reduce((sum, s) => sum + s.shareBp, 0);
    if (total > 10_000)
      throw new InputError(
        `on ${day === "0000-01-01" ? "the first day recorded" : day} the shares add up to ${percent(total)}, more than 100%`,
        {
          location: { path: "$.owners" },
        },
      );
  }
  return out;
}

/** Shares as a form or an API body enters them (dates and source optional), ready for checkOwnership. */
export function ownersEntered(
  owners: readonly {
    owner: string;
    shareBp: number;
    fromDate?: string | null;
    toDate?: string | null;
    source?: string;
  }[],
): Omit<OwnershipShare, "supplier">[] {
  return owners.map((o) => ({
    owner: o.owner,
    shareBp: o.shareBp,
    fromDate: o.fromDate ?? null,
    toDate: o.toDate ?? null,
    source: o.source ?? "",
    demo: false,
  }));
}
