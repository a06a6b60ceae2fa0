/**
 * A supplier's scorecard: how it has performed over time on every contract it holds, month by
 * month, as the weighted score of the KPIs rated that month (uk9-rating.ts). One supplier's
 * record across contracts is what an authority weighs when the supplier bids again or asks for
 * an extension, and what a committee asks when it hears "performance is improving".
 */
import { periodRating, type RatedKpi, type ScaledRating } from "./uk9-rating.ts";

export interface ScorecardInput {
  contractId: string;
  contractTitle: string;
  supplier: string;
  /** Each KPI's rating (override or computed) for a period, with the KPI's weight. */
  ratings: (RatedKpi & { periodEnd: string; kpiId: string })[];
}

export interface ScorecardPoint {
  /** YYYY-MM */
  month: string;
  scorePercent: number | null;
  rating: ScaledRating | null;
  kpisRated: number;
}

export interface ScorecardSeries {
  contractId: string;
  contractTitle: string;
  points: ScorecardPoint[];
}

export interface Scorecard {
  supplier: string;
  /** Every month any of the supplier's contracts has a rating, oldest first. */
  months: string[];
  series: ScorecardSeries[];
  /** The latest month's score across all its contracts' KPIs together, or null. */
  latest: { month: string; scorePercent: number | null; rating: ScaledRating | null } | null;
}

/** One scorecard per supplier (suppliers in name order, contracts in id order). */
export function scorecards(inputs: readonly ScorecardInput[]): Scorecard[] {
  const bySupplier = new Map<string, ScorecardInput[]>();
  for (const i of inputs) {
    if (!i.supplier) continue;
    bySupplier.set(i.supplier, [...(bySupplier.get(i.supplier) ?? []), i]);
  }
  return [...bySupplier.keys()].sort().map((supplier) => {
    const contracts = (bySupplier.get(supplier) ?? []).sort((a, b) => (a.contractId < b.contractId ? -1 : 1));
    const months = [
      ...new Set(contracts.flatMap((c) => c.ratings.map((r) => r.periodEnd.slice(0, 7)))),
    ].sort();
    const series = contracts.map((c) => ({
      contractId: c.contractId,
      contractTitle: c.contractTitle,
      points: months.flatMap((month) => {
        const rated = c.ratings.filter((r) => r.periodEnd.slice(0, 7) === month);
        if (rated.length === 0) return [];
        const p = periodRating(rated);
        return [{ month, scorePercent: p.scorePercent, rating: p.rating, kpisRated: rated.length }];
      }),
    }));
    const last = months[months.length - 1];
    const latest = last
      ? (() => {
          const p = periodRating(
            contracts.flatMap((c) => c.ratings.filter((r) => r.periodEnd.slice(0, 7) === last)),
          );
          return { month: last, scorePercent: p.scorePercent, rating: p.rating };
        })()
      : null;
    return { supplier, months, series, latest };
  });
}
