/**
 * Service credits: what the supplier owes back when KPIs fail, under the contract's regime.
 * Either a percentage of the monthly charge for each failed KPI, or points for each failed KPI
 * at a value per point; either way capped each month at a share of the monthly charge. A result
 * within tolerance earns no credit; a period that ended with no result counts as a failure when
 * the regime says so. The credits are computed per calendar month (a quarterly or annual KPI
 * counts in the month its period ends) and each month's working is written out in sentences
 * with the figures, so a contract manager can check it by hand and a supplier can be shown it.
 *
 * Money in integer pence, percentages in basis points (100 bp = 1%); every division rounds down
 * to the whole penny, so a credit is never more than the contract gives.
 */
import { InputError } from "../shared/errors.ts";
import { formatGBP, MAX_PENCE } from "../shared/money.ts";
import { monthEnd, OUTCOME_WORDS, type ResultOutcome } from "./kpi-result.ts";

export const REGIME_KINDS = ["percent", "points"] as const;
export type RegimeKind = (typeof REGIME_KINDS)[number];

export interface CreditRegime {
  contractId: string;
  kind: RegimeKind;
  monthlyChargePence: number;
  /** percent: the credit for each failed KPI, in basis points of the monthly charge. */
  creditBp: number;
  /** points: the points each failed KPI scores, and what a point is worth. */
  pointsPerFailure: number;
  pencePerPoint: number;
  /** The most credited in one month, in basis points of the monthly charge. */
  capBp: number;
  /** Whether a period ended with no result counts as a failed KPI. */
  missingCountsAsFailure: boolean;
  notes: string;
  demo: boolean;
}

export type RegimeEntry = Omit<CreditRegime, "contractId" | "notes" | "demo" | "missingCountsAsFailure"> & {
  notes?: string | undefined;
  missingCountsAsFailure?: boolean | undefined;
  demo?: boolean | undefined;
};

/** One KPI's standing in a period, as the credits read it. */
export interface PeriodKpiResult {
  kpiId: string;
  title: string;
  periodEnd: string;
  /** null: the period ended with no result. */
  outcome: ResultOutcome | null;
  /** The assessment's sentence, or why there is none. */
  sentence: string;
}

export interface KpiCredit {
  kpiId: string;
  title: string;
  reason: "failed" | "missing";
  points: number;
  creditPence: number;
}

export interface MonthCredits {
  /** YYYY-MM */
  month: string;
  /** The month's last day. */
  periodEnd: string;
  results: PeriodKpiResult[];
  failed: KpiCredit[];
  grossPence: number;
  capPence: number;
  creditPence: number;
  capped: boolean;
  working: string[];
}

const gbp = (p: number) => formatGBP(p, 2);
const percent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}%`;

/** a × bp / 10,000, rounded down to the penny, exact for any sum up to MAX_PENCE. */
export function shareOf(pence: number, bp: number): number {
  return Number((BigInt(pence) * BigInt(bp)) / 10_000n);
}

function wholeIn(v: number, path: string, max: number): number {
  if (!Number.isSafeInteger(v) || v < 0 || v > max)
    throw new InputError(`expected a whole number from 0 to ${max}, got ${v}`, { location: { path } });
  return v;
}

/** The regime to store; an InputError naming the field when one is not valid. */
export function newRegime(contractId: string, e: RegimeEntry): CreditRegime {
  if (!REGIME_KINDS.includes(e.kind))
    throw new InputError(`expected a kind of ${REGIME_KINDS.join(" or ")}, got "${e.kind}"`, {
      location: { path: "$.kind" },
    });
  const r: CreditRegime = {
    contractId,
    kind: e.kind,
    monthlyChargePence: wholeIn(e.monthlyChargePence, "$.monthlyChargePence", MAX_PENCE),
    creditBp: wholeIn(e.creditBp, "$.creditBp", 10_000),
    pointsPerFailure: wholeIn(e.pointsPerFailure, "$.pointsPerFailure", 1_000_000),
    pencePerPoint: wholeIn(e.pencePerPoint, "$.pencePerPoint", MAX_PENCE),
    capBp: wholeIn(e.capBp, "$.capBp", 10_000),
    missingCountsAsFailure: e.missingCountsAsFailure !== false,
    notes: (e.notes ?? "").trim(),
    demo: e.demo === true,
  };
  if (r.kind === "percent" && r.creditBp === 0)
    throw new InputError("a percentage regime needs a credit above 0 basis points per failed KPI", {
      location: { path: "$.creditBp" },
    });
  if (r.kind === "points" && (r.pointsPerFailure === 0 || r.pencePerPoint === 0))
    throw new InputError("a points regime needs points per failed KPI and a value per point above 0", {
      location: { path: r.pointsPerFailure === 0 ? "$.pointsPerFailure" : "$.pencePerPoint" },
    });
  return r;
}

/** The regime's terms in one sentence. */
export function regimeSentence(r: CreditRegime): string {
  const cap = `capped at ${percent(r.capBp)} of it (${gbp(shareOf(r.monthlyChargePence, r.capBp))}) a month`;
  const each =
    r.kind === "percent"
      ? `${percent(r.creditBp)} of it (${gbp(shareOf(r.monthlyChargePence, r.creditBp))}) for each failed KPI`
      : `${r.pointsPerFailure} point${r.pointsPerFailure === 1 ? "" : "s"} for each failed KPI at ${gbp(r.pencePerPoint)} a point (${gbp(r.pointsPerFailure * r.pencePerPoint)})`;
  const missing = r.missingCountsAsFailure
    ? "a period with no result counts as failed"
    : "a period with no result earns no credit";
  return `Monthly charge ${gbp(r.monthlyChargePence)}; the regime credits ${each}, ${cap}; ${missing}.`;
}

/** The credits of every month that has a result or a missing one, oldest first. */
export function serviceCredits(regime: CreditRegime, results: readonly PeriodKpiResult[]): MonthCredits[] {
  const byMonth = new Map<string, PeriodKpiResult[]>();
  for (const r of results) {
    const m = r.periodEnd.slice(0, 7);
    byMonth.set(m, [...(byMonth.get(m) ?? []), r]);
  }
  const perFailure =
    regime.kind === "percent"
      ? shareOf(regime.monthlyChargePence, regime.creditBp)
      : regime.pointsPerFailure * regime.pencePerPoint;
  const capPence = shareOf(regime.monthlyChargePence, regime.capBp);
  return [...byMonth.keys()].sort().map((month) => {
    const rs = (byMonth.get(month) ?? []).sort((a, b) =>
      a.kpiId < b.kpiId ? -1 : a.kpiId > b.kpiId ? 1 : 0,
    );
    const working = [regimeSentence(regime)];
    const failed: KpiCredit[] = [];
    for (const r of rs) {
      const missing = r.outcome === null;
      const credited = r.outcome === "fail" || (missing && regime.missingCountsAsFailure);
      if (credited) {
        failed.push({
          kpiId: r.kpiId,
          title: r.title,
          reason: missing ? "missing" : "failed",
          points: regime.kind === "points" ? regime.pointsPerFailure : 0,
          creditPence: perFailure,
        });
      }
      const outcome = missing ? "no result" : OUTCOME_WORDS[r.outcome as ResultOutcome];
      working.push(
        `${r.title} (period ending ${r.periodEnd}): ${r.sentence} — ${
          credited ? `credit ${gbp(perFailure)}` : `no credit (${outcome})`
        }.`,
      );
    }
    const grossPence = failed.length * perFailure;
    const capped = grossPence > capPence;
    const creditPence = capped ? capPence : grossPence;
    if (failed.length === 0) working.push("No KPI failed this month: no credit.");
    else {
      const gross = `${failed.length} failed KPI${failed.length === 1 ? "" : "s"} × ${gbp(perFailure)} = ${gbp(grossPence)}`;
      working.push(
        capped
          ? `${gross}, above the cap of ${gbp(capPence)}: the credit is the cap, ${gbp(capPence)} (${gbp(grossPence - capPence)} not credited).`
          : grossPence === capPence
            ? `${gross}, exactly the cap of ${gbp(capPence)}: credit ${gbp(creditPence)}.`
            : `${gross}, within the cap of ${gbp(capPence)}: credit ${gbp(creditPence)}.`,
      );
    }
    return {
      month,
      periodEnd: monthEnd(`${month}-01`),
      results: rs,
      failed,
      grossPence,
      capPence,
      creditPence,
      capped,
      working,
    };
  });
}
