/**
 * A contract's payment mechanism in the store: read one, replace it whole in one audited
 * transaction. The checks are src/manage/payment-mechanism.ts's, made before this is called.
 */
import type { Selectable, Transaction } from "kysely";
import type {
  IndexationKind,
  InvoicingFrequency,
  PaymentMechanism,
  PricingBasis,
} from "../manage/payment-mechanism.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import type { ContractPaymentMechanismsTable } from "./manage-payment-schema.ts";
import type { Database } from "./schema.ts";

export interface StoredPaymentMechanism extends PaymentMechanism {
  updatedAt: string;
  demo: boolean;
}

const num = (v: number | null) => (v === null ? null : Number(v));

const toMechanism = (r: Selectable<ContractPaymentMechanismsTable>): StoredPaymentMechanism => ({
  pricingBasis: r.pricing_basis as PricingBasis,
  painShareBp: num(r.pain_share_bp),
  gainShareBp: num(r.gain_share_bp),
  invoicing: r.invoicing as InvoicingFrequency,
  paymentTermsDays: Number(r.payment_terms_days),
  indexation: r.indexation as IndexationKind,
  indexationRateBp: num(r.indexation_rate_bp),
  indexationReviewOn: r.indexation_review_on,
  serviceCreditCapBp: num(r.service_credit_cap_bp),
  note: r.note,
  updatedAt: r.updated_at,
  demo: r.demo === 1,
});

/** The contract's payment mechanism, or null when none is recorded. */
export async function readPaymentMechanism(
  store: Store,
  contractId: string,
): Promise<StoredPaymentMechanism | null> {
  const r = await store.db
    .selectFrom("contract_payment_mechanisms")
    .selectAll()
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
  return r ? toMechanism(r) : null;
}

/** Replaces the contract's payment mechanism in one audited transaction. */
export async function replacePaymentMechanism(
  store: Store,
  contractId: string,
  m: PaymentMechanism,
  updatedAt: string,
  actor: Actor,
  demo = false,
): Promise<void> {
  await store.db
    .transaction()
    .execute((trx) => writePaymentMechanism(trx, contractId, m, updatedAt, actor, demo));
}

/** Replaces the mechanism, audited, inside a transaction the caller holds (with other writes). */
export async function writePaymentMechanism(
  trx: Transaction<Database>,
  contractId: string,
  m: PaymentMechanism,
  updatedAt: string,
  actor: Actor,
  demo = false,
): Promise<void> {
  await trx.deleteFrom("contract_payment_mechanisms").where("contract_id", "=", contractId).execute();
  await trx
    .insertInto("contract_payment_mechanisms")
    .values({
      contract_id: contractId,
      pricing_basis: m.pricingBasis,
      pain_share_bp: m.painShareBp,
      gain_share_bp: m.gainShareBp,
      invoicing: m.invoicing,
      payment_terms_days: m.paymentTermsDays,
      indexation: m.indexation,
      indexation_rate_bp: m.indexationRateBp,
      indexation_review_on: m.indexationReviewOn,
      service_credit_cap_bp: m.serviceCreditCapBp,
      note: m.note,
      updated_at: updatedAt,
      demo: demo ? 1 : 0,
    })
    .execute();
  await appendAudit(trx, {
    actor: actor.username,
    action: "update",
    entity: "contract_payment_mechanisms",
    entityId: contractId,
    reason: actor.reason,
    data: { contractId, ...m },
  });
}
