/**
 * Decide: appraisal cases, delivery model assessments, workforce impacts, capability
 * self-assessments and payment profiles (stored as the engine's documents), gate events, and
 * the engine's results over them: appraisal with Monte Carlo, DMA recommendation, workforce
 * checks, capability summary, accountability horizon against the stored election calendar, and
 * the gate history with its flags. Anyone reads what is published; the buyer side writes;
 * finance may also write appraisal cases. Money in results is decimal pounds as the engine
 * reports it (strings to the penny). An appraisal's result (with its Monte Carlo) is computed once
 * per version of the case, on the derived-results worker, and served from memory after that
 * (src/app/appraisal-result.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import { derivedResults } from "../../app/derived-results.ts";
import { NotFoundError } from "../../shared/errors.ts";
import type { Role } from "../../store/schema.ts";
import { withAudit } from "../../store/audit.ts";
import {
  type DecideDocument,
  MAX_ITERATIONS,
  capabilityResult,
  dmaResult,
  gateHistory,
  getDocument,
  horizonResult,
  insertGateEvent,
  listDocuments,
  listGateEvents,
  putDocument,
  setDocumentPublished,
  setGateEventPublished,
  workforceResult,
} from "../../store/decide.ts";
import type { DecideKind } from "../../store/decide-schema.ts";
import { getContract } from "../../store/records.ts";
import { ANYONE, COMMERCIAL, callerOf, seesUnpublished } from "../auth.ts";
import { idParam, publicationBody, reason, slug } from "./schemas.ts";

const subjectQuery = {
  type: "object",
  additionalProperties: false,
  properties: { serviceId: { type: "string" }, contractId: { type: "string" } },
} as const;

/** Commercial and admin write; finance may also write appraisal inputs (section 151 officer). */
const APPRAISAL_WRITERS: readonly Role[] = [...COMMERCIAL, "finance"];

const KINDS: Array<{ kind: DecideKind; segment: string; label: string; writers: readonly Role[] }> = [
  { kind: "appraisal", segment: "appraisals", label: "appraisal case", writers: APPRAISAL_WRITERS },
  { kind: "dma", segment: "dmas", label: "delivery model assessment", writers: COMMERCIAL },
  { kind: "workforce", segment: "workforce", label: "workforce impact", writers: COMMERCIAL },
  { kind: "capability", segment: "capability", label: "capability self-assessment", writers: COMMERCIAL },
  { kind: "horizon", segment: "horizons", label: "payment profile and break points", writers: COMMERCIAL },
];

interface DocumentBody {
  serviceId?: string | null;
  contractId?: string | null;
  title: string;
  document: unknown;
  reason: string;
}

interface GateEventBody {
  id: string;
  serviceId?: string | null;
  contractId?: string | null;
  gate: string;
  action: "start" | "approve" | "reject";
  date: string;
  by: string;
  role: string;
  evidence?: string[];
  reason?: string | null;
  drivers?: string[];
  published?: boolean;
  why: string;
}

export const decideRoutes: FastifyPluginAsync = async (app) => {
  const store = app.store;
  const derived = derivedResults(store);
  app.addHook("onClose", () => derived.close());

  async function result(doc: DecideDocument, query: { seed?: number; iterations?: number }) {
    switch (doc.kind) {
      case "appraisal":
        return derived.appraisals.result(doc, query);
      case "dma":
        return dmaResult(doc);
      case "workforce":
        return workforceResult(doc);
      case "capability":
        return capabilityResult(doc);
      case "horizon":
        return horizonResult(store, doc);
    }
  }

  for (const { kind, segment, label, writers } of KINDS) {
    const tags = ["decide"];
    app.get<{ Querystring: { serviceId?: string; contractId?: string } }>(
      `/decide/${segment}`,
      {
        config: { roles: ANYONE },
        schema: { tags, summary: `List ${label}s`, querystring: subjectQuery },
      },
      async (req) => listDocuments(store, kind, { ...req.query, publishedOnly: !seesUnpublished(req) }),
    );

    app.get<{ Params: { id: string } }>(
      `/decide/${segment}/:id`,
      { config: { roles: ANYONE }, schema: { tags, summary: `One ${label} as stored`, params: idParam } },
      async (req) => getDocument(store, kind, req.params.id, !seesUnpublished(req)),
    );

    app.get<{ Params: { id: string }; Querystring: { seed?: number; iterations?: number } }>(
      `/decide/${segment}/:id/result`,
      {
        config: { roles: ANYONE },
        schema: {
          tags,
          summary: `The engine's result for a ${label}`,
          params: idParam,
          querystring: {
            type: "object",
            additionalProperties: false,
            properties:
              kind === "appraisal"
                ? {
                    seed: { type: "integer", minimum: 0, description: "Monte Carlo seed" },
                    iterations: { type: "integer", minimum: 1, maximum: MAX_ITERATIONS },
                  }
                : {},
          },
        },
      },
      async (req, reply) => {
        const doc = await getDocument(store, kind, req.params.id, !seesUnpublished(req));
        const head = { id: doc.id, kind, title: doc.title, demoFields: doc.demoFields };
        if (doc.kind !== "appraisal") return { ...head, result: await result(doc, req.query) };
        // The cached result is JSON text: sent as it is, in the body it has always had.
        const text = await derived.appraisals.resultText(doc, req.query);
        return reply
          .type("application/json; charset=utf-8")
          .send(`${JSON.stringify(head).slice(0, -1)},"result":${text}}`);
      },
    );

    app.put<{ Params: { id: string }; Body: DocumentBody }>(
      `/decide/${segment}/:id`,
      {
        config: { roles: writers },
        schema: {
          tags,
          summary: `Create or replace a ${label} (validated by the engine's schema)`,
          params: { type: "object", required: ["id"], properties: { id: slug } },
          body: {
            type: "object",
            required: ["title", "document", "reason"],
            additionalProperties: false,
            properties: {
              serviceId: { type: "string", nullable: true },
              contractId: { type: "string", nullable: true },
              title: { type: "string", minLength: 1 },
              document: { type: "object", description: `The ${label} in the engine's file form` },
              reason,
            },
          },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const caller = callerOf(req);
        const action = await withAudit(store, (trx) =>
          putDocument(
            trx,
            {
              kind,
              id: req.params.id,
              serviceId: b.serviceId ?? null,
              contractId: b.contractId ?? null,
              title: b.title,
              document: b.document,
            },
            { username: caller.username, reason: b.reason },
          ),
        );
        return reply
          .code(action === "create" ? 201 : 200)
          .send(await getDocument(store, kind, req.params.id, false));
      },
    );

    app.post<{ Params: { id: string }; Body: { published: boolean; reason: string } }>(
      `/decide/${segment}/:id/publication`,
      {
        config: { roles: writers },
        schema: {
          tags,
          summary: `Publish or withdraw a ${label}`,
          params: idParam,
          body: publicationBody,
        },
      },
      async (req) => {
        const caller = callerOf(req);
        await withAudit(store, (trx) =>
          setDocumentPublished(trx, kind, req.params.id, req.body.published, {
            username: caller.username,
            reason: req.body.reason,
          }),
        );
        return { id: req.params.id, published: req.body.published };
      },
    );
  }

  app.get<{ Querystring: { serviceId?: string; contractId?: string } }>(
    "/decide/gates",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["decide"],
        summary:
          "Gate history with the engine's status, findings and flags (not the logical order, budget-driven)",
        querystring: subjectQuery,
      },
    },
    async (req) =>
      gateHistory(await listGateEvents(store, { ...req.query, publishedOnly: !seesUnpublished(req) })),
  );

  app.post<{ Body: GateEventBody }>(
    "/decide/gate-events",
    {
      config: { roles: COMMERCIAL },
      schema: {
        tags: ["decide"],
        summary: "Record a step at a gate (start, approve, reject) with evidence and drivers",
        body: {
          type: "object",
          required: ["id", "gate", "action", "date", "by", "role", "why"],
          additionalProperties: false,
          properties: {
            id: slug,
            serviceId: { type: "string", nullable: true },
            contractId: { type: "string", nullable: true },
            gate: { type: "string", minLength: 1 },
            action: { type: "string", enum: ["start", "approve", "reject"] },
            date: { type: "string", format: "date" },
            by: { type: "string", minLength: 1 },
            role: { type: "string", minLength: 1 },
            evidence: { type: "array", items: { type: "string" } },
            reason: { type: "string", nullable: true, description: "Why a step is taken out of order" },
            drivers: { type: "array", items: { type: "string" } },
            published: { type: "boolean", description: "Whether the public sees it (default: not yet)" },
            why: { ...reason, description: "Why the event is recorded; kept in the audit trail" },
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const caller = callerOf(req);
      await withAudit(store, (trx) =>
        insertGateEvent(
          trx,
          {
            id: b.id,
            serviceId: b.serviceId ?? null,
            contractId: b.contractId ?? null,
            gate: b.gate,
            action: b.action,
            date: b.date,
            by: b.by,
            role: b.role,
            ...(b.evidence ? { evidence: b.evidence } : {}),
            ...(b.reason ? { reason: b.reason } : {}),
            ...(b.drivers ? { drivers: b.drivers } : {}),
            ...(b.published !== undefined ? { published: b.published } : {}),
          },
          { username: caller.username, reason: b.why },
        ),
      );
      const events = await listGateEvents(store, { publishedOnly: false });
      return reply.code(201).send(events.find((e) => e.id === b.id));
    },
  );

  app.post<{ Params: { id: string }; Body: { published: boolean; reason: string } }>(
    "/decide/gate-events/:id/publication",
    {
      config: { roles: COMMERCIAL },
      schema: {
        tags: ["decide"],
        summary: "Publish or withdraw a gate event",
        params: idParam,
        body: publicationBody,
      },
    },
    async (req) => {
      const caller = callerOf(req);
      await withAudit(store, (trx) =>
        setGateEventPublished(trx, req.params.id, req.body.published, {
          username: caller.username,
          reason: req.body.reason,
        }),
      );
      return { id: req.params.id, published: req.body.published };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/decide/contracts/:id/horizon",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["decide"],
        summary: "Accountability horizon of a contract against the stored London mayoral elections",
        params: idParam,
      },
    },
    async (req) => {
      const publishedOnly = !seesUnpublished(req);
      const contract = await getContract(store, req.params.id, publishedOnly);
      const [doc] = await listDocuments(store, "horizon", { contractId: contract.id, publishedOnly });
      if (!doc) throw new NotFoundError("payment profile of contract", contract.id);
      return {
        id: doc.id,
        contractId: contract.id,
        demoFields: doc.demoFields,
        result: await horizonResult(store, doc),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { seed?: number; iterations?: number } }>(
    "/decide/deals/:id",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["decide"],
        summary: "Everything Decide holds on a contract's deal, with the engine's results",
        params: idParam,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            seed: { type: "integer", minimum: 0 },
            iterations: { type: "integer", minimum: 1, maximum: MAX_ITERATIONS },
          },
        },
      },
    },
    async (req) => {
      const publishedOnly = !seesUnpublished(req);
      const contract = await getContract(store, req.params.id, publishedOnly);
      const docs = await listDocuments(store, null, { contractId: contract.id, publishedOnly });
      const items = [];
      for (const doc of docs) items.push({ ...doc, result: await result(doc, req.query) });
      const gates = gateHistory(await listGateEvents(store, { contractId: contract.id, publishedOnly }));
      return { contract, documents: items, gates };
    },
  );
};
