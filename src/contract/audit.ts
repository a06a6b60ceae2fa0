/** The audit trail: every change with who made it, when and why, in a hash chain anyone staff can check. */
import { z } from "zod";
import { defineOperation } from "./operation.ts";
import { STAFF } from "./roles.ts";

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string().describe("When, ISO 8601 UTC"),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string(),
  data: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerify = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  broken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});
export type AuditVerify = z.infer<typeof AuditVerify>;

export const listAuditEntries = defineOperation({
  operationId: "listAuditEntries",
  method: "GET",
  path: "/audit",
  summary: "Audit entries, newest first",
  tags: ["audit"],
  roles: STAFF,
  query: z
    .object({
      entity: z.string().optional(),
      entityId: z.string().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      before: z.number().int().min(1).optional(),
    })
    .strict(),
  response: z.array(AuditEntry),
});

export const verifyAuditChain = defineOperation({
  operationId: "verifyAuditChain",
  method: "GET",
  path: "/audit/verify",
  summary: "Check the hash chain",
  tags: ["audit"],
  roles: STAFF,
  response: AuditVerify,
});
