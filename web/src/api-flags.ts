/**
 * Types and fetchers for the red-flags API: the indicators with their explanation, the buyers of
 * the stored releases, and a run of the indicators on one buyer's processes. Amounts inside a
 * flag's values are OCDS amounts (decimal currency units, as published), not pence.
 */
import { apiGet } from "./api.ts";

export type FlagGroup = "OCID" | "Buyer" | "ProcuringEntity" | "Tenderer";

export const GROUP_LABELS: Record<FlagGroup, string> = {
  OCID: "Flagged processes",
  Buyer: "Flagged buyers",
  ProcuringEntity: "Flagged procuring entities",
  Tenderer: "Flagged tenderers",
};

export interface IndicatorMeta {
  code: string;
  name: string;
  definition: string;
  methodology: string;
  risk: string;
  output: string;
  settings: string[];
  groups: FlagGroup[];
}

export interface ExplainedFlag {
  code: string;
  name: string;
  value: number;
  measured?: number;
  threshold?: number;
  comparison?: "<" | "<=" | ">=" | "=" | ">";
  thresholdSource?: "settings" | "default" | "quartiles";
  quartiles?: Record<string, number>;
  values?: Record<string, unknown>;
}

export interface FlaggedEntry {
  id: string;
  name: string | null;
  flags: ExplainedFlag[];
}

export interface FlagsRun {
  notice: string;
  buyer: string | null;
  settings: "default" | "supplied";
  period: string;
  processes: number;
  releases: number;
  maxReleases: number;
  currency: string | null;
  counts: Record<FlagGroup, number>;
  groups: Record<FlagGroup, FlaggedEntry[]>;
  indicators: IndicatorMeta[];
  meta: Record<string, Record<string, number>>;
  /** The same result in Cardinal's output shape (OCID, Buyer, ProcuringEntity, Tenderer, Meta). */
  cardinal: Record<string, unknown>;
}

export interface BuyerCount {
  buyer: string;
  processes: number;
  releases: number;
}

/** The compiled releases the indicators run on, as JSON Lines to download. */
export function compiledReleasesHref(buyer: string | null): string {
  return `/api/flags/compiled.jsonl${buyer ? `?${new URLSearchParams({ buyer }).toString()}` : ""}`;
}

export const flagsApi = {
  indicators: () => apiGet<{ notice: string; indicators: IndicatorMeta[] }>("/api/flags/indicators"),
  indicator: (code: string) =>
    apiGet<{ notice: string; indicator: IndicatorMeta }>(`/api/flags/indicators/${encodeURIComponent(code)}`),
  buyers: () => apiGet<{ buyers: BuyerCount[] }>("/api/flags/buyers"),
  run: (q: { buyer?: string; settings?: string; today?: string }) => {
    const p = new URLSearchParams();
    if (q.buyer) p.set("buyer", q.buyer);
    if (q.settings?.trim()) p.set("settings", q.settings);
    if (q.today) p.set("today", q.today);
    const qs = p.toString();
    return apiGet<FlagsRun>(`/api/flags${qs ? `?${qs}` : ""}`);
  },
};
