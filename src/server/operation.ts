/**
 * Registers an API route from its declared operation (src/contract/operation.ts): the route's
 * JSON schemas for params, query, body and every response come from the operation's zod schemas,
 * so Fastify validates requests against them and serialises answers through them (a field the
 * response schema does not declare never leaves the server), the role check reads the
 * operation's roles, and the OpenAPI document gets its operationId, security and problem answers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Operation, type Reply, type Validated, jsonSchemaOf } from "../contract/operation.ts";
import { Problem } from "../contract/problems.ts";

/** The context a handler gets: the validated inputs, and the request and reply for what else it needs. */
export type OperationContext<O extends Operation> = Validated<O> & { req: FastifyRequest; reply: FastifyReply };

/**
 * Returns the answer (serialised through the response schema), or the reply when it has sent
 * something else itself (a problem, a file).
 */
export type OperationHandler<O extends Operation> = (
  ctx: OperationContext<O>,
) => Promise<Reply<O> | FastifyReply> | Reply<O> | FastifyReply;

let problemSchema: Record<string, unknown> | undefined;
function problemJson(): Record<string, unknown> {
  problemSchema ??= jsonSchemaOf(Problem, "output");
  return problemSchema;
}

/** The problem answers (as OpenAPI response objects) an operation may give. */
export function problemResponses(op: Operation): Record<string, unknown> {
  // A fresh copy each time: a schema object shared between responses is written by the OpenAPI
  // generator as a $ref into another response, which tools cannot resolve.
  const problem = (description: string) => ({
    description,
    content: { "application/problem+json": { schema: structuredClone(problemJson()) } },
  });
  const out: Record<string, unknown> = {};
  if (op.params || op.query || op.body || op.errors?.includes("bad_request"))
    out["400"] = problem("The request is not valid: the problem names the field and what was expected");
  if (!op.roles.includes("public")) {
    out["401"] = problem("Not signed in, or the token or session is not valid");
    out["403"] = problem("Signed in with a role that may not call this operation");
  }
  if (op.params || op.errors?.includes("not_found")) out["404"] = problem("No such record");
  if (op.errors?.some((e) => e === "conflict" || e === "duplicate_id"))
    out["409"] = problem("The request conflicts with what is stored");
  if (op.body || op.errors?.includes("body_too_large")) out["413"] = problem("The body is larger than this operation accepts");
  if (op.errors?.includes("account_locked")) out["423"] = problem("The account is locked");
  if (op.errors?.includes("too_many_requests")) out["429"] = problem("Too many requests: wait as Retry-After says");
  if (op.errors?.includes("busy") || op.errors?.includes("store_unreachable") || op.errors?.includes("store_unavailable"))
    out["503"] = problem("Unavailable just now: try again as Retry-After says");
  return out;
}

/** How the server treats a route beyond its contract: probes log only at warn and above. */
export interface RouteSettings {
  logLevel?: "warn" | "info";
}

/** Registers `op` on `app` (a plugin registered under /api) with its handler. */
export function addOperation<O extends Operation>(
  app: FastifyInstance,
  op: O,
  handler: NoInfer<OperationHandler<O>>,
  settings: RouteSettings = {},
): void {
  const status = op.status ?? 200;
  const success = op.produces
    ? { description: op.summary, content: { [op.produces]: { schema: { type: "string" } } } }
    : status === 204
      ? { description: op.summary, type: "null" }
      : { description: op.summary, ...jsonSchemaOf(op.response, "output") };
  app.route({
    method: op.method,
    url: op.path,
    config: { roles: op.roles },
    ...(settings.logLevel ? { logLevel: settings.logLevel } : {}),
    ...(op.bodyLimit ? { bodyLimit: op.bodyLimit } : {}),
    schema: {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [...op.tags],
      ...(op.params ? { params: jsonSchemaOf(op.params, "input") } : {}),
      ...(op.query ? { querystring: jsonSchemaOf(op.query, "input") } : {}),
      ...(op.body ? { body: jsonSchemaOf(op.body, "input") } : {}),
      response: {
        [status]: success,
        // A copy each: a schema object shared between responses becomes a $ref tools cannot resolve.
        ...Object.fromEntries((op.otherStatuses ?? []).map((s) => [s, structuredClone(success)])),
        ...problemResponses(op),
      },
      security: op.roles.includes("public") ? [] : [{ bearer: [] }, { session: [] }],
    },
    handler: async (req, reply) => {
      const out = await handler({
        params: req.params,
        query: req.query,
        body: req.body,
        req,
        reply,
      } as OperationContext<O>);
      if (!reply.sent && reply.statusCode === 200 && status !== 200) reply.code(status);
      if (op.produces && !reply.getHeader("content-type")) reply.type(op.produces);
      return out;
    },
  });
}
