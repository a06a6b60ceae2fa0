/** The audit trail: read it and verify its hash chain. */
import type { FastifyPluginAsync } from "fastify";
import { listAuditEntries, verifyAuditChain } from "../../contract/audit.ts";
import { listAudit, verifyAudit } from "../../store/audit.ts";
import { addOperation } from "../operation.ts";

export const auditRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, listAuditEntries, async ({ query }) => {
    const rows = await listAudit(app.store, query);
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
  });

  addOperation(app, verifyAuditChain, () => verifyAudit(app.store));
};
