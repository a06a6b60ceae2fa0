/** Billing assurance: API types and fetchers (money in integer pence, dates ISO). */
import type {
  BillingException,
  BillingRun,
  ContractBillingTotals,
  ExceptionPage,
  GroupBy,
  RuleSummary,
  StateTotals,
} from "../../src/store/billing.ts";
import { apiGet, apiPost } from "./api.ts";

// The server's own shapes where the API sends them as they are (type-only imports, erased from
// the bundle). Evidence, BillingEvent and ExceptionDetail are typed more closely here than on the
// server, which passes evidence and event data through as stored.
export type {
  BillingException,
  BillingRun,
  ContractBillingTotals,
  ExceptionPage,
  GroupBy,
  RuleSummary,
  StateTotals,
};

export const RULES = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09"] as const;
export type RuleId = (typeof RULES)[number];
export const STATES = ["open", "disputed", "recovered", "accepted"] as const;
export type BillingState = (typeof STATES)[number];

/** Short names of the rules, for filters and headings. */
export const RULE_TITLES: Record<RuleId, string> = {
  B01: "Subject not in the identity register",
  B02: "No order covers the day",
  B03: "Billed after the tag was removed",
  B04: "Billed before the tag was fitted",
  B05: "Subject in custody",
  B06: "Subject had died",
  B07: "Subject abroad",
  B08: "Day billed twice",
  B09: "Billed above the contract price",
};

/** The files an upload may carry, required first. */
export const BILLING_UPLOAD_FILES = [
  { name: "invoice_lines.csv", required: true },
  { name: "orders.csv", required: true },
  { name: "service_events.csv", required: true },
  { name: "subjects.csv", required: true },
  { name: "prices.csv", required: true },
  { name: "custody.csv", required: false },
  { name: "deaths.csv", required: false },
  { name: "departures.csv", required: false },
] as const;

export interface Evidence {
  rule: RuleId;
  line: {
    invoiceId: string;
    lineId: string;
    contractId: string;
    subjectId: string;
    orderId: string;
    serviceCode: string;
    periodStart: string;
    periodEnd: string;
    amount: string;
  };
  days: { from: string; to: string }[];
  registered: boolean;
  dateOfDeath: string | null;
  custody: { from: string; to: string | null }[];
  departures: { departure: string; return: string | null }[];
  orders: {
    orderId: string;
    start: string;
    end: string | null;
    events: { event: "start" | "stop"; date: string }[];
  }[];
  earlierBillings: { invoiceId: string; lineId: string; from: string; to: string }[];
  prices: { from: string; to: string | null; unitPrice: string }[];
}

export interface BillingEvent {
  at: string;
  actor: string;
  from: string;
  to: string;
  reason: string;
  data: { creditNote?: string; recoveredPence?: number } | null;
  demo: boolean;
}

export interface ExceptionDetail extends BillingException {
  evidence: Evidence;
  history: BillingEvent[];
  run: BillingRun;
}

export interface ExceptionQuery {
  contractId?: string;
  rule?: string;
  month?: string;
  subject?: string;
  state?: string;
  groupBy?: GroupBy;
  page?: number;
  pageSize?: number;
}

const enc = encodeURIComponent;

export const billingApi = {
  exceptions: (q: ExceptionQuery) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") p.set(k, String(v));
    return apiGet<ExceptionPage>(`/api/billing/exceptions?${p.toString()}`);
  },
  exception: (id: string) => apiGet<ExceptionDetail>(`/api/billing/exceptions/${enc(id)}`),
  totals: (contractId: string) =>
    apiGet<ContractBillingTotals>(`/api/billing/contracts/${enc(contractId)}/totals`),
  runs: (contractId: string) => apiGet<BillingRun[]>(`/api/billing/contracts/${enc(contractId)}/runs`),
  upload: (contractId: string, reason: string, files: Record<string, string>) =>
    apiPost<BillingRun>(`/api/billing/contracts/${enc(contractId)}/runs`, { reason, files }),
  act: (
    id: string,
    action: "dispute" | "recover" | "accept" | "reopen",
    body: { reason: string; creditNote?: string; amountPence?: number },
  ) => apiPost<ExceptionDetail>(`/api/billing/exceptions/${enc(id)}/${action}`, body),
};

/** Which roles may take each workflow action (the API checks the same). */
export const ACTION_ROLES: Record<"dispute" | "recover" | "accept" | "reopen", readonly string[]> = {
  dispute: ["admin", "commercial", "contract-manager"],
  recover: ["admin", "commercial", "contract-manager", "finance"],
  accept: ["admin", "commercial", "contract-manager"],
  reopen: ["admin", "commercial", "contract-manager"],
};
export const UPLOAD_ROLES: readonly string[] = ["admin", "commercial", "contract-manager"];
