/**
 * Fetch helpers for the nous API. Every helper throws an ApiError carrying the API's own
 * message (an RFC 9457 problem: `detail`, with `error`, `message` and `details` as extension
 * members) so pages can show it as it is. New code calls operations through ./client.ts.
 */

import { getMe, signIn, signOut } from "../../src/contract/accounts.ts";
import { listAuditEntries, verifyAuditChain } from "../../src/contract/audit.ts";
import {
  getContract,
  getPipeline,
  getService,
  listContracts,
  listServices,
  listWaves,
} from "../../src/contract/records.ts";
// client.ts imports request and ApiError from this file; the cycle is safe because `call` is
// only used inside functions, after both modules have loaded.
import { call } from "./client.ts";

// The records' shapes come from the API contract (type-only imports, erased from the bundle):
// one definition serves the server and the dashboard.
export type { Me } from "../../src/contract/accounts.ts";
export type {
  Contract,
  ContractDetail,
  Decision,
  Pipeline,
  Provenance,
  Service,
  ServiceDetail,
  Stage,
  Wave,
} from "../../src/contract/records.ts";
export type { Role } from "../../src/contract/roles.ts";

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
  me: () => call(getMe),
  login: (username: string, password: string) => call(signIn, { body: { username, password } }),
  logout: () => call(signOut),
  pipeline: () => call(getPipeline),
  services: () => call(listServices),
  service: (id: string) => call(getService, { params: { id } }),
  contracts: () => call(listContracts),
  contract: (id: string) => call(getContract, { params: { id } }),
  waves: () => call(listWaves),
  audit: (q: { entity?: string; entityId?: string; limit?: number } = {}) => call(listAuditEntries, { query: q }),
  auditVerify: () => call(verifyAuditChain),
};
