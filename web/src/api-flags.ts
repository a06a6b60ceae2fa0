/**
 * Types and fetchers for the red-flags API: the indicators with their explanation, the buyers of
 * the stored releases, and a run of the indicators on one buyer's processes. Amounts inside a
 * flag's values are OCDS amounts (decimal currency units, as published), not pence.
 */
import {
  downloadCompiledReleases,
  type FlagGroup,
  getIndicator,
  listFlagBuyers,
  listIndicators,
  runFlags,
} from "../../src/contract/flags.ts";
import { call, operationUrl } from "./client.ts";

// The shapes come from the API contract (one ExplainedFlag, served and shown).
export type {
  BuyerCount,
  ExplainedFlag,
  FlagGroup,
  FlaggedEntry,
  FlagsRun,
  IndicatorMeta,
} from "../../src/contract/flags.ts";

export const GROUP_LABELS: Record<FlagGroup, string> = {
  OCID: "Flagged processes",
  Buyer: "Flagged buyers",
  ProcuringEntity: "Flagged procuring entities",
  Tenderer: "Flagged tenderers",
};

/** The compiled releases the indicators run on, as JSON Lines to download. */
export function compiledReleasesHref(buyer: string | null): string {
  return operationUrl(downloadCompiledReleases, { query: buyer ? { buyer } : {} });
}

export const flagsApi = {
  indicators: () => call(listIndicators),
  indicator: (code: string) => call(getIndicator, { params: { code } }),
  buyers: () => call(listFlagBuyers),
  run: (q: { buyer?: string; settings?: string; today?: string }) =>
    call(runFlags, {
      query: {
        ...(q.buyer ? { buyer: q.buyer } : {}),
        ...(q.settings?.trim() ? { settings: q.settings } : {}),
        ...(q.today ? { today: q.today } : {}),
      },
    }),
};
