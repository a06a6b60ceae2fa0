/**
 * OCDS in the dashboard: notices per contract, publishing, data quality, release import, and
 * the contract-management records the notices are built from (KPIs, ratings, changes, termination).
 */
import {
  type ChangeBody,
  createChange,
  createKpi,
  createRating,
  type KpiBody,
  listContractEvents,
  type RatingBody,
  recordTermination,
  type TerminationBody,
} from "../../src/contract/manage.ts";
import {
  getNotice,
  getOcdsQuality,
  listNotices,
  type NoticeType,
  publishNotice,
} from "../../src/contract/ocds.ts";
import { importReleases } from "../../src/contract/releases.ts";
import { call } from "./client.ts";

// The shapes come from the API contract.
export type { ContractEvents } from "../../src/contract/manage.ts";
export type {
  CoverageRow,
  ImportSummary,
  NoticeStatus,
  NoticeType,
  QualityCheckOutcome as QualityCheck,
  QualityFinding,
  QualityReport,
} from "../../src/contract/ocds.ts";

export const ocdsApi = {
  events: (contractId: string) => call(listContractEvents, { params: { id: contractId } }),
  notices: (contractId: string) => call(listNotices, { params: { id: contractId } }).then((r) => r.notices),
  notice: (contractId: string, type: NoticeType) => call(getNotice, { params: { id: contractId, type } }),
  publish: (contractId: string, type: NoticeType, reason: string) =>
    call(publishNotice, { params: { id: contractId, type }, body: { reason } }),
  quality: (buyer?: string) => call(getOcdsQuality, { query: buyer ? { buyer } : {} }),
  importReleases: (releases: unknown[], reason: string) =>
    call(importReleases, { body: { releases, reason } }),
  addKpi: (contractId: string, body: KpiBody) => call(createKpi, { params: { id: contractId }, body }),
  addRating: (contractId: string, body: RatingBody) =>
    call(createRating, { params: { id: contractId }, body }),
  addChange: (contractId: string, body: ChangeBody) =>
    call(createChange, { params: { id: contractId }, body }),
  setTermination: (contractId: string, body: TerminationBody) =>
    call(recordTermination, { params: { id: contractId }, body }),
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
