/**
 * The pipeline and the register: services, waves, contracts, decisions, organisations and
 * elections. Anyone may read what is published; staff see everything; the buyer side writes.
 */
import type { FastifyPluginAsync } from "fastify";
import { STAGE_IDS, STAGES } from "../../shared/lifecycle.ts";
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
import { ANYONE, COMMERCIAL, CONTRACT_SIDE, callerOf, seesUnpublished } from "../auth.ts";
import { idParam, NEGATIVE_PENCE, pence, publicationBody, reason, slug } from "./schemas.ts";

const isoDate = { type: "string", format: "date" } as const;

/** A service's fields as a client sends them, for adding one and for changing one. */
const serviceFields = {
  name: { type: "string", minLength: 1 },
  description: { type: "string" },
  owner: { type: "string" },
  annualCostPence: { ...pence(0), nullable: true },
  staff: { type: "integer", minimum: 0, nullable: true },
  volumes: { type: "string" },
  classification: { type: "string", enum: ["core", "non-core"] },
  classificationReason: { type: "string", minLength: 1 },
  stage: { type: "string", enum: STAGE_IDS },
  waveId: { type: "string", nullable: true },
} as const;

/** A record added through the API starts unpublished, with no demo values and no source. */
const NEW_RECORD = { published: 0, demo_fields_json: "[]", source: "" } as const;

interface ServiceBody {
  id: string;
  name: string;
  description?: string;
  owner?: string;
  annualCostPence?: number | null;
  staff?: number | null;
  volumes?: string;
  classification: "core" | "non-core";
  classificationReason: string;
  stage?: string;
  waveId?: string | null;
  reason: string;
}

interface ContractBody {
  id: string;
  ocid?: string | null;
  title: string;
  buyer: string;
  supplier: string;
  serviceIds?: string[];
  description?: string;
  valuePence?: number | null;
  savingsClaimedPence?: number | null;
  awardedOn?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  maxEndDate?: string | null;
  status?: string;
  reason: string;
}

interface DecisionBody {
  id: string;
  serviceId?: string | null;
  contractId?: string | null;
  decidedOn: string;
  gate: string;
  title: string;
  outcome: string;
  rationale?: string;
  drivers?: string[];
  decidedBy?: string;
  outOfOrderReason?: string | null;
  reason: string;
}

export const recordRoutes: FastifyPluginAsync = async (app) => {
  // ---- reads ----
  app.get(
    "/pipeline",
    { config: { roles: ANYONE }, schema: { tags: ["pipeline"], summary: "Services by lifecycle stage" } },
    async (req) => {
      const services = await listServices(app.store, !seesUnpublished(req));
      return {
        stages: STAGES.map((s) => ({ ...s, services: services.filter((x) => x.stage === s.id) })),
      };
    },
  );

  app.get(
    "/services",
    { config: { roles: ANYONE }, schema: { tags: ["pipeline"], summary: "Service catalogue" } },
    async (req) => listServices(app.store, !seesUnpublished(req)),
  );

  app.get<{ Params: { id: string } }>(
    "/services/:id",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["pipeline"],
        summary: "One service with its decisions and contracts",
        params: idParam,
      },
    },
    async (req) => {
      const publishedOnly = !seesUnpublished(req);
      const service = await getService(app.store, req.params.id, publishedOnly);
      const decisions = await listDecisions(app.store, { serviceId: service.id, publishedOnly });
      const contracts = (await listContracts(app.store, publishedOnly)).filter((c) =>
        c.serviceIds.includes(service.id),
      );
      return { ...service, decisions, contracts };
    },
  );

  app.get(
    "/waves",
    { config: { roles: ANYONE }, schema: { tags: ["pipeline"], summary: "Market-testing waves" } },
    async () =>
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

  app.get(
    "/contracts",
    { config: { roles: ANYONE }, schema: { tags: ["contracts"], summary: "Contract register" } },
    async (req) => listContracts(app.store, !seesUnpublished(req)),
  );

  app.get<{ Params: { id: string } }>(
    "/contracts/:id",
    {
      config: { roles: ANYONE },
      schema: { tags: ["contracts"], summary: "One contract with its decisions", params: idParam },
    },
    async (req) => {
      const publishedOnly = !seesUnpublished(req);
      const contract = await getContract(app.store, req.params.id, publishedOnly);
      const decisions = await listDecisions(app.store, { contractId: contract.id, publishedOnly });
      return { ...contract, decisions };
    },
  );

  app.get<{ Querystring: { serviceId?: string; contractId?: string } }>(
    "/decisions",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["decisions"],
        summary: "Decisions, oldest first",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { serviceId: { type: "string" }, contractId: { type: "string" } },
        },
      },
    },
    async (req) => listDecisions(app.store, { ...req.query, publishedOnly: !seesUnpublished(req) }),
  );

  app.get(
    "/organisations",
    { config: { roles: ANYONE }, schema: { tags: ["reference"], summary: "Buyers and suppliers" } },
    async () =>
      (await listOrganisations(app.store)).map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        notes: o.notes,
        demoFields: JSON.parse(o.demo_fields_json) as string[],
        source: o.source,
      })),
  );

  app.get<{ Querystring: { body?: string } }>(
    "/elections",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["reference"],
        summary: "Election calendar",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { body: { type: "string" } },
        },
      },
    },
    async (req) =>
      (await listElections(app.store, req.query.body)).map((e) => ({
        body: e.body,
        heldOn: e.held_on,
        name: e.name,
        source: e.source,
      })),
  );

  // ---- writes ----
  app.post<{ Body: ServiceBody }>(
    "/services",
    {
      config: { roles: COMMERCIAL },
      schema: {
        tags: ["pipeline"],
        summary: "Add a service to the catalogue",
        body: {
          type: "object",
          required: ["id", "name", "classification", "classificationReason", "reason"],
          additionalProperties: false,
          properties: { id: slug, ...serviceFields, reason },
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
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
      return reply.code(201).send(await getService(app.store, b.id, false));
    },
  );

  app.patch<{ Params: { id: string }; Body: Partial<ServiceBody> & { reason: string } }>(
    "/services/:id",
    {
      config: { roles: COMMERCIAL },
      schema: {
        tags: ["pipeline"],
        summary: "Change a service (stage, cost, classification...)",
        params: idParam,
        body: {
          type: "object",
          required: ["reason"],
          additionalProperties: false,
          properties: { ...serviceFields, reason },
        },
      },
    },
    async (req) => {
      const b = req.body;
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
        updateService(trx, req.params.id, patch, { username: caller.username, reason: b.reason }),
      );
      return getService(app.store, req.params.id, false);
    },
  );

  for (const table of ["services", "contracts", "decisions"] as const) {
    app.post<{ Params: { id: string }; Body: { published: boolean; reason: string } }>(
      `/${table}/:id/publication`,
      {
        config: { roles: table === "contracts" ? CONTRACT_SIDE : COMMERCIAL },
        schema: {
          tags: [table === "services" ? "pipeline" : table],
          summary: `Publish or withdraw a ${table.slice(0, -1)}`,
          params: idParam,
          body: publicationBody,
        },
      },
      async (req) => {
        const caller = callerOf(req);
        await withAudit(app.store, (trx) =>
          setPublished(trx, table, req.params.id, req.body.published, {
            username: caller.username,
            reason: req.body.reason,
          }),
        );
        return { id: req.params.id, published: req.body.published };
      },
    );
  }

  app.post<{ Body: ContractBody }>(
    "/contracts",
    {
      config: { roles: CONTRACT_SIDE },
      schema: {
        tags: ["contracts"],
        summary: "Add a contract to the register",
        body: {
          type: "object",
          required: ["id", "title", "buyer", "supplier", "reason"],
          additionalProperties: false,
          properties: {
            id: slug,
            ocid: { type: "string", nullable: true },
            title: { type: "string", minLength: 1 },
            buyer: { type: "string", minLength: 1 },
            supplier: { type: "string", minLength: 1 },
            serviceIds: { type: "array", items: { type: "string" } },
            description: { type: "string" },
            valuePence: { ...pence(0), nullable: true },
            savingsClaimedPence: { ...pence(NEGATIVE_PENCE), nullable: true },
            awardedOn: { ...isoDate, nullable: true },
            startDate: { ...isoDate, nullable: true },
            endDate: { ...isoDate, nullable: true },
            maxEndDate: { ...isoDate, nullable: true },
            status: { type: "string" },
            reason,
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
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
      return reply.code(201).send(await getContract(app.store, b.id, false));
    },
  );

  app.post<{ Body: DecisionBody }>(
    "/decisions",
    {
      config: { roles: COMMERCIAL },
      schema: {
        tags: ["decisions"],
        summary: "Record a decision with its drivers",
        body: {
          type: "object",
          required: ["id", "decidedOn", "gate", "title", "outcome", "reason"],
          additionalProperties: false,
          properties: {
            id: slug,
            serviceId: { type: "string", nullable: true },
            contractId: { type: "string", nullable: true },
            decidedOn: isoDate,
            gate: { type: "string", enum: [...STAGE_IDS, "scrutiny"] },
            title: { type: "string", minLength: 1 },
            outcome: { type: "string", minLength: 1 },
            rationale: { type: "string" },
            drivers: { type: "array", items: { type: "string", minLength: 1 } },
            decidedBy: { type: "string" },
            outOfOrderReason: { type: "string", nullable: true },
            reason,
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
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
      const all = await listDecisions(app.store, {
        publishedOnly: false,
        serviceId: b.serviceId ?? undefined,
      });
      return reply.code(201).send(all.find((d) => d.id === b.id));
    },
  );
};
