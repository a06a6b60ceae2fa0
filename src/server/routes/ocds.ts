/**
 * OCDS in the product: contract events the register lacks (KPIs, performance ratings, changes,
 * termination), the Procurement Act 2023 notices nous can produce from them (which, and why
 * not), publishing a notice into the releases nous holds, and the data quality of those
 * releases. Releases are public; unpublished contracts and events are seen by staff only.
 */
import type { FastifyPluginAsync } from "fastify";
import { loadCodelists } from "../../io/ocds-schema.ts";
import type { Json } from "../../ocds/types.ts";
import { createValidator, type Validator } from "../../ocds/validate.ts";
import { ConflictError, InputError, NotFoundError } from "../../shared/errors.ts";
import {
  addChange,
  addKpi,
  addRating,
  buildNotice,
  type ChangeInput,
  type KpiInput,
  listContractEvents,
  NOTICE_TYPES,
  noticeStatuses,
  RATINGS,
  type RatingInput,
  setTermination,
  TERMINATION_REASONS,
  type TerminationInput,
} from "../../store/contract-events.ts";
import { ocdsQuality } from "../../store/ocds-quality.ts";
import { importReleases } from "../../store/releases.ts";
import { ANYONE, CONTRACT_SIDE, callerOf, seesUnpublished } from "../auth.ts";
import { idParam, pence, reason } from "./schemas.ts";

let validator: Validator | undefined;
/** The OCDS 1.1.5 validator with codelists, built on first use. */
export function ocdsValidator(): Validator {
  validator ??= createValidator({ codelists: loadCodelists() });
  return validator;
}

/** Throws an InputError naming the first schema error of each release, with its JSON path. */
export function assertValidReleases(releases: unknown[], base = "$.releases"): void {
  const v = ocdsValidator();
  const errors: { path: string; message: string }[] = [];
  releases.forEach((r, i) => {
    for (const issue of v.validate(r as Json)) {
      if (issue.severity !== "error") continue;
      errors.push({ path: `${base}[${i}]${issue.path.slice(1)}`, message: issue.message });
    }
  });
  if (errors.length) {
    const first = errors[0]!;
    throw new InputError(
      `${first.path}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : ""}; nothing was imported`,
      { location: { path: first.path }, details: errors.slice(0, 50) },
    );
  }
}

const noticeParams = {
  type: "object",
  required: ["id", "type"],
  properties: { id: { type: "string" }, type: { type: "string", enum: [...NOTICE_TYPES] } },
} as const;
const date = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;
const money = pence(0);

export const ocdsRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>(
    "/contracts/:id/events",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["ocds"],
        summary: "A contract's KPIs, performance ratings, changes and termination",
        params: idParam,
      },
    },
    async (req) => listContractEvents(app.store, req.params.id, !seesUnpublished(req)),
  );

  app.post<{ Params: { id: string }; Body: KpiInput & { reason: string } }>(
    "/contracts/:id/kpis",
    {
      config: { roles: CONTRACT_SIDE },
      schema: {
        tags: ["ocds"],
        summary: "Record a key performance indicator of a contract (Procurement Act 2023 s.52)",
        params: idParam,
        body: {
          type: "object",
          required: ["reason", "id", "title"],
          additionalProperties: false,
          properties: {
            reason,
            id: { type: "string", minLength: 1 },
            title: { type: "string", minLength: 1 },
            description: { type: "string" },
            target: { type: "string" },
            published: { type: "boolean" },
          },
        },
      },
    },
    async (req, reply) => {
      const { reason: why, ...input } = req.body;
      const kpi = await addKpi(app.store, req.params.id, input, {
        username: callerOf(req).username,
        reason: why,
      });
      return reply.code(201).send(kpi);
    },
  );

  app.post<{ Params: { id: string }; Body: RatingInput & { reason: string } }>(
    "/contracts/:id/ratings",
    {
      config: { roles: CONTRACT_SIDE },
      schema: {
        tags: ["ocds"],
        summary: "Rate a KPI for a period: good, approachingTarget, requiresImprovement, inadequate or other",
        params: idParam,
        body: {
          type: "object",
          required: ["reason", "kpiId", "periodEnd", "rating"],
          additionalProperties: false,
          properties: {
            reason,
            kpiId: { type: "string", minLength: 1 },
            periodEnd: date,
            rating: { type: "string", enum: [...RATINGS] },
            explanation: { type: "string" },
            published: { type: "boolean" },
          },
        },
      },
    },
    async (req, reply) => {
      const { reason: why, ...input } = req.body;
      const r = await addRating(app.store, req.params.id, input, {
        username: callerOf(req).username,
        reason: why,
      });
      return reply.code(201).send(r);
    },
  );

  app.post<{ Params: { id: string }; Body: ChangeInput & { reason: string } }>(
    "/contracts/:id/changes",
    {
      config: { roles: CONTRACT_SIDE },
      schema: {
        tags: ["ocds"],
        summary: "Record a contract change: value and term before and after",
        description:
          "The answer says whether the change needs a contract change notice (UK10): value up or down by more than 10% (15% for works) or term by more than 10%.",
        params: idParam,
        body: {
          type: "object",
          required: [
            "reason",
            "id",
            "changedOn",
            "valueBeforePence",
            "valueAfterPence",
            "startDate",
            "endBefore",
            "endAfter",
            "description",
            "rationale",
          ],
          additionalProperties: false,
          properties: {
            reason,
            id: { type: "string", minLength: 1 },
            changedOn: date,
            works: { type: "boolean" },
            valueBeforePence: money,
            valueAfterPence: money,
            startDate: date,
            endBefore: date,
            endAfter: date,
            description: { type: "string", minLength: 1 },
            rationale: { type: "string", minLength: 1 },
            published: { type: "boolean" },
          },
        },
      },
    },
    async (req, reply) => {
      const { reason: why, ...input } = req.body;
      const c = await addChange(app.store, req.params.id, input, {
        username: callerOf(req).username,
        reason: why,
      });
      return reply.code(201).send(c);
    },
  );

  app.post<{ Params: { id: string }; Body: TerminationInput & { reason: string } }>(
    "/contracts/:id/termination",
    {
      config: { roles: CONTRACT_SIDE },
      schema: {
        tags: ["ocds"],
        summary: "Record that a contract ended, how, and the total paid",
        params: idParam,
        body: {
          type: "object",
          required: ["reason", "terminatedOn", "endReason", "totalPaidPence"],
          additionalProperties: false,
          properties: {
            reason,
            terminatedOn: date,
            endReason: { type: "string", enum: [...TERMINATION_REASONS] },
            explanation: { type: "string" },
            totalPaidPence: money,
            published: { type: "boolean" },
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body as unknown as {
        reason: string;
        terminatedOn: string;
        endReason: string;
        explanation?: string;
        totalPaidPence: number;
        published?: boolean;
      };
      const t = await setTermination(
        app.store,
        req.params.id,
        {
          terminatedOn: b.terminatedOn,
          reason: b.endReason,
          totalPaidPence: b.totalPaidPence,
          ...(b.explanation !== undefined ? { explanation: b.explanation } : {}),
          ...(b.published !== undefined ? { published: b.published } : {}),
        },
        { username: callerOf(req).username, reason: b.reason },
      );
      return reply.code(201).send(t);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/contracts/:id/notices",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["ocds"],
        summary: "Which Procurement Act 2023 notices can be produced for a contract now, and why not",
        params: idParam,
      },
    },
    async (req) => ({ notices: await noticeStatuses(app.store, req.params.id, !seesUnpublished(req)) }),
  );

  app.get<{ Params: { id: string; type: string } }>(
    "/contracts/:id/notices/:type",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["ocds"],
        summary: "A notice as an OCDS release; 409 saying why when it cannot be produced",
        params: noticeParams,
      },
    },
    async (req) => buildNotice(app.store, req.params.id, req.params.type, !seesUnpublished(req)),
  );

  app.post<{ Params: { id: string; type: string }; Body: { reason: string } }>(
    "/contracts/:id/notices/:type/publish",
    {
      config: { roles: CONTRACT_SIDE },
      schema: {
        tags: ["ocds"],
        summary: "Validate a notice against OCDS 1.1.5 and add it to the releases nous publishes",
        description:
          "Built from the published contract and its published events only. Publishing the same notice twice changes nothing.",
        params: noticeParams,
        body: { type: "object", required: ["reason"], additionalProperties: false, properties: { reason } },
      },
    },
    async (req, reply) => {
      // A published notice is public: build it from the published contract and events only.
      const held = await app.store.db
        .selectFrom("contracts")
        .select("published")
        .where("id", "=", req.params.id)
        .executeTakeFirst();
      if (!held) throw new NotFoundError("contract", req.params.id);
      if (held.published !== 1)
        throw new ConflictError(
          `contract ${req.params.id} is not published: publish it in the register before its notices`,
        );
      const release = await buildNotice(app.store, req.params.id, req.params.type, true);
      assertValidReleases([release], "$");
      const summary = await importReleases(app.store, [release], {
        username: callerOf(req).username,
        reason: req.body.reason,
      });
      return reply.code(summary.inserted > 0 ? 201 : 200).send({ ...summary, release });
    },
  );

  app.get<{ Querystring: { buyer?: string } }>(
    "/ocds/quality",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["ocds"],
        summary: "Field coverage and coherence checks of the compiled releases nous holds",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { buyer: { type: "string", description: "Buyer name, as in buyer.name" } },
        },
      },
    },
    async (req) => ocdsQuality(app.store, req.query.buyer ? { buyer: req.query.buyer } : {}),
  );
};
