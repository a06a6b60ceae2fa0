/**
 * Loads the Decide demo (src/demo/decide.ts: the SSCL business support services deal) into the
 * store, published, each document and gate event validated by the engine as any other write is.
 * Called from the demo loader (src/app/demo.ts), so the store itself holds no demo data.
 */
import * as demo from "../demo/decide.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { putValidDocument, recordValidGateEvent } from "./decide.ts";

const DEMO_ACTOR: Actor = { username: "demo-loader", reason: "demo scenario loaded (Decide)" };

export async function loadDecideDemo(store: Store): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const d of demo.documents) await putValidDocument(trx, { ...d, published: true }, DEMO_ACTOR);
    for (const e of demo.gateEvents) await recordValidGateEvent(trx, { ...e, published: true }, DEMO_ACTOR);
  });
}
