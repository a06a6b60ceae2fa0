/**
 * Every error the API answers, in one catalogue, as RFC 9457 problem details
 * (`application/problem+json`). Each code has one status and one title; the `type` of a problem
 * is `/api/problems#<code>`, which resolves to this catalogue served by the API, so a client or a
 * person can look a code up. The body also carries `error` (the code), `message` (= `detail`) and
 * `details` as extension members (RFC 9457 section 3.2), the shape clients of earlier versions read.
 */
import { z } from "zod";

export const PROBLEMS = {
  bad_request: { status: 400, title: "The request is not valid" },
  malformed_json: { status: 400, title: "The body is not valid JSON" },
  too_deep: { status: 400, title: "The JSON is nested too deeply" },
  bad_input: { status: 400, title: "The input is not valid" },
  bad_cells: { status: 400, title: "Cells of the spreadsheet are not valid" },
  unknown_reference: { status: 400, title: "An id names no record" },
  invalid_case: { status: 400, title: "The appraisal case is not valid" },
  bad_settings: { status: 400, title: "The settings are not valid" },
  wrong_password: { status: 400, title: "The current password is wrong" },
  unauthorized: { status: 401, title: "Sign in first" },
  forbidden: { status: 403, title: "Your role may not do this" },
  separation_of_duties: { status: 403, title: "Another officer must take this step" },
  not_found: { status: 404, title: "No such record or route" },
  conflict: { status: 409, title: "The request conflicts with what is stored" },
  duplicate_id: { status: 409, title: "The id is already taken" },
  body_too_large: { status: 413, title: "The body is too large" },
  uri_too_long: { status: 414, title: "The address is too long" },
  unsupported_media_type: { status: 415, title: "The body's content type is not accepted" },
  too_large: { status: 413, title: "The data is too large to compute on request" },
  account_locked: { status: 423, title: "The account is locked" },
  too_many_requests: { status: 429, title: "Too many requests: wait and try again" },
  internal: { status: 500, title: "The server could not complete the request" },
  store_unavailable: { status: 503, title: "The database is unavailable" },
  busy: { status: 503, title: "The server is busy: try again shortly" },
  store_unreachable: { status: 503, title: "The store is unreachable" },
  migrations_pending: { status: 503, title: "The store's migrations are behind this version of nous" },
  migrations_unknown: { status: 503, title: "The store was migrated by a newer version of nous" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** The `type` URI of a problem code. */
export function problemType(code: string): string {
  return `/api/problems#${code}`;
}

/** The title for a code, or a generic one for a status when the code is not in the catalogue. */
export function problemTitle(code: string, status: number): string {
  const known = (PROBLEMS as Record<string, { title: string }>)[code];
  if (known) return known.title;
  if (status >= 500) return PROBLEMS.internal.title;
  return PROBLEMS.bad_request.title;
}

/** An RFC 9457 problem as the API sends it. */
export const Problem = z
  .object({
    type: z.string().describe("URI reference naming the kind of problem: /api/problems#<code>"),
    title: z.string().describe("Short summary of the kind of problem"),
    status: z.number().int().describe("The HTTP status"),
    detail: z.string().describe("What went wrong with this request, in plain words"),
    instance: z.string().optional().describe("The request path"),
    error: z.string().describe("The problem code (extension member; the same as type's fragment)"),
    message: z.string().describe("The same as detail (extension member)"),
    details: z.unknown().describe("Where and what: a location, the failed checks, an id (extension member)"),
  })
  .meta({ title: "Problem" });
export type Problem = z.infer<typeof Problem>;

/** Builds the body of a problem response. */
export function problemBody(
  status: number,
  code: string,
  message: string,
  details: unknown = null,
  instance?: string,
): Problem {
  return {
    type: problemType(code),
    title: problemTitle(code, status),
    status,
    detail: message,
    ...(instance ? { instance } : {}),
    error: code,
    message,
    details: details ?? null,
  };
}
