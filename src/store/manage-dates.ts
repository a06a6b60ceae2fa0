/**
 * Contract terms and supplier owners in the store: read for many contracts at once (the register,
 * the calendar and the attention list read every contract's), and replaced whole (a term with its
 * options and break points, a supplier's owners), each replacement one audited transaction. What
 * they mean (deadlines, status) is src/manage's, composed in src/app/manage-dates.ts. Also the
 * few reads of other areas' tables the register and the attention list need: terminations, the
 * latest ratings and the open billing exceptions per contract.
 */
import type { Selectable, Transaction } from "kysely";
import type { OwnershipShare } from "../manage/ownership.ts";
import type { BreakPoint, ContractTerm, ExtensionOption, NoticeKind, OptionState } from "../manage/term.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { BillingState } from "./billing-schema.ts";
import type { Store } from "./db.ts";
import type {
  ContractBreakPointsTable,
  ContractTermOptionsTable,
  ContractTermsTable,
  SupplierOwnersTable,
} from "./manage-dates-schema.ts";
import type { ContractRow, Database } from "./schema.ts";

const flag = (b: boolean) => (b ? 1 : 0);

function toTerm(
  r: Selectable<ContractTermsTable>,
  options: Selectable<ContractTermOptionsTable>[],
  breaks: Selectable<ContractBreakPointsTable>[],
): ContractTerm {
  return {
    contractId: r.contract_id,
    initialEndDate: r.initial_end_date,
    endNoticeMonths: Number(r.end_notice_months),
    notice:
      r.notice_kind && r.notice_given_on && r.notice_ends_on
        ? { kind: r.notice_kind as NoticeKind, givenOn: r.notice_given_on, endsOn: r.notice_ends_on }
        : null,
    options: options.map(
      (o): ExtensionOption => ({
        id: o.id,
        fromDate: o.from_date,
        toDate: o.to_date,
        state: o.state as OptionState,
        noticeMonths: Number(o.notice_months),
        decidedOn: o.decided_on,
        note: o.note,
      }),
    ),
    breakPoints: breaks.map(
      (b): BreakPoint => ({ id: b.id, on: b.on_date, noticeMonths: Number(b.notice_months), note: b.note }),
    ),
    source: r.source,
    demo: r.demo === 1,
  };
}

/** The stored terms by contract id (of the contracts named, or all when `ids` is omitted). */
export async function readTerms(store: Store, ids?: readonly string[]): Promise<Map<string, ContractTerm>> {
  const out = new Map<string, ContractTerm>();
  if (ids && ids.length === 0) return out;
  let tq = store.db.selectFrom("contract_terms").selectAll();
  let oq = store.db.selectFrom("contract_term_options").selectAll();
  let bq = store.db.selectFrom("contract_break_points").selectAll();
  if (ids) {
    tq = tq.where("contract_id", "in", [...ids]);
    oq = oq.where("contract_id", "in", [...ids]);
    bq = bq.where("contract_id", "in", [...ids]);
  }
  const [terms, options, breaks] = await Promise.all([
    tq.orderBy("contract_id").execute(),
    oq.orderBy("contract_id").orderBy("from_date").orderBy("id").execute(),
    bq.orderBy("contract_id").orderBy("on_date").orderBy("id").execute(),
  ]);
  for (const t of terms)
    out.set(
      t.contract_id,
      toTerm(
        t,
        options.filter((o) => o.contract_id === t.contract_id),
        breaks.filter((b) => b.contract_id === t.contract_id),
      ),
    );
  return out;
}

/** Replaces the contract's term, options and break points in one audited transaction. */
export async function replaceTerm(
  store: Store,
  t: ContractTerm,
  updatedAt: string,
  actor: Actor,
): Promise<void> {
  await store.db.transaction().execute((trx) => writeTerm(trx, t, updatedAt, actor));
}

/** Replaces the term, audited, inside a transaction the caller holds (with other writes). */
export async function writeTerm(
  trx: Transaction<Database>,
  t: ContractTerm,
  updatedAt: string,
  actor: Actor,
): Promise<void> {
  const row: Selectable<ContractTermsTable> = {
    contract_id: t.contractId,
    initial_end_date: t.initialEndDate,
    end_notice_months: t.endNoticeMonths,
    notice_kind: t.notice?.kind ?? null,
    notice_given_on: t.notice?.givenOn ?? null,
    notice_ends_on: t.notice?.endsOn ?? null,
    source: t.source,
    updated_at: updatedAt,
    demo: flag(t.demo),
  };
  await trx.deleteFrom("contract_term_options").where("contract_id", "=", t.contractId).execute();
  await trx.deleteFrom("contract_break_points").where("contract_id", "=", t.contractId).execute();
  await trx.deleteFrom("contract_terms").where("contract_id", "=", t.contractId).execute();
  await trx.insertInto("contract_terms").values(row).execute();
  for (const o of t.options)
    await trx
      .insertInto("contract_term_options")
      .values({
        contract_id: t.contractId,
        id: o.id,
        from_date: o.fromDate,
        to_date: o.toDate,
        state: o.state,
        notice_months: o.noticeMonths,
        decided_on: o.decidedOn,
        note: o.note,
      })
      .execute();
  for (const b of t.breakPoints)
    await trx
      .insertInto("contract_break_points")
      .values({
        contract_id: t.contractId,
        id: b.id,
        on_date: b.on,
        notice_months: b.noticeMonths,
        note: b.note,
      })
      .execute();
  await appendAudit(trx, {
    actor: actor.username,
    action: "update",
    entity: "contract_term",
    entityId: t.contractId,
    reason: actor.reason,
    data: { ...row, options: t.options, breakPoints: t.breakPoints },
  });
}

const toShare = (r: Selectable<SupplierOwnersTable>): OwnershipShare => ({
  supplier: r.supplier,
  owner: r.owner,
  shareBp: Number(r.share_bp),
  fromDate: r.from_date,
  toDate: r.to_date,
  source: r.source,
  demo: r.demo === 1,
});

/** Every recorded share, by supplier, owner and first day. */
export async function readOwnership(store: Store): Promise<OwnershipShare[]> {
  const rows = await store.db
    .selectFrom("supplier_owners")
    .selectAll()
    .orderBy("supplier")
    .orderBy("owner")
    .orderBy("id")
    .execute();
  return rows.map(toShare);
}

/** Replaces a supplier's owners in one audited transaction. */
export async function replaceOwnership(
  store: Store,
  supplier: string,
  shares: readonly OwnershipShare[],
  updatedAt: string,
  actor: Actor,
): Promise<void> {
  await store.db.transaction().execute((trx) => writeOwnership(trx, supplier, shares, updatedAt, actor));
}

/** Replaces a supplier's owners, audited, inside a transaction the caller holds (with other writes). */
export async function writeOwnership(
  trx: Transaction<Database>,
  supplier: string,
  shares: readonly OwnershipShare[],
  updatedAt: string,
  actor: Actor,
): Promise<void> {
  await trx.deleteFrom("supplier_owners").where("supplier", "=", supplier).execute();
  for (const s of shares)
    await trx
      .insertInto("supplier_owners")
      .values({
        id: `${supplier}|${s.owner}|${s.fromDate ?? ""}`,
        supplier,
        owner: s.owner,
        share_bp: s.shareBp,
        from_date: s.fromDate,
        to_date: s.toDate,
        source: s.source,
        updated_at: updatedAt,
        demo: flag(s.demo),
      })
      .execute();
  await appendAudit(trx, {
    actor: actor.username,
    action: "update",
    entity: "supplier_owners",
    entityId: supplier,
    reason: actor.reason,
    data: { supplier, shares },
  });
}

/** The register's contracts (published ones only when `publishedOnly`), by id. */
export async function contractRows(store: Store, publishedOnly: boolean): Promise<ContractRow[]> {
  let q = store.db.selectFrom("contracts").selectAll();
  if (publishedOnly) q = q.where("published", "=", 1);
  return q.orderBy("id").execute();
}

/** Each recorded termination's day and reason, by contract id (published ones only when asked). */
export async function terminationDates(
  store: Store,
  publishedOnly: boolean,
): Promise<Map<string, { terminatedOn: string; reason: string }>> {
  let q = store.db.selectFrom("contract_terminations").select(["contract_id", "terminated_on", "reason"]);
  if (publishedOnly) q = q.where("published", "=", 1);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.contract_id, { terminatedOn: r.terminated_on, reason: r.reason }]));
}

/** The ratings of each contract's latest rated period (published ones only when asked). */
export async function latestRatings(
  store: Store,
  publishedOnly: boolean,
): Promise<Map<string, { periodEnd: string; ratings: string[] }>> {
  let q = store.db.selectFrom("contract_ratings").select(["contract_id", "period_end", "rating"]);
  if (publishedOnly) q = q.where("published", "=", 1);
  const rows = await q.orderBy("contract_id").orderBy("period_end").execute();
  const out = new Map<string, { periodEnd: string; ratings: string[] }>();
  for (const r of rows) {
    const held = out.get(r.contract_id);
    if (!held || r.period_end > held.periodEnd)
      out.set(r.contract_id, { periodEnd: r.period_end, ratings: [r.rating] });
    else if (r.period_end === held.periodEnd) held.ratings.push(r.rating);
  }
  return out;
}

/** Billing exceptions not yet resolved, counted per contract, with the oldest one's id. */
export async function openExceptionCounts(
  store: Store,
  openStates: readonly BillingState[],
): Promise<{ contractId: string; count: number; firstId: string }[]> {
  if (openStates.length === 0) return [];
  const rows = await store.db
    .selectFrom("billing_exceptions")
    .select(["contract_id", "id"])
    .where("state", "in", [...openStates])
    .orderBy("contract_id")
    .orderBy("id")
    .execute();
  const out = new Map<string, { contractId: string; count: number; firstId: string }>();
  for (const r of rows) {
    const held = out.get(r.contract_id);
    if (held) held.count++;
    else out.set(r.contract_id, { contractId: r.contract_id, count: 1, firstId: r.id });
  }
  return [...out.values()];
}
