/**
 * The pipeline and the register: services, waves, contracts, decisions, organisations and
 * elections (operations declared in src/contract/records.ts). Anyone may read what is published;
 * staff see everything; the buyer side writes.
 */
import type { FastifyPluginAsync } from "fastify";
import * as op from "../../contract/records.ts";
import { STAGES } from "../../shared/lifecycle.ts";
import { withAudit } from "../../store/audit.ts";
import {
  getContract,
  getService,
  insertContract,
  insertDecision,
  insertService,
  listContracts,
  listDecisions,
  listElections,
  listOrganisations,
  listServices,
  listWaves,
  setPublished,
  updateService,
} from "../../store/records.ts";
import type { ServiceUpdate } from "../../store/schema.ts";
import { callerOf, seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

/** A record added through the API starts unpublished, with no demo values and no source. */
const NEW_RECORD = { published: 0, demo_fields_json: "[]", source: "" } as const;

export const recordRoutes: FastifyPluginAsync = async (app) => {
  // ---- reads ----
  addOperation(app, op.getPipeline, async ({ req }) => {
    const services = await listServices(app.store, !seesUnpublished(req));
    return { stages: STAGES.map((s) => ({ ...s, services: services.filter((x) => x.stage === s.id) })) };
  });

  addOperation(app, op.listServices, ({ req }) => listServices(app.store, !seesUnpublished(req)));

  addOperation(app, op.getService, async ({ params, req }) => {
    const publishedOnly = !seesUnpublished(req);
    const service = await getService(app.store, params.id, publishedOnly);
    const decisions = await listDecisions(app.store, { serviceId: service.id, publishedOnly });
    const contracts = (await listContracts(app.store, publishedOnly)).filter((c) => c.serviceIds.includes(service.id));
    return { ...service, decisions, contracts };
  });

  addOperation(app, op.listWaves, async () =>
    (await listWaves(app.store)).map((w) => ({
      id: w.id,
      name: w.name,
      startsOn: w.starts_on,
      endsOn: w.ends_on,
      description: w.description,
      demoFields: JSON.parse(w.demo_fields_json) as string[],
      source: w.source,
    })),
  );

  addOperation(app, op.listContracts, ({ req }) => listContracts(app.store, !seesUnpublished(req)));

  addOperation(app, op.getContract, async ({ params, req }) => {
    const publishedOnly = !seesUnpublished(req);
    const contract = await getContract(app.store, params.id, publishedOnly);
    const decisions = await listDecisions(app.store, { contractId: contract.id, publishedOnly });
    return { ...contract, decisions };
  });

  addOperation(app, op.listDecisions, ({ query, req }) =>
    listDecisions(app.store, { ...query, publishedOnly: !seesUnpublished(req) }),
  );

  addOperation(app, op.listOrganisations, async () =>
    (await listOrganisations(app.store)).map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      notes: o.notes,
      demoFields: JSON.parse(o.demo_fields_json) as string[],
      source: o.source,
    })),
  );

  addOperation(app, op.listElections, async ({ query }) =>
    (await listElections(app.store, query.body)).map((e) => ({
      body: e.body,
      heldOn: e.held_on,
      name: e.name,
      source: e.source,
    })),
  );

  // ---- writes ----
  addOperation(app, op.createService, async ({ body: b, req }) => {
    const caller = callerOf(req);
    await withAudit(app.store, (trx) =>
      insertService(
        trx,
        {
          id: b.id,
          name: b.name,
          description: b.description ?? "",
          owner: b.owner ?? "",
          annual_cost_pence: b.annualCostPence ?? null,
          staff: b.staff ?? null,
          volumes: b.volumes ?? "",
          classification: b.classification,
          classification_reason: b.classificationReason,
          stage: b.stage ?? "pipeline",
          wave_id: b.waveId ?? null,
          ...NEW_RECORD,
        },
        { username: caller.username, reason: b.reason },
      ),
    );
    return getService(app.store, b.id, false);
  });

  addOperation(app, op.updateService, async ({ params, body: b, req }) => {
    const patch: ServiceUpdate = {};
    if (b.name !== undefined) patch.name = b.name;
    if (b.description !== undefined) patch.description = b.description;
    if (b.owner !== undefined) patch.owner = b.owner;
    if (b.annualCostPence !== undefined) patch.annual_cost_pence = b.annualCostPence;
    if (b.staff !== undefined) patch.staff = b.staff;
    if (b.volumes !== undefined) patch.volumes = b.volumes;
    if (b.classification !== undefined) patch.classification = b.classification;
    if (b.classificationReason !== undefined) patch.classification_reason = b.classificationReason;
    if (b.stage !== undefined) patch.stage = b.stage;
    if (b.waveId !== undefined) patch.wave_id = b.waveId;
    const caller = callerOf(req);
    await withAudit(app.store, (trx) =>
      updateService(trx, params.id, patch, { username: caller.username, reason: b.reason }),
    );
    return getService(app.store, params.id, false);
  });

  for (const [operation, table] of [
    [op.publishService, "services"],
    [op.publishContract, "contracts"],
    [op.publishDecision, "decisions"],
  ] as const) {
    addOperation(app, operation, async ({ params, body, req }) => {
      const caller = callerOf(req);
      await withAudit(app.store, (trx) =>
        setPublished(trx, table, params.id, body.published, { username: caller.username, reason: body.reason }),
      );
      return { id: params.id, published: body.published };
    });
  }

  addOperation(app, op.createContract, async ({ body: b, req }) => {
    const caller = callerOf(req);
    await withAudit(app.store, (trx) =>
      insertContract(
        trx,
        {
          id: b.id,
          ocid: b.ocid ?? null,
          title: b.title,
          buyer: b.buyer,
          supplier: b.supplier,
          service_ids_json: JSON.stringify(b.serviceIds ?? []),
          description: b.description ?? "",
          value_pence: b.valuePence ?? null,
          savings_claimed_pence: b.savingsClaimedPence ?? null,
          awarded_on: b.awardedOn ?? null,
          start_date: b.startDate ?? null,
          end_date: b.endDate ?? null,
          max_end_date: b.maxEndDate ?? null,
          status: b.status ?? "planned",
          ...NEW_RECORD,
        },
        { username: caller.username, reason: b.reason },
      ),
    );
    return getContract(app.store, b.id, false);
  });

  addOperation(app, op.createDecision, async ({ body: b, req }) => {
    const caller = callerOf(req);
    await withAudit(app.store, (trx) =>
      insertDecision(
        trx,
        {
          id: b.id,
          service_id: b.serviceId ?? null,
          contract_id: b.contractId ?? null,
          decided_on: b.decidedOn,
          gate: b.gate,
          title: b.title,
          outcome: b.outcome,
          rationale: b.rationale ?? "",
          drivers_json: JSON.stringify(b.drivers ?? []),
          decided_by: b.decidedBy ?? caller.username,
          out_of_order_reason: b.outOfOrderReason ?? null,
          ...NEW_RECORD,
        },
        { username: caller.username, reason: b.reason },
      ),
    );
    const all = await listDecisions(app.store, { publishedOnly: false, serviceId: b.serviceId ?? undefined });
    const made = all.find((d) => d.id === b.id);
    if (!made) throw new Error(`decision ${b.id} was recorded but cannot be read back`);
    return made;
  });
};
