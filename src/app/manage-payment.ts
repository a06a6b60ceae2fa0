/**
 * A contract's payment mechanism, the use cases: read it, and record it after the engine's
 * checks (src/manage/payment-mechanism.ts), which know the contract's start date; the store only
 * reads and writes the row, audited.
 */
import type { ContractPayment, PaymentMechanismBody } from "../contract/manage-payment.ts";
import { checkPaymentMechanism, type PaymentMechanism } from "../manage/payment-mechanism.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { contractRow } from "../store/manage.ts";
import { readPaymentMechanism, replacePaymentMechanism } from "../store/manage-payment.ts";

/** The contract's payment mechanism, null until one is recorded. */
export async function paymentMechanism(
  store: Store,
  id: string,
  publishedOnly: boolean,
): Promise<ContractPayment> {
  await contractRow(store, id, publishedOnly);
  return { contractId: id, mechanism: await readPaymentMechanism(store, id) };
}

/** The mechanism as the body gives it, checked against the contract's start (the engine's rules). */
export function checkContractPayment(
  startDate: string | null,
  body: Omit<PaymentMechanismBody, "reason">,
): PaymentMechanism {
  return checkPaymentMechanism({ ...body, note: body.note ?? "" }, startDate);
}

/** Records (replaces) the contract's payment mechanism, checked; answers it as stored. */
export async function setPaymentMechanism(
  store: Store,
  id: string,
  body: Omit<PaymentMechanismBody, "reason">,
  actor: Actor,
  opts: { demo?: boolean; now?: string } = {},
): Promise<ContractPayment> {
  const row = await contractRow(store, id, false);
  const checked = checkContractPayment(row.start_date, body);
  await replacePaymentMechanism(store, id, checked, opts.now ?? new Date().toISOString(), actor, opts.demo);
  return paymentMechanism(store, id, false);
}
