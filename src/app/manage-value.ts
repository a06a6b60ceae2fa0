/**
 * Value over a contract's life, the use cases the API calls: savings realised against claimed,
 * the variation history and its UK10 tests, and the exit plan with break costs and readiness.
 * Each reads the store (src/store/manage-value.ts), checks input and computes with src/manage,
 * and is given today's date by its caller (todayInLondon() in the route). `savingsFor` is also
 * what the scrutiny report reads.
 */
import type { Exit, Savings, Variations } from "../contract/manage-value.ts";
import { type ExitPlanInput, exitAssessment, newExitPlan } from "../manage/exit.ts";
import { newSavingsPlan, type SavingsPlanInput, savingsRealised } from "../manage/savings.ts";
import {
  type AwardBaseline,
  newBaseline,
  newVariation,
  type Regime,
  type VariationEntry,
  type VariationFacts,
  variationTimeline,
} from "../manage/variation.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { contractRow } from "../store/manage.ts";
import {
  appendVariation,
  putBaseline,
  putExitPlan,
  putSavingsPlan,
  readBaseline,
  readExitPlan,
  readSavingsPlan,
  readVariations,
} from "../store/manage-value.ts";
import { ConflictError } from "../shared/errors.ts";

const now = () => new Date().toISOString();

/** The variation timeline, or an empty one measured against the register when no baseline is recorded. */
async function timeline(store: Store, contractId: string, publishedOnly: boolean) {
  const contract = await contractRow(store, contractId, publishedOnly);
  const stored = await readBaseline(store, contractId);
  // A contract without dates in the register is measured from a placeholder day, said in its source.
  const start = contract.start_date ?? contract.awarded_on ?? "1970-01-01";
  const end = contract.end_date ?? start;
  const baseline: AwardBaseline = stored ?? {
    contractId,
    awardValuePence: Number(contract.value_pence ?? 0),
    startDate: start,
    awardEndDate: end,
    awardMaxEndDate: contract.max_end_date && contract.max_end_date > end ? contract.max_end_date : end,
    works: false,
    regime: "PA2023" as Regime,
    source: "the register (no award baseline recorded)",
    demo: false,
  };
  const versions = await readVariations(store, contractId, publishedOnly);
  return { contract, stored, t: variationTimeline(baseline, versions) };
}

export async function variationsFor(store: Store, contractId: string, publishedOnly: boolean): Promise<Variations> {
  const { stored, t } = await timeline(store, contractId, publishedOnly);
  return {
    contractId,
    baseline: stored,
    maxTermDays: t.maxTermDays,
    valueThresholdBp: t.valueThresholdBp,
    termThresholdBp: t.termThresholdBp,
    currentValuePence: t.currentValuePence,
    currentEndDate: t.currentEndDate,
    valueChangePence: t.valueChangePence,
    termChangeDays: t.termChangeDays,
    noticesRequired: t.noticesRequired,
    regimeNote: t.regimeNote,
    rows: t.rows,
  };
}

/** Savings realised against claimed for a contract, as of `today` (only a published contract when `publishedOnly`). */
export async function savingsFor(
  store: Store,
  contractId: string,
  today: string,
  publishedOnly = false,
): Promise<Savings> {
  const { t } = await timeline(store, contractId, publishedOnly);
  const versions = t.rows;
  const committed = {
    contractValuePence: t.baseline.awardValuePence,
    committedTotalPence: t.currentValuePence,
    committedDemo: versions.some((v) => v.demo && v.valueDeltaPence !== 0),
  };
  const plan = await readSavingsPlan(store, contractId);
  if (!plan)
    return {
      contractId,
      planned: false,
      ...committed,
      indexName: "",
      baseIndex: "",
      baselineAnnualPence: 0,
      claimedTotalPence: 0,
      claimedByYearPence: 0,
      claimsMatchHeadline: true,
      claimedToDatePence: 0,
      realisedToDatePence: 0,
      gapToDatePence: 0,
      source: "",
      demo: false,
      rows: [],
    };
  // Billing runs in the store carry no period, so payments come from the recorded annual figures.
  const r = savingsRealised(plan, today);
  return { ...r, planned: true, ...committed };
}

export async function setSavingsPlan(
  store: Store,
  contractId: string,
  input: Omit<SavingsPlanInput, "contractId" | "demo" | "years"> & {
    years: Omit<SavingsPlanInput["years"][number], "demo">[];
  },
  today: string,
  actor: Actor,
): Promise<Savings> {
  await contractRow(store, contractId, false);
  const plan = newSavingsPlan({
    ...input,
    contractId,
    demo: false,
    years: input.years.map((y) => ({ ...y, demo: false })),
  });
  await putSavingsPlan(store, plan, now(), actor);
  return savingsFor(store, contractId, today);
}

export async function setAwardBaseline(
  store: Store,
  contractId: string,
  input: Omit<AwardBaseline, "contractId" | "demo" | "source"> & { source?: string | undefined },
  actor: Actor,
): Promise<AwardBaseline> {
  await contractRow(store, contractId, false);
  const b = newBaseline({ ...input, contractId, source: input.source ?? "", demo: false });
  return putBaseline(store, b, now(), actor);
}

/** Appends a variation; 409 when the contract has no award baseline to measure it against. */
export async function addVariation(
  store: Store,
  contractId: string,
  input: VariationEntry,
  actor: Actor,
): Promise<Variations> {
  await contractRow(store, contractId, false);
  const baseline = await readBaseline(store, contractId);
  if (!baseline)
    throw new ConflictError(
      `contract ${contractId} has no award baseline: record the contract as awarded before its variations`,
    );
  const check = (v: VariationFacts, held: VariationFacts[]) => {
    variationTimeline(baseline, [...held, v]); // refuses a version that takes the value below zero
    return v;
  };
  await appendVariation(store, contractId, (version, held) => check(newVariation(contractId, version, input, held), held), now(), actor);
  return variationsFor(store, contractId, false);
}

export async function exitFor(store: Store, contractId: string, today: string): Promise<Exit> {
  const { t } = await timeline(store, contractId, false);
  const plan = await readExitPlan(store, contractId);
  const termEnd = t.currentEndDate;
  const a = exitAssessment(
    plan ?? {
      contractId,
      assets: "",
      data: "",
      staff: "",
      staffCount: 0,
      monthsNeeded: 0,
      exitCostPence: 0,
      source: "",
      demo: false,
      breakPoints: [],
    },
    termEnd,
    today,
  );
  const { contractId: _c, breakPoints: _b, ...planOut } = a.plan;
  return {
    contractId,
    planned: plan !== null,
    plan: plan ? planOut : null,
    termEnd,
    points: a.points,
    readiness: {
      nextDate: a.readiness.next?.date ?? null,
      nextLabel: a.readiness.next?.label ?? null,
      ready: plan !== null && a.readiness.ready,
      daysShort: a.readiness.daysShort,
      firstAchievableDate: a.readiness.firstAchievable?.date ?? null,
      summary: plan ? a.readiness.summary : "No exit plan is recorded: the contract cannot be shown to be ready to exit.",
    },
  };
}

export async function setExitPlan(
  store: Store,
  contractId: string,
  input: Omit<ExitPlanInput, "contractId" | "demo" | "source" | "breakPoints"> & {
    source?: string | undefined;
    breakPoints: Omit<ExitPlanInput["breakPoints"][number], "demo">[];
  },
  today: string,
  actor: Actor,
): Promise<Exit> {
  await contractRow(store, contractId, false);
  const plan = newExitPlan({
    ...input,
    contractId,
    source: input.source ?? "",
    demo: false,
    breakPoints: input.breakPoints.map((b) => ({ ...b, demo: false })),
  });
  await putExitPlan(store, plan, now(), actor);
  return exitFor(store, contractId, today);
}
