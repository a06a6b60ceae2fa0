/**
 * Billing assurance for the dashboard: the types and calls of the billing operations, all read
 * from their contract (src/contract/billing.ts), so the page and the server agree on every field.
 */
import {
  BILLING_ACTION_OPERATIONS,
  BILLING_RULE_IDS,
  BILLING_STATES,
  BILLING_TRANSITIONS,
  BILLING_UPLOAD_FILES,
  type BillingAction,
  type BillingEvent,
  type BillingException,
  type BillingRule,
  type BillingRuleId,
  type BillingRun,
  type BillingState,
  ACTION_ROLES as CONTRACT_ACTION_ROLES,
  UPLOAD_ROLES as CONTRACT_UPLOAD_ROLES,
  type ContractBillingTotals,
  type Evidence,
  type ExceptionDetail,
  type ExceptionPage,
  exportBillingExceptions,
  type GroupBy,
  getBillingException,
  getBillingTotals,
  listBillingExceptions,
  listBillingRules,
  listBillingRuns,
  type RuleSummary,
  type StateTotals,
  uploadBillingRun,
} from "../../src/contract/billing.ts";
import type { CallInput } from "../../src/contract/operation.ts";
import { call, operationUrl } from "./client.ts";

export type {
  BillingAction,
  BillingEvent,
  BillingException,
  BillingRule,
  BillingRun,
  BillingState,
  ContractBillingTotals,
  Evidence,
  ExceptionDetail,
  ExceptionPage,
  GroupBy,
  RuleSummary,
  StateTotals,
};
export type RuleId = BillingRuleId;
export { BILLING_TRANSITIONS, BILLING_UPLOAD_FILES };

export const RULES = BILLING_RULE_IDS;
export const STATES = BILLING_STATES;

/** The queue's filters as the page holds them: an empty string is no filter. */
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

/** Drops the filters left empty, so the query carries only what the contract accepts. */
function given<T extends object>(q: T): T {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== "")) as T;
}

type QueueQuery = NonNullable<CallInput<typeof listBillingExceptions>["query"]>;
type ExportFilters = NonNullable<CallInput<typeof exportBillingExceptions>["query"]>;

export const billingApi = {
  /** The rules with their names, from the engine's registry (for the rule filter). */
  rules: () => call(listBillingRules),
  // The page's filters come from the address bar as strings; the server checks rule and state.
  exceptions: (q: ExceptionQuery) => call(listBillingExceptions, { query: given(q) as QueueQuery }),
  exception: (id: string) => call(getBillingException, { params: { id } }),
  totals: (contractId: string) => call(getBillingTotals, { params: { id: contractId } }),
  runs: (contractId: string) => call(listBillingRuns, { params: { id: contractId } }),
  upload: (contractId: string, reason: string, files: Record<string, string>) =>
    call(uploadBillingRun, {
      params: { id: contractId },
      // The page keeps the files it was given by name; the server names any that is missing.
      body: { reason, files: files as CallInput<typeof uploadBillingRun>["body"]["files"] },
    }),
  act: (
    id: string,
    action: BillingAction,
    body: { reason: string; creditNote?: string; amountPence?: number },
  ): Promise<ExceptionDetail> =>
    // The recover operation's body has the credit note and amount; the others only the reason.
    call(BILLING_ACTION_OPERATIONS[action] as typeof BILLING_ACTION_OPERATIONS.recover, {
      params: { id },
      body: body as CallInput<typeof BILLING_ACTION_OPERATIONS.recover>["body"],
    }),
  /** The address of exceptions.csv for the filters (a download link). */
  exportUrl: (q: Omit<ExceptionQuery, "groupBy" | "page" | "pageSize">) =>
    operationUrl(exportBillingExceptions, { query: given(q) as ExportFilters }),
};

/** Which roles may take each workflow action (the API checks the same). */
export const ACTION_ROLES: Record<BillingAction, readonly string[]> = CONTRACT_ACTION_ROLES;
export const UPLOAD_ROLES: readonly string[] = CONTRACT_UPLOAD_ROLES;
