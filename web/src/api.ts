/**
 * Fetch helpers for the nous API. Every helper throws an ApiError carrying the API's own
 * message (an RFC 9457 problem: `detail`, with `error`, `message` and `details` as extension
 * members) so pages can show it as it is. New code calls operations through ./client.ts.
 */

import { listAuditEntries, verifyAuditChain } from "../../src/contract/audit.ts";
// client.ts imports request and ApiError from this file; the cycle is safe because `call` is
// only used inside functions, after both modules have loaded.
import { call } from "./client.ts";
import type { Contract, Decision, Service } from "../../src/store/records.ts";
import type { Role } from "../../src/store/schema.ts";

// The server's own record shapes (type-only imports, erased from the bundle): one definition
// serves the API and the dashboard.
export type { Contract, Decision, Role, Service };

export interface Me {
  username: string | null;
  displayName: string;
  role: Role;
}

/** Fields shared by every record: which values were invented for the demo, and the source of the rest. */
export type Provenance = Pick<Service, "published" | "demoFields" | "source">;

export interface Stage {
  id: string;
  label: string;
  services: Service[];
}

export interface Pipeline {
  stages: Stage[];
}

export type ServiceDetail = Service & { decisions: Decision[]; contracts: Contract[] };
export type ContractDetail = Contract & { decisions: Decision[] };

export interface Wave {
  id: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  description: string;
  demoFields: string[];
  source: string;
}

// The audit trail's shapes come from the API contract.
export type { AuditEntry, AuditVerify } from "../../src/contract/audit.ts";

/** An error answered by the API (or the network), with the API's message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isErrorBody(x: unknown): x is { error: string; message: string; details?: unknown } {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as { message?: unknown }).message === "string" &&
    typeof (x as { error?: unknown }).error === "string"
  );
}

/** `signal` cancels the request (the query cache passes one when a page no longer needs the answer). */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { accept: "application/json" }
          : { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    // A cancelled request is not a network failure: its caller asked for it.
    if (signal?.aborted) throw e;
    throw new ApiError(
      0,
      "network",
      `the server could not be reached (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      if (!res.ok) throw new ApiError(res.status, "http", `${res.status} ${res.statusText}`.trim());
      throw new ApiError(
        res.status,
        "bad_response",
        `the server answered ${path} with something that is not JSON`,
      );
    }
  }
  if (!res.ok) {
    if (isErrorBody(parsed))
      throw new ApiError(res.status, parsed.error, parsed.message, parsed.details ?? null);
    throw new ApiError(res.status, "http", `${res.status} ${res.statusText}`.trim());
  }
  return parsed as T;
}

export function apiGet<T>(path: string): Promise<T> {
  return request<T>("GET", path);
}

export function apiPost<T>(path: string, body: unknown): Promise<T> {
  return request<T>("POST", path, body);
}

export const api = {
  me: () => apiGet<Me>("/api/auth/me"),
  login: (username: string, password: string) => apiPost<Me>("/api/auth/login", { username, password }),
  logout: () => apiPost<{ ok: boolean }>("/api/auth/logout", {}),
  pipeline: () => apiGet<Pipeline>("/api/pipeline"),
  services: () => apiGet<Service[]>("/api/services"),
  service: (id: string) => apiGet<ServiceDetail>(`/api/services/${encodeURIComponent(id)}`),
  contracts: () => apiGet<Contract[]>("/api/contracts"),
  contract: (id: string) => apiGet<ContractDetail>(`/api/contracts/${encodeURIComponent(id)}`),
  waves: () => apiGet<Wave[]>("/api/waves"),
  audit: (q: { entity?: string; entityId?: string; limit?: number } = {}) => call(listAuditEntries, { query: q }),
  auditVerify: () => call(verifyAuditChain),
};
