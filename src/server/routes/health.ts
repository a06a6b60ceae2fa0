/**
 * Probes for whoever runs the server. `/api/health` says the process is up and answering; it
 * never touches the store, so it answers while the store is down (a liveness probe that failed
 * then would restart a healthy process). `/api/ready` says whether to send it traffic: the store
 * answers and its schema is the one this code migrates to; otherwise 503 with a problem body
 * (RFC 9457) naming which. Both are logged only at `warn` and above, so probes do not flood the log.
 */
import type { FastifyPluginAsync } from "fastify";
import { PROBLEMS, problemBody, problemType } from "../../contract/problems.ts";
import { getHealth, getReady, listProblems } from "../../contract/system.ts";
import { checkReadiness } from "../../store/readiness.ts";
import { addOperation } from "../operation.ts";

export const VERSION = "0.1.0";

export const healthRoutes: FastifyPluginAsync = async (app) => {
  addOperation(
    app,
    getHealth,
    () => ({
      status: "ok",
      store: app.store.kind,
      version: VERSION,
      uptimeSeconds: Math.floor(process.uptime()),
    }),
    { logLevel: "warn" },
  );

  addOperation(
    app,
    getReady,
    async ({ req, reply }) => {
      const r = await checkReadiness(app.store);
      if (r.ready) return { status: "ready", store: r.store, migration: r.migration };
      // The cause may name hosts and databases: the log gets it, the (public) answer does not.
      req.log.warn({ problem: r.problem, err: r.cause }, `not ready: ${r.detail}`);
      const details: Record<string, string> = { store: r.store };
      if (r.expected !== undefined) details.expected = r.expected;
      if (r.applied !== undefined) details.applied = r.applied;
      return reply
        .code(503)
        .type("application/problem+json; charset=utf-8")
        .header("cache-control", "no-store")
        .send(problemBody(503, r.problem, r.detail, details, "/api/ready"));
    },
    { logLevel: "warn" },
  );

  addOperation(app, listProblems, () =>
    Object.entries(PROBLEMS).map(([code, p]) => ({ code, type: problemType(code), status: p.status, title: p.title })),
  );
};
