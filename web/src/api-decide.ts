/**
 * Types and fetchers for the Decide API: a deal's stored documents with the engine's results
 * and its gate history. Money in results arrives as decimal pounds (strings to the penny);
 * `pence()` turns it into integer pence for the Money component.
 */
import { ApiError, apiGet, apiPost } from "./api.ts";
import type { Contract, Role } from "./api.ts";
import type { CaseReport, MoneySummary } from "../../src/decide/case/run-case.ts";
import type { Finding } from "../../src/decide/finding.ts";
import type { GateEventRecord } from "../../src/store/decide.ts";
import { parsePounds } from "../../src/shared/money.ts";

/** "-308929869.37" -> -30892986937 (integer pence); null stays null. */
export function pence(decimal: string | null | undefined): number | null {
  if (decimal === null || decimal === undefined) return null;
  return parsePounds(decimal);
}

/** What every decide check reports (code, severity, path, message): the engine's own shape. */
export type { Finding };

/** Mean and percentiles of a Monte Carlo result, decimal pounds: the engine's own shape. */
export type { MoneySummary };

/** The parts of the engine's CaseReport the page reads (the API sends the whole report). */
export interface AppraisalResult {
  name: string;
  discounting: string;
  lastYear: number;
  preferred: string;
  baseline: string | null;
  options: Array<{
    id: string;
    name?: string;
    pvCosts: string;
    pvBenefits: string;
    npv: string;
    bcr: number | null;
    pvOptimismBias: string;
    optimismBiasUplift: number | null;
    pvSavings: string | null;
    cashSavings: string | null;
  }>;
  switchingValues: Array<{
    driver: string;
    label: string;
    preferredChangesDown: { factor: number; to: string } | null;
    preferredChangesUp: { factor: number; to: string } | null;
  }>;
  sensitivity: {
    option: string;
    rows: Array<{ driver: string; label: string; npvLow: string; npvHigh: string; swing: string }>;
  };
  savingsTarget: CaseReport["savingsTarget"];
  monteCarlo: CaseReport["monteCarlo"];
  discountRate: CaseReport["discountRate"];
}

export interface DmaResult {
  service: string;
  ranking: Array<{
    id: string;
    type: string;
    weighted: number;
    strategic: number | null;
    operational: number | null;
  }>;
  recommended: string | null;
  valid: boolean;
  findings: Finding[];
  options: Array<{
    id: string;
    type: string;
    name?: string;
    returnInHouse?: { cost?: number; timeMonths?: number; assets?: string; people?: string };
  }>;
  criteria: Array<{ id: string; name: string; kind: string; weight: number }>;
  scores: Array<{ option: string; criterion: string; score: number; evidence: string }>;
}

export interface WorkforceResult {
  service: string;
  postsInScope: number;
  transferred: number;
  retained: number;
  redundant: number;
  relocatedTotal: number;
  shareTransferred: number;
  relocatedByLocation: Array<{ location: string; posts: number }>;
  zeroHours: { status: "yes" | "no" | "not-declared"; source?: string; date?: string };
  findings: Finding[];
}

export interface CapabilityResult {
  body: string;
  areas: Array<{
    area: string;
    name: string;
    score: number | null;
    maturity: string | null;
    evidenced: boolean;
  }>;
  mean: number | null;
  weakest: string[];
  notAssessed: string[];
  findings: Finding[];
}

export interface HorizonResult {
  contract: string;
  body: string;
  start: string;
  end: string;
  total: string;
  decidingAdministration: string | null;
  administrations: Array<{
    index: number;
    from: string;
    to: string;
    label: string;
    committed: string;
    shareOfContract: number;
    shareOfBudget: number | null;
    role: "before-decision" | "deciding" | "bound";
  }>;
  administrationsBound: number;
  shareAfterDecidingTerm: number;
  breakPoints: Array<{
    date: string;
    label: string | null;
    terminationCost: string;
    paymentsAfter: string;
    paymentsBefore: string;
    administrationsBoundIfLeft: number;
    administration: string | null;
  }>;
  electionsFrom: string;
}

interface DocBase {
  id: string;
  serviceId: string | null;
  contractId: string | null;
  title: string;
  published: boolean;
  demoFields: string[];
  source: string;
}

export type DealDocument =
  | (DocBase & { kind: "appraisal"; result: AppraisalResult })
  | (DocBase & { kind: "dma"; result: DmaResult })
  | (DocBase & { kind: "workforce"; result: WorkforceResult })
  | (DocBase & { kind: "capability"; result: CapabilityResult })
  | (DocBase & { kind: "horizon"; result: HorizonResult });

/** A gate event as the API sends it: the stored record with the engine's flags and findings. */
export type GateEventView = Omit<GateEventRecord, "serviceId" | "contractId"> & {
  flags: string[];
  findings: Finding[];
};

export interface GateHistory {
  gates: Array<{
    id: string;
    name: string;
    status: string;
    approvedOn: string | null;
    approvedBy: string | null;
  }>;
  current: string | null;
  findings: Finding[];
  outOfOrder: number;
  budgetDriven: number;
  events: GateEventView[];
}

export interface Deal {
  contract: Contract;
  documents: DealDocument[];
  gates: GateHistory;
}

export interface AppraisalListItem extends DocBase {
  kind: "appraisal";
}

export type DecideKind = DealDocument["kind"];

/** A stored document as the API answers a write or a read of one document. */
export interface StoredDocument extends DocBase {
  kind: DecideKind;
  document: unknown;
  updatedAt: string;
}

/**
 * The kinds of decision document, with the API segment, the JSON schema documenting the file
 * form and an example file (both in the repository: the API does not serve them).
 */
export const DOCUMENT_KINDS: ReadonlyArray<{
  kind: DecideKind;
  segment: string;
  label: string;
  schema: string;
  example: string;
}> = [
  {
    kind: "appraisal",
    segment: "appraisals",
    label: "Appraisal case",
    schema: "schema/decide/case.schema.json",
    example: "docs/decide/examples/simple-case.json",
  },
  {
    kind: "dma",
    segment: "dmas",
    label: "Delivery model assessment (DMA)",
    schema: "schema/decide/dma.schema.json",
    example: "docs/decide/examples/met-dma.json",
  },
  {
    kind: "workforce",
    segment: "workforce",
    label: "Workforce impact",
    schema: "schema/decide/workforce.schema.json",
    example: "docs/decide/examples/met-workforce.json",
  },
  {
    kind: "capability",
    segment: "capability",
    label: "Commercial capability self-assessment",
    schema: "schema/decide/capability.schema.json",
    example: "docs/decide/examples/met-capability.json",
  },
  {
    kind: "horizon",
    segment: "horizons",
    label: "Payment profile and break points",
    schema: "schema/decide/contract.schema.json",
    example: "docs/decide/examples/met-sscl-contract.json",
  },
];

export const kindInfo = (kind: DecideKind) => DOCUMENT_KINDS.find((k) => k.kind === kind)!;

/** Who may write a kind, as the API allows: admin and commercial; finance also appraisal cases. */
export function canWriteKind(role: Role, kind: DecideKind): boolean {
  return role === "admin" || role === "commercial" || (role === "finance" && kind === "appraisal");
}

/** Who may record gate steps (the API's COMMERCIAL roles). */
export const canRecordGates = (role: Role): boolean => role === "admin" || role === "commercial";

export interface DocumentBody {
  title: string;
  serviceId: string | null;
  contractId: string | null;
  document: unknown;
  reason: string;
}

/** What `POST /api/decide/gate-events` takes: a gate event and why it is recorded. */
export type GateEventBody = Omit<GateEventRecord, "demoFields" | "source"> & { why: string };

/** PUT with the API's own error message (api.ts has GET and POST only). */
async function apiPut<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(
      0,
      "network",
      `the server could not be reached (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, "bad_response", `${res.status} ${res.statusText}`.trim());
  }
  if (!res.ok) {
    const b = parsed as { error?: unknown; message?: unknown; details?: unknown } | null;
    if (b && typeof b.message === "string")
      throw new ApiError(res.status, String(b.error ?? "http"), b.message, b.details ?? null);
    throw new ApiError(res.status, "http", `${res.status} ${res.statusText}`.trim());
  }
  return parsed as T;
}

const seg = (kind: DecideKind) => kindInfo(kind).segment;

export const decideApi = {
  deal: (contractId: string) => apiGet<Deal>(`/api/decide/deals/${encodeURIComponent(contractId)}`),
  appraisals: () => apiGet<AppraisalListItem[]>("/api/decide/appraisals"),
  appraisal: (id: string) => apiGet<StoredDocument>(`/api/decide/appraisals/${encodeURIComponent(id)}`),
  appraisalResult: (id: string) =>
    apiGet<{ id: string; title: string; demoFields: string[]; result: AppraisalResult }>(
      `/api/decide/appraisals/${encodeURIComponent(id)}/result`,
    ),
  putDocument: (kind: DecideKind, id: string, body: DocumentBody) =>
    apiPut<StoredDocument>(`/api/decide/${seg(kind)}/${encodeURIComponent(id)}`, body),
  setPublished: (kind: DecideKind, id: string, published: boolean, reason: string) =>
    apiPost<{ id: string; published: boolean }>(
      `/api/decide/${seg(kind)}/${encodeURIComponent(id)}/publication`,
      { published, reason },
    ),
  recordGateEvent: (body: GateEventBody) => apiPost<GateEventView>("/api/decide/gate-events", body),
};

/** The first document of a kind in a deal, typed. */
export function docOf<K extends DealDocument["kind"]>(
  deal: Deal,
  kind: K,
): Extract<DealDocument, { kind: K }> | undefined {
  return deal.documents.find((d): d is Extract<DealDocument, { kind: K }> => d.kind === kind);
}
