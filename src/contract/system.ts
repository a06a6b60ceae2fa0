/** Operations for whoever runs the server: the probes and the catalogue of problem codes. */
import { z } from "zod";
import { defineOperation } from "./operation.ts";
import { ANYONE } from "./roles.ts";

const StoreKind = z.enum(["sqlite", "postgres"]);

export const getHealth = defineOperation({
  operationId: "getHealth",
  method: "GET",
  path: "/health",
  summary: "Liveness: the process is up (never touches the store)",
  tags: ["system"],
  roles: ANYONE,
  response: z.object({
    status: z.literal("ok"),
    store: StoreKind,
    version: z.string(),
    uptimeSeconds: z.number().int(),
  }),
});

export const getReady = defineOperation({
  operationId: "getReady",
  method: "GET",
  path: "/ready",
  summary: "Readiness: the store answers and its migrations are current (503 otherwise)",
  tags: ["system"],
  roles: ANYONE,
  errors: ["store_unreachable"],
  response: z.object({ status: z.literal("ready"), store: StoreKind, migration: z.string() }),
});

export const listProblems = defineOperation({
  operationId: "listProblems",
  method: "GET",
  path: "/problems",
  summary: "Every problem code the API answers with, its HTTP status and title (RFC 9457 types resolve here)",
  tags: ["system"],
  roles: ANYONE,
  response: z.array(z.object({ code: z.string(), type: z.string(), status: z.number().int(), title: z.string() })),
});
