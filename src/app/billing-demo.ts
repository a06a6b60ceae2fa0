/**
 * The billing part of the demo: reconciles the demo contract's generated registers
 * (src/demo/billing.ts) as an upload would, and puts a few of its exceptions through the
 * workflow. The demo loader calls it after the contracts are in.
 */
import { BILLING_DEMO, demoBillingFiles, demoBillingSteps } from "../demo/billing.ts";
import { contractExists, nthException } from "../store/billing.ts";
import type { Store } from "../store/db.ts";
import { moveException, uploadRun } from "./billing.ts";

/** Loads the billing demo; skipped when the demo contract is absent. */
export async function loadBillingDemo(store: Store): Promise<void> {
  if (!(await contractExists(store, BILLING_DEMO.contractId))) return;
  const run = await uploadRun(
    store,
    BILLING_DEMO.contractId,
    demoBillingFiles(),
    { username: "demo-loader", reason: BILLING_DEMO.reason },
    { demo: true },
  );
  for (const step of demoBillingSteps) {
    const target = await nthException(store, run.id, step.rule, step.nth);
    if (!target) continue;
    await moveException(
      store,
      target.id,
      step.action,
      { username: step.actor, reason: `${step.reason} (demo)` },
      {
        creditNote: step.creditNote,
        amountPence: step.action === "recover" ? target.amountPence : undefined,
        at: step.at,
        demo: true,
      },
    );
  }
}
