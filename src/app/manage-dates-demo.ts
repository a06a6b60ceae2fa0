/**
 * Loads the demo terms and owners (src/demo/manage-dates.ts) through the use cases, audited as
 * "demo-loader": called from src/app/demo.ts after the contracts are in.
 */
import * as demo from "../demo/manage-dates.ts";
import type { Store } from "../store/db.ts";
import { setContractTerm, setSupplierOwners } from "./manage-dates.ts";

export async function loadManageDatesDemo(store: Store): Promise<void> {
  const actor = { username: "demo-loader", reason: "demo scenario loaded" };
  for (const t of demo.terms) await setContractTerm(store, t.contractId, t.term, actor, { demo: true });
  for (const o of demo.owners) await setSupplierOwners(store, o.supplier, o.shares, actor);
}
