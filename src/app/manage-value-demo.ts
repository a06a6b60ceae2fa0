/** Loads the value demo (src/demo/manage-value.ts) through the value use cases' store writes, audited as the demo loader. */
import * as demo from "../demo/manage-value.ts";
import { newExitPlan } from "../manage/exit.ts";
import { newSavingsPlan } from "../manage/savings.ts";
import { newBaseline, newVariation, variationTimeline } from "../manage/variation.ts";
import type { Store } from "../store/db.ts";
import { appendVariation, putBaseline, putExitPlan, putSavingsPlan } from "../store/manage-value.ts";

const ACTOR = { username: "demo-loader", reason: "demo scenario loaded" };
const AT = "2026-01-01T00:00:00.000Z";

export async function loadValueDemo(store: Store): Promise<void> {
  const baseline = newBaseline(demo.baseline);
  await putBaseline(store, baseline, AT, ACTOR);
  for (const v of demo.variations) {
    await appendVariation(
      store,
      demo.CONTRACT_ID,
      (version, held) => {
        const made = newVariation(demo.CONTRACT_ID, version, v, held);
        variationTimeline(baseline, [...held, made]);
        return made;
      },
      AT,
      ACTOR,
    );
  }
  await putSavingsPlan(store, newSavingsPlan(demo.savingsPlan), AT, ACTOR);
  await putExitPlan(store, newExitPlan(demo.exitPlan), AT, ACTOR);
}
