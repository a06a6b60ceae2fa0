/**
 * The demo scenario's OCDS part, loaded by src/app/demo.ts: the demo releases the red-flags and
 * data-quality pages run on (src/demo/releases.ts), and the SSCL contract's KPIs, ratings and
 * change (src/demo/manage.ts) its notices are built from. Audited as "demo-loader".
 */
import * as events from "../demo/manage.ts";
import { demoReleases } from "../demo/releases.ts";
import type { Store } from "../store/db.ts";
import { type ImportSummary, importReleases } from "../store/releases.ts";
import { addChange, addKpi, addRating } from "./manage.ts";

/** Loads the demo OCDS releases. */
export async function loadFlagsDemo(store: Store): Promise<ImportSummary> {
  return importReleases(store, demoReleases(), {
    username: "demo-loader",
    reason: "demo OCDS releases loaded (fictional tenders for the red-flags pages, and the SSCL award)",
  });
}

/** Loads the demo KPIs, ratings and change of the SSCL contract. */
export async function loadContractEventsDemo(store: Store): Promise<void> {
  const actor = { username: "demo-loader", reason: "demo scenario loaded" };
  for (const k of events.kpis) await addKpi(store, events.CONTRACT_ID, { ...k, demo: true }, actor);
  for (const r of events.ratings) await addRating(store, events.CONTRACT_ID, { ...r, demo: true }, actor);
  for (const ch of events.changes) await addChange(store, events.CONTRACT_ID, ch, actor);
}
