/**
 * Calls an API operation through its declaration in src/contract: the path, method, query and
 * body come from the operation, and the answer has the type of its response schema, so the
 * dashboard and the server read one contract. Failures throw ApiError with the problem's message
 * (RFC 9457 `detail`), its code and its details.
 */
import type { CallInput, CallOutput, Operation } from "../../src/contract/operation.ts";
import { fillPath } from "../../src/contract/operation.ts";
import { ApiError, request } from "./api.ts";

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) for (const item of v) p.append(k, String(item));
    else p.set(k, String(v));
  }
  const qs = p.toString();
  return qs ? `?${qs}` : "";
}

/** The URL of an operation with its parameters and query filled in (for links and downloads). */
export function operationUrl<O extends Operation>(op: O, input: Partial<CallInput<O>> = {}): string {
  const i = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return fillPath(op.path, i.params) + queryString(i.query);
}

/** Calls `op`; resolves with its answer, or throws ApiError. */
export function call<O extends Operation>(op: O, ...args: keyof CallInput<O> extends never ? [] : [CallInput<O>]): Promise<CallOutput<O>> {
  const input = (args[0] ?? {}) as { body?: unknown };
  return request<CallOutput<O>>(op.method, operationUrl(op, args[0] ?? {}), op.body ? (input.body ?? {}) : undefined);
}

export { ApiError };
