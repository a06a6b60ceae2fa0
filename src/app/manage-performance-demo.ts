/**
 * Loads the demo performance and obligations (src/demo/manage-performance.ts) through the same
 * use cases the API calls, audited as "demo-loader": how SSCL's KPIs are measured, new KPIs for
 * the other two contracts, results, regimes and obligations, one completion among them.
 */
import * as d from "../demo/manage-performance.ts";
import { todayInLondon } from "../shared/dates.ts";
import type { Store } from "../store/db.ts";
import {
  addMeasuredKpi,
  addObligation,
  completeContractObligation,
  recordResults,
  setKpiMeasure,
  setRegime,
} from "./manage-performance.ts";

const ACTOR = { username: "demo-loader", reason: "demo scenario loaded" };

export async function loadPerformanceDemo(store: Store): Promise<void> {
  const today = todayInLondon();
  for (const [kpiId, m] of Object.entries(d.ssclMeasures))
    await setKpiMeasure(store, d.SSCL, kpiId, m, ACTOR);
  for (const k of d.emKpis) await addMeasuredKpi(store, d.EM, { ...k, demo: true }, ACTOR);
  for (const k of d.custodyKpis) await addMeasuredKpi(store, d.CUSTODY, { ...k, demo: true }, ACTOR);
  await recordResults(
    store,
    d.SSCL,
    d.ssclResults.map((r) => ({
      ...r,
      demo: true,
      ...(r.periodEnd <= d.SSCL_VERIFIED_UNTIL && r.kpiId === "sscl-bss-kpi-invoices"
        ? { verifiedBy: "contracts", verifiedOn: "2026-04-20" }
        : {}),
    })),
    ACTOR,
  );
  await recordResults(
    store,
    d.EM,
    d.emResults.map((r) => ({ ...r, demo: true })),
    ACTOR,
  );
  for (const { contractId, ...r } of d.regimes)
    await setRegime(store, contractId, { ...r, demo: true }, ACTOR);
  for (const o of d.obligations) {
    const { contractId, ...entry } = o;
    await addObligation(store, contractId, { ...entry, demo: true }, ACTOR);
    for (const c of "completions" in o ? o.completions : [])
      await completeContractObligation(store, contractId, o.id, c, ACTOR, today, true);
  }
}
