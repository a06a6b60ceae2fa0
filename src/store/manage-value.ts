/**
 * Value over a contract's life in the store: the award baseline, the variations (inserted only;
 * this file has no update or delete of a variation), the savings plan and the exit plan (each
 * replaced whole). Every write is one transaction with its audit entry. What the figures mean is
 * src/manage's (variation.ts, savings.ts, exit.ts), composed in src/app/manage-value.ts.
 */
import type { Selectable } from "kysely";
import type { ExitPlanInput } from "../manage/exit.ts";
import type { SavingsPlanInput } from "../manage/savings.ts";
import type { AwardBaseline, Regime, VariationFacts, VariationKind } from "../manage/variation.ts";
import { ConflictError } from "../shared/errors.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import type { ContractAwardBaselinesTable, ContractVariationsTable } from "./manage-value-schema.ts";

const flag = (b: boolean) => (b ? 1 : 0);

const toBaseline = (r: Selectable<ContractAwardBaselinesTable>): AwardBaseline => ({
  contractId: r.contract_id,
  awardValuePence: Number(r.award_value_pence),
  startDate: r.start_date,
  awardEndDate: r.award_end_date,
  awardMaxEndDate: r.award_max_end_date,
  works: r.works === 1,
  regime: r.regime as Regime,
  source: r.source,
  demo: r.demo === 1,
});

const toVariation = (r: Selectable<ContractVariationsTable>): VariationFacts => ({
  id: r.id,
  contractId: r.contract_id,
  version: Number(r.version),
  kind: r.kind as VariationKind,
  correctsVersion: r.corrects_version === null ? null : Number(r.corrects_version),
  changedOn: r.changed_on,
  approvedOn: r.approved_on,
  approvedBy: r.approved_by,
  reason: r.reason,
  description: r.description,
  valueDeltaPence: Number(r.value_delta_pence),
  endAfter: r.end_after,
  published: r.published === 1,
  demo: r.demo === 1,
});

export async function readBaseline(store: Store, contractId: string): Promise<AwardBaseline | null> {
  const r = await store.db
    .selectFrom("contract_award_baselines")
    .selectAll()
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
  return r ? toBaseline(r) : null;
}

/** Stores the award baseline; 409 once the contract has variations measured against it. */
export async function putBaseline(store: Store, b: AwardBaseline, at: string, actor: Actor): Promise<AwardBaseline> {
  const row: Selectable<ContractAwardBaselinesTable> = {
    contract_id: b.contractId,
    award_value_pence: b.awardValuePence,
    start_date: b.startDate,
    award_end_date: b.awardEndDate,
    award_max_end_date: b.awardMaxEndDate,
    works: flag(b.works),
    regime: b.regime,
    source: b.source,
    updated_at: at,
    demo: flag(b.demo),
  };
  return store.db.transaction().execute(async (trx) => {
    const v = await trx
      .selectFrom("contract_variations")
      .select("id")
      .where("contract_id", "=", b.contractId)
      .limit(1)
      .executeTakeFirst();
    if (v)
      throw new ConflictError(
        `contract ${b.contractId} has variations measured against its award; the award baseline cannot change`,
      );
    await trx.deleteFrom("contract_award_baselines").where("contract_id", "=", b.contractId).execute();
    await trx.insertInto("contract_award_baselines").values(row).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "update",
      entity: "contract_award_baseline",
      entityId: b.contractId,
      reason: actor.reason,
      data: row,
    });
    return toBaseline(row);
  });
}

/** The contract's variations in version order (only published ones when `publishedOnly`). */
export async function readVariations(
  store: Store,
  contractId: string,
  publishedOnly: boolean,
): Promise<VariationFacts[]> {
  const rows = await store.db
    .selectFrom("contract_variations")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("published", "in", publishedOnly ? [1] : [0, 1])
    .orderBy("version")
    .execute();
  return rows.map(toVariation);
}

/**
 * Appends a variation as the next version. `build(version, existing)` makes it from the versions
 * already held, inside the transaction, so two concurrent writes cannot take one number (the
 * unique key on contract and version is the final check).
 */
export async function appendVariation(
  store: Store,
  contractId: string,
  build: (version: number, existing: VariationFacts[]) => VariationFacts,
  at: string,
  actor: Actor,
): Promise<VariationFacts> {
  return store.db.transaction().execute(async (trx) => {
    const held = (
      await trx
        .selectFrom("contract_variations")
        .selectAll()
        .where("contract_id", "=", contractId)
        .orderBy("version")
        .execute()
    ).map(toVariation);
    const v = build((held.at(-1)?.version ?? 0) + 1, held);
    const row: Selectable<ContractVariationsTable> = {
      id: v.id,
      contract_id: v.contractId,
      version: v.version,
      kind: v.kind,
      corrects_version: v.correctsVersion,
      changed_on: v.changedOn,
      approved_on: v.approvedOn,
      approved_by: v.approvedBy,
      reason: v.reason,
      description: v.description,
      value_delta_pence: v.valueDeltaPence,
      end_after: v.endAfter,
      created_at: at,
      published: flag(v.published),
      demo: flag(v.demo),
    };
    await trx.insertInto("contract_variations").values(row).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "contract_variation",
      entityId: v.id,
      reason: actor.reason,
      data: row,
    });
    return toVariation(row);
  });
}

export async function readSavingsPlan(store: Store, contractId: string): Promise<SavingsPlanInput | null> {
  const p = await store.db
    .selectFrom("contract_savings_plans")
    .selectAll()
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
  if (!p) return null;
  const years = await store.db
    .selectFrom("contract_savings_years")
    .selectAll()
    .where("contract_id", "=", contractId)
    .orderBy("start_date")
    .execute();
  return {
    contractId,
    baselineAnnualPence: Number(p.baseline_annual_pence),
    indexName: p.index_name,
    baseIndex: p.base_index,
    claimedTotalPence: Number(p.claimed_total_pence),
    source: p.source,
    demo: p.demo === 1,
    years: years.map((y) => ({
      label: y.label,
      start: y.start_date,
      end: y.end_date,
      claimedPence: Number(y.claimed_pence),
      index: y.index_value,
      paymentsPence: y.payments_pence === null ? null : Number(y.payments_pence),
      retainedPence: Number(y.retained_pence),
      demo: y.demo === 1,
    })),
  };
}

/** Replaces the contract's savings plan, its years with it. */
export async function putSavingsPlan(store: Store, p: SavingsPlanInput, at: string, actor: Actor): Promise<void> {
  const plan = {
    contract_id: p.contractId,
    baseline_annual_pence: p.baselineAnnualPence,
    index_name: p.indexName,
    base_index: p.baseIndex,
    claimed_total_pence: p.claimedTotalPence,
    source: p.source,
    updated_at: at,
    demo: flag(p.demo),
  };
  const years = p.years.map((y) => ({
    contract_id: p.contractId,
    start_date: y.start,
    end_date: y.end,
    label: y.label,
    claimed_pence: y.claimedPence,
    index_value: y.index,
    payments_pence: y.paymentsPence,
    retained_pence: y.retainedPence,
    demo: flag(y.demo),
  }));
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("contract_savings_years").where("contract_id", "=", p.contractId).execute();
    await trx.deleteFrom("contract_savings_plans").where("contract_id", "=", p.contractId).execute();
    await trx.insertInto("contract_savings_plans").values(plan).execute();
    if (years.length) await trx.insertInto("contract_savings_years").values(years).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "update",
      entity: "contract_savings_plan",
      entityId: p.contractId,
      reason: actor.reason,
      data: { ...plan, years },
    });
  });
}

export async function readExitPlan(store: Store, contractId: string): Promise<ExitPlanInput | null> {
  const p = await store.db
    .selectFrom("contract_exit_plans")
    .selectAll()
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
  if (!p) return null;
  const breaks = await store.db
    .selectFrom("contract_exit_breaks")
    .selectAll()
    .where("contract_id", "=", contractId)
    .orderBy("on_date")
    .execute();
  return {
    contractId,
    assets: p.assets,
    data: p.data,
    staff: p.staff,
    staffCount: Number(p.staff_count),
    monthsNeeded: Number(p.months_needed),
    exitCostPence: Number(p.exit_cost_pence),
    source: p.source,
    demo: p.demo === 1,
    breakPoints: breaks.map((b) => ({
      date: b.on_date,
      label: b.label,
      noticeMonths: Number(b.notice_months),
      terminationFeePence: Number(b.termination_fee_pence),
      demo: b.demo === 1,
    })),
  };
}

/** Replaces the contract's exit plan, its break points with it; 409 when two break points share a day. */
export async function putExitPlan(store: Store, p: ExitPlanInput, at: string, actor: Actor): Promise<void> {
  const days = new Set(p.breakPoints.map((b) => b.date));
  if (days.size !== p.breakPoints.length) throw new ConflictError("two break points fall on the same day");
  const plan = {
    contract_id: p.contractId,
    assets: p.assets,
    data: p.data,
    staff: p.staff,
    staff_count: p.staffCount,
    months_needed: p.monthsNeeded,
    exit_cost_pence: p.exitCostPence,
    source: p.source,
    updated_at: at,
    demo: flag(p.demo),
  };
  const breaks = p.breakPoints.map((b) => ({
    contract_id: p.contractId,
    on_date: b.date,
    label: b.label,
    notice_months: b.noticeMonths,
    termination_fee_pence: b.terminationFeePence,
    demo: flag(b.demo),
  }));
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("contract_exit_breaks").where("contract_id", "=", p.contractId).execute();
    await trx.deleteFrom("contract_exit_plans").where("contract_id", "=", p.contractId).execute();
    await trx.insertInto("contract_exit_plans").values(plan).execute();
    if (breaks.length) await trx.insertInto("contract_exit_breaks").values(breaks).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "update",
      entity: "contract_exit_plan",
      entityId: p.contractId,
      reason: actor.reason,
      data: { ...plan, breakPoints: breaks },
    });
  });
}
