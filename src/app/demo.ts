/**
 * Loads the demo scenario (src/demo) into an empty store, audited as "demo-loader": a use case
 * (`nous serve --demo`, `nous demo load`, the test suites), so the store itself holds no demo data.
 * Each area's demo seeding is called from here.
 */
import * as demo from "../demo/scenario.ts";
import { ConflictError } from "../shared/errors.ts";
import { appendAudit } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { insertContract, insertDecision, insertService } from "../store/records.ts";
import { addUser } from "../store/users.ts";
import { loadDecideDemo } from "./decide-demo.ts";
import { loadBillingDemo } from "./billing-demo.ts";
import { loadContractEventsDemo, loadFlagsDemo } from "./ocds-demo.ts";
import { loadValueDemo } from "./manage-value-demo.ts";
import { loadPerformanceDemo } from "./manage-performance-demo.ts";
import { loadManageDatesDemo } from "./manage-dates-demo.ts";

const ACTOR = { username: "demo-loader", reason: "demo scenario loaded" };

export async function isEmpty(store: Store): Promise<boolean> {
  const u = await store.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  const s = await store.db.selectFrom("services").select("id").limit(1).executeTakeFirst();
  return !u && !s;
}

export async function loadDemo(store: Store): Promise<void> {
  if (!(await isEmpty(store)))
    throw new ConflictError("the database already holds data; the demo loads only into an empty one");
  await store.db.transaction().execute(async (trx) => {
    for (const o of demo.organisations) {
      await trx
        .insertInto("organisations")
        .values({
          id: o.id,
          name: o.name,
          kind: o.kind,
          notes: o.notes,
          demo_fields_json: JSON.stringify(o.demoFields),
          source: o.source,
        })
        .execute();
    }
    for (const w of demo.waves) {
      await trx
        .insertInto("waves")
        .values({
          id: w.id,
          name: w.name,
          starts_on: w.startsOn,
          ends_on: w.endsOn,
          description: w.description,
          demo_fields_json: JSON.stringify(w.demoFields),
          source: w.source,
        })
        .execute();
    }
    for (const e of demo.elections) {
      await trx
        .insertInto("elections")
        .values({ body: e.body, held_on: e.heldOn, name: e.name, source: demo.PUBLIC.elections })
        .execute();
    }
    await appendAudit(trx, {
      actor: ACTOR.username,
      action: "create",
      entity: "reference-data",
      entityId: "demo",
      reason: ACTOR.reason,
      data: {
        organisations: demo.organisations.length,
        waves: demo.waves.length,
        elections: demo.elections.length,
      },
    });
    for (const s of demo.services) {
      await insertService(
        trx,
        {
          id: s.id,
          name: s.name,
          description: s.description,
          owner: s.owner,
          annual_cost_pence: s.annualCostPounds === null ? null : Math.round(s.annualCostPounds * 100),
          staff: s.staff,
          volumes: s.volumes,
          classification: s.classification,
          classification_reason: s.classificationReason,
          stage: s.stage,
          wave_id: s.waveId,
          published: s.published ? 1 : 0,
          demo_fields_json: JSON.stringify(s.demoFields),
          source: s.source,
        },
        ACTOR,
      );
    }
    for (const c of demo.contracts) {
      await insertContract(
        trx,
        {
          id: c.id,
          ocid: c.ocid,
          title: c.title,
          buyer: c.buyer,
          supplier: c.supplier,
          service_ids_json: JSON.stringify(c.serviceIds),
          description: c.description,
          value_pence: Math.round(c.valuePounds * 100),
          savings_claimed_pence:
            c.savingsClaimedPounds === null ? null : Math.round(c.savingsClaimedPounds * 100),
          awarded_on: c.awardedOn,
          start_date: c.startDate,
          end_date: c.endDate,
          max_end_date: c.maxEndDate,
          status: c.status,
          published: c.published ? 1 : 0,
          demo_fields_json: JSON.stringify(c.demoFields),
          source: c.source,
        },
        ACTOR,
      );
    }
    for (const d of demo.decisions) {
      await insertDecision(
        trx,
        {
          id: d.id,
          service_id: d.serviceId,
          contract_id: d.contractId,
          decided_on: d.decidedOn,
          gate: d.gate,
          title: d.title,
          outcome: d.outcome,
          rationale: d.rationale,
          drivers_json: JSON.stringify(d.drivers),
          decided_by: d.decidedBy,
          out_of_order_reason: d.outOfOrderReason,
          published: d.published ? 1 : 0,
          demo_fields_json: JSON.stringify(d.demoFields),
          source: d.source,
        },
        ACTOR,
      );
    }
  });
  for (const a of demo.demoAccounts) {
    await addUser(
      store,
      { username: a.username, role: a.role, displayName: a.displayName, password: a.password },
      ACTOR.username,
      ACTOR.reason,
    );
  }
  await loadDecideDemo(store);
  await loadBillingDemo(store);
  await loadFlagsDemo(store);
  await loadContractEventsDemo(store);
  await loadPerformanceDemo(store);
  await loadManageDatesDemo(store);
  await loadValueDemo(store);
}
