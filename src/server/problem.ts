/**
 * Sends an error as RFC 9457 problem details (`application/problem+json`): the one way the API
 * answers a failure. Codes and titles come from the catalogue in src/contract/problems.ts.
 */
import type { FastifyReply } from "fastify";
import { problemBody } from "../contract/problems.ts";

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details: unknown = null,
): FastifyReply {
  const path = reply.request?.url?.split("?")[0];
  return reply
    .code(status)
    .type("application/problem+json; charset=utf-8")
    .send(problemBody(status, code, message, details, path ? path.slice(0, 200) : undefined));
}
