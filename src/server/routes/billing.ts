/**
 * Billing assurance: upload a contract's registers (CSV texts in JSON) to reconcile every
 * invoice line, work the exception queue (dispute, recover, accept, reopen), and read a
 * contract's totals recovered against totals at risk. Billing data is about individuals: staff
 * only, never the public.
 */
import type { FastifyPluginAsync } from "fastify";
import { RULE_IDS } from "../../billing/types.ts";
import { BILLING_FILES } from "../../io/billing-load.ts";
import {
  BILLING_STATES,
  type BillingAction,
  contractTotals,
  EXPORT_COLUMNS,
  exceptionsCsv,
  GROUP_BY,
  type GroupBy,
  getException,
  listExceptions,
  listRuns,
  MAX_EXPORT_ROWS,
  storeRun,
  transitionException,
} from "../../store/billing.ts";
import type { Role } from "../../store/schema.ts";
import { CONTRACT_SIDE, callerOf, STAFF } from "../auth.ts";
import { UPLOAD_BODY_LIMIT } from "../json-body.ts";
import { idParam, pence, reason } from "./schemas.ts";

/** Who may record that money came back: the contract side and finance (section 151). */
const RECOVERY: readonly Role[] = [...CONTRACT_SIDE, "finance"];

const csvText = { type: "string", description: "The file's CSV text, header row first" } as const;

interface UploadBody {
  reason: string;
  files: Record<string, string>;
}

interface QueueQuery {
  contractId?: string;
  runId?: string;
  rule?: string;
  supplier?: string;
  month?: string;
  subject?: string;
  state?: string;
  groupBy?: GroupBy;
  page?: number;
  pageSize?: number;
}

interface ActionBody {
  reason: string;
  creditNote?: string;
  amountPence?: number;
}

export const billingRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: UploadBody }>(
    "/billing/contracts/:id/runs",
    {
      config: { roles: CONTRACT_SIDE },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ["billing"],
        summary: "Upload a contract's registers and reconcile every invoice line",
        description:
          "files maps file names to CSV text: invoice_lines.csv, orders.csv, service_events.csv, subjects.csv and prices.csv are required; custody.csv, deaths.csv and departures.csv are optional (their rule is skipped when absent). A bad value answers 400 naming file:line: column, and nothing is stored.",
        params: idParam,
        body: {
          type: "object",
          required: ["reason", "files"],
          additionalProperties: false,
          properties: {
            reason,
            files: {
              type: "object",
              additionalProperties: false,
              required: [
                BILLING_FILES.invoiceLines,
                BILLING_FILES.orders,
                BILLING_FILES.serviceEvents,
                BILLING_FILES.subjects,
                BILLING_FILES.prices,
              ],
              properties: Object.fromEntries(Object.values(BILLING_FILES).map((f) => [f, csvText])),
            },
          },
        },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const run = await storeRun(app.store, req.params.id, req.body.files, {
        username: caller.username,
        reason: req.body.reason,
      });
      return reply.code(201).send(run);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/billing/contracts/:id/runs",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["billing"],
        summary: "A contract's reconciliation runs, latest first",
        params: idParam,
      },
    },
    async (req) => listRuns(app.store, req.params.id),
  );

  app.get<{ Params: { id: string } }>(
    "/billing/contracts/:id/totals",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["billing"],
        summary: "A contract's billing totals: at risk, open, disputed, accepted and recovered, by rule",
        params: idParam,
      },
    },
    async (req) => contractTotals(app.store, req.params.id),
  );

  app.get<{ Querystring: QueueQuery }>(
    "/billing/exceptions",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["billing"],
        summary: "The exception queue: filtered, grouped (counts and amounts per group), paginated",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            contractId: { type: "string" },
            runId: { type: "string", description: "Default: each contract's latest run" },
            rule: { type: "string", enum: [...RULE_IDS] },
            supplier: { type: "string" },
            month: { type: "string", pattern: "^\\d{4}-\\d{2}$" },
            subject: { type: "string" },
            state: { type: "string", enum: [...BILLING_STATES] },
            groupBy: { type: "string", enum: [...GROUP_BY] },
            page: { type: "integer", minimum: 1, default: 1 },
            pageSize: { type: "integer", minimum: 1, maximum: 500, default: 50 },
          },
        },
      },
    },
    async (req) => listExceptions(app.store, req.query),
  );

  app.get<{ Querystring: QueueQuery }>(
    "/billing/exceptions.csv",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["billing"],
        summary: "The exceptions the filters select, as CSV (money in pounds to the penny)",
        description: `Columns: ${EXPORT_COLUMNS.join(", ")}. In contract, invoice and line order; at most ${MAX_EXPORT_ROWS} rows.`,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            contractId: { type: "string" },
            runId: { type: "string", description: "Default: each contract's latest run" },
            rule: { type: "string", enum: [...RULE_IDS] },
            supplier: { type: "string" },
            month: { type: "string", pattern: "^\\d{4}-\\d{2}$" },
            subject: { type: "string" },
            state: { type: "string", enum: [...BILLING_STATES] },
          },
        },
      },
    },
    async (req, reply) => {
      const csv = await exceptionsCsv(app.store, req.query);
      const name = `exceptions${req.query.contractId ? `-${req.query.contractId.replace(/[^\w.-]/g, "_")}` : ""}.csv`;
      // About individuals: a download, kept by no browser or proxy cache.
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/billing/exceptions/:id",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["billing"],
        summary: "One exception with its evidence and its history",
        params: idParam,
      },
    },
    async (req) => getException(app.store, req.params.id),
  );

  const action = (name: BillingAction, roles: readonly Role[], summary: string, recover = false) =>
    app.post<{ Params: { id: string }; Body: ActionBody }>(
      `/billing/exceptions/:id/${name}`,
      {
        config: { roles },
        schema: {
          tags: ["billing"],
          summary,
          params: idParam,
          body: {
            type: "object",
            required: recover ? ["reason", "creditNote", "amountPence"] : ["reason"],
            additionalProperties: false,
            properties: recover
              ? {
                  reason,
                  creditNote: {
                    type: "string",
                    minLength: 1,
                    description: "The supplier's credit note reference",
                  },
                  amountPence: pence(1, "Money recovered, in integer pence"),
                }
              : { reason },
          },
        },
      },
      async (req) =>
        transitionException(
          app.store,
          req.params.id,
          name,
          { username: callerOf(req).username, reason: req.body.reason },
          { creditNote: req.body.creditNote, amountPence: req.body.amountPence },
        ),
    );
  action("dispute", CONTRACT_SIDE, "Dispute an open exception with the supplier");
  action("recover", RECOVERY, "Record the money recovered (credit note and amount)", true);
  action("accept", CONTRACT_SIDE, "Accept the charge, with the reason");
  action("reopen", CONTRACT_SIDE, "Reopen a disputed or accepted exception");
};
