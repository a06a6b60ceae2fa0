/** The audit trail: read it and verify its hash chain. */
import type { FastifyPluginAsync } from "fastify";
import { listAudit, verifyAudit } from "../../store/audit.ts";
import { STAFF } from "../auth.ts";

export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { entity?: string; entityId?: string; limit?: number; before?: number } }>(
    "/audit",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["audit"],
        summary: "Audit entries, newest first",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            entity: { type: "string" },
            entityId: { type: "string" },
            limit: { type: "integer", minimum: 1, maximum: 1000 },
            before: { type: "integer", minimum: 1 },
          },
        },
      },
    },
    async (req) => {
      const rows = await listAudit(app.store, req.query);
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        reason: r.reason,
        data: JSON.parse(r.data_json) as unknown,
        hash: r.hash,
      }));
    },
  );

  app.get(
    "/audit/verify",
    { config: { roles: STAFF }, schema: { tags: ["audit"], summary: "Check the hash chain" } },
    async () => {
      return verifyAudit(app.store);
    },
  );
};
