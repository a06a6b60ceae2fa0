/**
 * Performance and obligations, the use cases the API (and the demo loader) call: KPIs with how
 * they are measured, results per period (one, or a whole CSV or XLSX file), the UK9 rating each
 * result earns and the period's overall rating, the service credits that follow under the
 * contract's regime with their working, a scorecard per supplier across its contracts, and
 * obligations that roll on when completed. What the figures mean is src/manage's; this file
 * reads the store, composes the engines and passes "today" in.
 */
import type { AttentionItem } from "../manage/attention.ts";
import { severityForDaysLeft } from "../manage/attention.ts";
import {
  type KpiEntry,
  type KpiMeasureEntry,
  type MeasuredKpi,
  newKpi,
  newKpiMeasure,
} from "../manage/kpi.ts";
import {
  assessResult,
  type KpiResultEntry,
  type KpiResultRecord,
  newKpiResult,
  overduePeriods,
  periodStart,
  unverifiedSelfReport,
} from "../manage/kpi-result.ts";
import {
  completeObligation,
  newObligation,
  OBLIGATION_KIND_WORDS,
  type ObligationEntry,
  obligationState,
} from "../manage/obligation.ts";
import type { Rating } from "../manage/rating.ts";
import { scorecards } from "../manage/scorecard.ts";
import {
  type CreditRegime,
  newRegime,
  type PeriodKpiResult,
  type RegimeEntry,
  regimeSentence,
  serviceCredits,
} from "../manage/service-credits.ts";
import { periodRating, ratingFromAssessment } from "../manage/uk9-rating.ts";
import { daysBetween } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { contractRow } from "../store/manage.ts";
import {
  insertCompletion,
  insertMeasuredKpi,
  insertObligation,
  insertResults,
  obligationRow,
  readAllMeasuredKpis,
  readCompletions,
  readMeasuredKpis,
  readObligations,
  readRegime,
  readResults,
  updateKpiMeasure,
  upsertRegime,
  verifyResult,
} from "../store/manage-performance.ts";

const now = () => new Date().toISOString();

interface ContractDates {
  id: string;
  title: string;
  supplier: string;
  startDate: string | null;
  endDate: string | null;
}

async function contractDates(store: Store, contractId: string): Promise<ContractDates> {
  const c = await contractRow(store, contractId, false);
  return { id: c.id, title: c.title, supplier: c.supplier, startDate: c.start_date, endDate: c.end_date };
}

/** A KPI that has a numeric target is measured; one without (recorded before 007) is only described. */
const measured = (k: MeasuredKpi) => k.targetValue !== "";

export interface JudgedResult extends KpiResultRecord {
  outcome: "pass" | "withinTolerance" | "fail";
  sentence: string;
  computedRating: Rating;
  /** The override when there is one, else the computed rating. */
  rating: Rating;
  unverified: boolean;
}

function judge(k: MeasuredKpi, r: KpiResultRecord): JudgedResult {
  const a = assessResult(k, r.value);
  const computedRating = ratingFromAssessment(a, k.tolerance);
  return {
    ...r,
    outcome: a.outcome,
    sentence: a.sentence,
    computedRating,
    rating: r.ratingOverride || computedRating,
    unverified: unverifiedSelfReport(r),
  };
}

export interface KpiPerformance extends MeasuredKpi {
  measured: boolean;
  results: JudgedResult[];
  /** Periods ended with no result. */
  overdue: string[];
  unverifiedCount: number;
}

function kpiPerformance(
  k: MeasuredKpi,
  results: readonly KpiResultRecord[],
  c: ContractDates,
  today: string,
): KpiPerformance {
  const mine = results.filter((r) => r.kpiId === k.id);
  const judged = measured(k) ? mine.map((r) => judge(k, r)) : [];
  return {
    ...k,
    measured: measured(k),
    results: judged,
    overdue: measured(k) ? overduePeriods(k, c, new Set(mine.map((r) => r.periodEnd)), today) : [],
    unverifiedCount: judged.filter((r) => r.unverified).length,
  };
}

/** A contract's KPIs with their results judged, what is overdue, and each period's overall rating. */
export async function contractPerformance(store: Store, contractId: string, today: string) {
  const c = await contractDates(store, contractId);
  const [kpis, results] = await Promise.all([
    readMeasuredKpis(store, contractId),
    readResults(store, contractId),
  ]);
  const perf = kpis.map((k) => kpiPerformance(k, results, c, today));
  const ends = [...new Set(perf.flatMap((k) => k.results.map((r) => r.periodEnd)))].sort();
  const periods = ends.map((periodEnd) => {
    const rated = perf.flatMap((k) =>
      k.results.filter((r) => r.periodEnd === periodEnd).map((r) => ({ rating: r.rating, weight: k.weight })),
    );
    return { periodEnd, ...periodRating(rated) };
  });
  return {
    contractId,
    today,
    kpis: perf,
    periods,
    unverifiedCount: perf.reduce((s, k) => s + k.unverifiedCount, 0),
  };
}

// ---- KPIs and results ----

export async function addMeasuredKpi(
  store: Store,
  contractId: string,
  input: KpiEntry & KpiMeasureEntry,
  actor: Actor,
): Promise<MeasuredKpi> {
  await contractRow(store, contractId, false);
  return insertMeasuredKpi(store, { ...newKpi(contractId, input), ...newKpiMeasure(input) }, now(), actor);
}

export async function setKpiMeasure(
  store: Store,
  contractId: string,
  kpiId: string,
  input: KpiMeasureEntry,
  actor: Actor,
): Promise<MeasuredKpi> {
  await contractRow(store, contractId, false);
  return updateKpiMeasure(store, contractId, kpiId, newKpiMeasure(input), actor);
}

function kpiOf(kpis: readonly MeasuredKpi[], kpiId: string, path: string, where = ""): MeasuredKpi {
  const k = kpis.find((x) => x.id === kpiId);
  if (!k) throw new InputError(`${where}the contract has no KPI "${kpiId}"`, { location: { path } });
  if (!measured(k))
    throw new InputError(`${where}KPI "${kpiId}" has no numeric target yet: set how it is measured first`, {
      location: { path },
    });
  return k;
}

/** Records one result and answers it judged. */
export async function recordResult(
  store: Store,
  contractId: string,
  input: KpiResultEntry,
  actor: Actor,
): Promise<JudgedResult> {
  await contractRow(store, contractId, false);
  const kpis = await readMeasuredKpis(store, contractId);
  const k = kpiOf(kpis, input.kpiId, "$.kpiId");
  const r = newKpiResult(contractId, k, input);
  await insertResults(store, contractId, [r], now(), actor, { entityId: r.id, data: r });
  return judge(k, r);
}

export async function verifyKpiResult(
  store: Store,
  contractId: string,
  resultId: string,
  today: string,
  actor: Actor,
): Promise<JudgedResult> {
  const kpis = await readMeasuredKpis(store, contractId);
  const r = await verifyResult(store, contractId, resultId, today, actor);
  return judge(kpiOf(kpis, r.kpiId, "$"), r);
}

// ---- service credits ----

export async function setRegime(
  store: Store,
  contractId: string,
  input: RegimeEntry,
  actor: Actor,
): Promise<{ regime: CreditRegime; created: boolean }> {
  await contractRow(store, contractId, false);
  return upsertRegime(store, newRegime(contractId, input), now(), actor);
}

/**
 * The contract's service credits month by month under its regime (none without one): each
 * month's results, failed KPIs, credit per KPI, cap, credit after the cap and the working.
 */
export async function serviceCreditsFor(store: Store, contractId: string, today: string) {
  const perf = await contractPerformance(store, contractId, today);
  const regime = await readRegime(store, contractId);
  const results: PeriodKpiResult[] = perf.kpis.flatMap((k) => [
    ...k.results.map((r) => ({
      kpiId: k.id,
      title: k.title,
      periodEnd: r.periodEnd,
      outcome: r.outcome,
      sentence: r.sentence,
    })),
    ...k.overdue.map((periodEnd) => ({
      kpiId: k.id,
      title: k.title,
      periodEnd,
      outcome: null,
      sentence: `no result for the period ${periodStart(k.period, periodEnd)} to ${periodEnd}`,
    })),
  ]);
  const months = regime ? serviceCredits(regime, results) : [];
  return {
    contractId,
    regime,
    terms: regime ? regimeSentence(regime) : "No service-credit regime is recorded for this contract.",
    months,
    totalCreditPence: months.reduce((s, m) => s + m.creditPence, 0),
  };
}

// ---- scorecards ----

/** A scorecard per supplier across its contracts, month by month. */
export async function supplierScorecards(store: Store) {
  const contracts = await store.db
    .selectFrom("contracts")
    .select(["id", "title", "supplier"])
    .orderBy("id")
    .execute();
  const [kpis, results] = await Promise.all([readAllMeasuredKpis(store), readResults(store, null)]);
  const byId = new Map(kpis.filter(measured).map((k) => [k.id, k]));
  return scorecards(
    contracts.map((c) => ({
      contractId: c.id,
      contractTitle: c.title,
      supplier: c.supplier,
      ratings: results.flatMap((r) => {
        const k = byId.get(r.kpiId);
        if (!k || r.contractId !== c.id) return [];
        return [{ kpiId: k.id, periodEnd: r.periodEnd, rating: judge(k, r).rating, weight: k.weight }];
      }),
    })),
  );
}

// ---- obligations ----

export async function listObligations(store: Store, contractId: string, today: string) {
  await contractRow(store, contractId, false);
  const obligations = await readObligations(store, contractId);
  const completions = await readCompletions(
    store,
    obligations.map((o) => o.id),
  );
  return obligations.map((o) => ({
    ...o,
    ...obligationState(o, today),
    completions: completions.filter((c) => c.obligationId === o.id),
  }));
}

export async function addObligation(store: Store, contractId: string, input: ObligationEntry, actor: Actor) {
  await contractRow(store, contractId, false);
  return insertObligation(store, newObligation(contractId, input), now(), actor);
}

/** Completes the occurrence due now with its evidence; the obligation rolls on or is done. */
export async function completeContractObligation(
  store: Store,
  contractId: string,
  obligationId: string,
  input: { completedOn: string; evidence: string },
  actor: Actor,
  today: string,
  demo = false,
) {
  const before = await obligationRow(store, contractId, obligationId);
  const { completion, after } = completeObligation(before, input, actor.username);
  const saved = await insertCompletion(store, before, completion, after, now(), actor, demo);
  return { ...saved, ...obligationState(saved, today), completion };
}

// ---- attention ----

/** KPIs failing or overdue for a result, and obligations overdue, as attention items. */
export async function performanceAttention(store: Store, today: string): Promise<AttentionItem[]> {
  const contracts = await store.db
    .selectFrom("contracts")
    .select(["id", "title", "supplier", "start_date", "end_date"])
    .execute();
  const [kpis, results, obligations] = await Promise.all([
    readAllMeasuredKpis(store),
    readResults(store, null),
    readObligations(store, null),
  ]);
  const items: AttentionItem[] = [];
  for (const c of contracts) {
    const dates = {
      id: c.id,
      title: c.title,
      supplier: c.supplier,
      startDate: c.start_date,
      endDate: c.end_date,
    };
    const link = `/contracts/${encodeURIComponent(c.id)}`;
    for (const k of kpis.filter((x) => x.contractId === c.id)) {
      const p = kpiPerformance(k, results, dates, today);
      const latest = p.results.at(-1);
      if (latest && latest.outcome === "fail") {
        const daysLeft = daysBetween(today, latest.periodEnd);
        items.push({
          kind: "kpi-failing",
          id: `kpi-failing:${c.id}:${k.id}:${latest.periodEnd}`,
          contractId: c.id,
          recordId: k.id,
          title: `${c.title}: ${k.title} failed for the period ending ${latest.periodEnd} (${latest.sentence})`,
          dueDate: latest.periodEnd,
          daysLeft,
          severity: "high",
          link,
        });
      }
      const first = p.overdue[0];
      if (first) {
        const daysLeft = daysBetween(today, first);
        items.push({
          kind: "kpi-overdue",
          id: `kpi-overdue:${c.id}:${k.id}:${first}`,
          contractId: c.id,
          recordId: k.id,
          title: `${c.title}: ${k.title} has no result for ${p.overdue.length} period${p.overdue.length === 1 ? "" : "s"} ended (the first ${first})`,
          dueDate: first,
          daysLeft,
          severity: severityForDaysLeft(daysLeft),
          link,
        });
      }
    }
    for (const o of obligations.filter((x) => x.contractId === c.id)) {
      const s = obligationState(o, today);
      if (s.state !== "overdue") continue;
      items.push({
        kind: "obligation-overdue",
        id: `obligation-overdue:${c.id}:${o.id}:${o.dueDate}`,
        contractId: c.id,
        recordId: o.id,
        title: `${c.title}: ${OBLIGATION_KIND_WORDS[o.kind].toLowerCase()} overdue — ${o.title} (owner ${o.owner}, due ${o.dueDate})`,
        dueDate: o.dueDate,
        daysLeft: s.daysLeft,
        severity: severityForDaysLeft(s.daysLeft),
        link,
      });
    }
  }
  return items;
}

/**
 * Records several results of one contract in one transaction (all or none), each optionally
 * already verified (the demo's figures checked before it was loaded).
 */
export async function recordResults(
  store: Store,
  contractId: string,
  entries: readonly (KpiResultEntry & { verifiedBy?: string; verifiedOn?: string })[],
  actor: Actor,
): Promise<number> {
  await contractRow(store, contractId, false);
  const kpis = await readMeasuredKpis(store, contractId);
  const records = entries.map((e, i) => ({
    ...newKpiResult(contractId, kpiOf(kpis, e.kpiId, `$[${i}].kpiId`), e),
    verifiedBy: e.verifiedBy ?? "",
    verifiedOn: e.verifiedOn ?? "",
  }));
  await insertResults(store, contractId, records, now(), actor, {
    entityId: contractId,
    data: { results: records.length },
  });
  return records.length;
}
