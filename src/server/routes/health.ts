/**
 * Probes for whoever runs the server. `/api/health` says the process is up and answering; it
 * never touches the store, so it answers while the store is down (a liveness probe that failed
 * then would restart a healthy process). `/api/ready` says whether to send it traffic: the store
 * answers and its schema is the one this code migrates to; otherwise 503 with a problem body
 * (RFC 9457) naming which. Both are logged only at `warn` and above, so probes do not flood the log.
 */
import type { FastifyPluginAsync } from "fastify";
import { checkReadiness } from "../../store/readiness.ts";
import { ANYONE } from "../auth.ts";

export const VERSION = "0.1.0";

const problemSchema = {
  type: "object",
  description:
    "RFC 9457 problem details, with the API's usual error, message and details as extension members",
  required: ["type", "title", "status", "detail", "error", "message", "details"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    error: { type: "string" },
    message: { type: "string" },
    details: {
      type: "object",
      properties: {
        store: { type: "string" },
        expected: { type: "string" },
        applied: { type: "string" },
      },
    },
  },
} as const;

const TITLES = {
  store_unreachable: "The store is unreachable",
  migrations_pending: "The store's migrations are behind this version of nous",
  migrations_unknown: "The store was migrated by a newer version of nous",
} as const;

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    "/health",
    {
      config: { roles: ANYONE },
      logLevel: "warn",
      schema: {
        tags: ["system"],
        summary: "Liveness: the process is up (never touches the store)",
        response: {
          200: {
            type: "object",
            required: ["status", "store", "version", "uptimeSeconds"],
            properties: {
              status: { type: "string", enum: ["ok"] },
              store: { type: "string", enum: ["sqlite", "postgres"] },
              version: { type: "string" },
              uptimeSeconds: { type: "integer" },
            },
          },
        },
      },
    },
    async () => ({
      status: "ok",
      store: app.store.kind,
      version: VERSION,
      uptimeSeconds: Math.floor(process.uptime()),
    }),
  );

  app.get(
    "/ready",
    {
      config: { roles: ANYONE },
      logLevel: "warn",
      schema: {
        tags: ["system"],
        summary: "Readiness: the store answers and its migrations are current (503 otherwise)",
        response: {
          200: {
            type: "object",
            required: ["status", "store", "migration"],
            properties: {
              status: { type: "string", enum: ["ready"] },
              store: { type: "string", enum: ["sqlite", "postgres"] },
              migration: { type: "string" },
            },
          },
          503: problemSchema,
        },
      },
    },
    async (req, reply) => {
      const r = await checkReadiness(app.store);
      if (r.ready) return { status: "ready", store: r.store, migration: r.migration };
      // The cause may name hosts and databases: the log gets it, the (public) answer does not.
      req.log.warn({ problem: r.problem, err: r.cause }, `not ready: ${r.detail}`);
      const details: Record<string, string> = { store: r.store };
      if (r.expected !== undefined) details.expected = r.expected;
      if (r.applied !== undefined) details.applied = r.applied;
      return reply
        .code(503)
        .type("application/problem+json")
        .header("cache-control", "no-store")
        .send({
          type: `urn:nous:problem:${r.problem.replaceAll("_", "-")}`,
          title: TITLES[r.problem],
          status: 503,
          detail: r.detail,
          error: r.problem,
          message: r.detail,
          details,
        });
    },
  );
};
