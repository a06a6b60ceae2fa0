/**
 * OCDS in the dashboard: notices per contract, publishing, data quality, release import, and
 * the contract-management records the notices are built from (KPIs, ratings, changes, termination).
 */
import type {
  ChangeInput,
  KpiInput,
  RatingInput,
  TerminationInput,
} from "../../src/store/contract-events.ts";
import { apiGet, apiPost } from "./api.ts";

/** Every write names why it was made; the reason goes to the audit trail. */
type Why = { reason: string };

export interface NoticeStatus {
  type: string;
  name: string;
  producible: boolean;
  reason: string;
  releaseId: string | null;
  published: boolean;
}

export interface CoverageRow {
  path: string;
  releases: number;
  share: number;
}

export interface QualityFinding {
  ocid: string;
  path: string;
  message: string;
}

export interface QualityCheck {
  id: string;
  name: string;
  detects: string;
  matters: string;
  checked: number;
  failed: number;
  findings: QualityFinding[];
}

export interface QualityReport {
  buyer: string | null;
  releases: number;
  compiledReleases: number;
  coherent: number;
  coverage: CoverageRow[];
  checks: QualityCheck[];
}

export interface ImportSummary {
  received: number;
  inserted: number;
  unchanged: number;
}

export interface ContractEvents {
  kpis: { id: string; title: string; description: string; target: string; demo: boolean }[];
  ratings: {
    id: string;
    kpiId: string;
    periodEnd: string;
    rating: string;
    explanation: string;
    demo: boolean;
  }[];
  changes: {
    id: string;
    changedOn: string;
    valueBeforePence: number;
    valueAfterPence: number;
    endBefore: string;
    endAfter: string;
    description: string;
    noticeRequired: boolean;
    noticeReasons: string[];
    demo: boolean;
  }[];
  termination: { terminatedOn: string; reason: string; totalPaidPence: number; demo: boolean } | null;
}

const enc = encodeURIComponent;

export const ocdsApi = {
  events: (contractId: string) => apiGet<ContractEvents>(`/api/contracts/${enc(contractId)}/events`),
  notices: (contractId: string) =>
    apiGet<{ notices: NoticeStatus[] }>(`/api/contracts/${enc(contractId)}/notices`).then((r) => r.notices),
  notice: (contractId: string, type: string) =>
    apiGet<Record<string, unknown>>(`/api/contracts/${enc(contractId)}/notices/${enc(type)}`),
  publish: (contractId: string, type: string, reason: string) =>
    apiPost<ImportSummary>(`/api/contracts/${enc(contractId)}/notices/${enc(type)}/publish`, { reason }),
  quality: (buyer?: string) =>
    apiGet<QualityReport>(`/api/ocds/quality${buyer ? `?buyer=${enc(buyer)}` : ""}`),
  importReleases: (releases: unknown[], reason: string) =>
    apiPost<ImportSummary>("/api/ocds/releases", { releases, reason }),
  addKpi: (contractId: string, body: Omit<KpiInput, "demo"> & Why) =>
    apiPost<unknown>(`/api/contracts/${enc(contractId)}/kpis`, body),
  addRating: (contractId: string, body: Omit<RatingInput, "demo"> & Why) =>
    apiPost<unknown>(`/api/contracts/${enc(contractId)}/ratings`, body),
  addChange: (contractId: string, body: Omit<ChangeInput, "demo"> & Why) =>
    apiPost<{ noticeRequired: boolean; noticeReasons: string[] }>(
      `/api/contracts/${enc(contractId)}/changes`,
      body,
    ),
  setTermination: (
    contractId: string,
    body: Omit<TerminationInput, "demo" | "reason"> & { endReason: string } & Why,
  ) => apiPost<unknown>(`/api/contracts/${enc(contractId)}/termination`, body),
};

/** The releases in an uploaded file: a release package, a release, or JSON Lines of either. */
export function releasesOfText(text: string): unknown[] {
  const trimmed = text.trim();
  let docs: unknown[];
  try {
    docs = [JSON.parse(trimmed)];
  } catch {
    docs = trimmed
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l, i) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          throw new Error(`line ${i + 1} is not JSON`);
        }
      });
  }
  const out: unknown[] = [];
  for (const d of docs) {
    const pkg = d as { releases?: unknown };
    if (Array.isArray(pkg?.releases)) out.push(...pkg.releases);
    else out.push(d);
  }
  return out;
}
