/**
 * The red-flags answer the API gives for stored releases: the indicators run on the compiled
 * processes, each flag with its explanation (name, the values that tripped it, the threshold and
 * where it came from), grouped by what was flagged and named. Pure: it is computed in the
 * derived-results worker (src/app/compute-worker.ts) from plain data.
 */

import { type ExplainedFlag, type FlaggedEntry, type FlagsRun, MAX_RELEASES } from "../contract/flags.ts";
import { indicatorMetadata, runIndicators, toCardinal } from "../flags/engine.ts";
import { round4 } from "../flags/quartiles.ts";
import type { IndicatorCode, Settings } from "../flags/settings.ts";
import { GROUPS, type Group, type IndicatorMeta } from "../flags/types.ts";
import type { JsonObject } from "../ocds/types.ts";

/** Said with every result, in the API and on the dashboard. */
export const FLAGS_NOTICE =
  "A flag is a lead for a closer look, never a verdict: it says a pattern that often goes with " +
  "corruption, collusion or poor competition is present, not that anything wrong happened.";

export type { ExplainedFlag, FlaggedEntry } from "../contract/flags.ts";
/** The most releases one call compiles; larger stores are run with `nous flags indicators`. */
export { MAX_RELEASES } from "../contract/flags.ts";

export interface FlagsViewInput {
  buyer: string | undefined;
  today: string | undefined;
  /** Whether the settings were supplied by the caller (else every indicator with its defaults). */
  supplied: boolean;
  settings: Settings;
  /** Releases read from the store. */
  releases: number;
  /** Compiled releases, one per process. */
  compiled: JsonObject[];
}

function namesOf(compiled: JsonObject[]): { orgs: Map<string, string>; titles: Map<string, string> } {
  const orgs = new Map<string, string>();
  const titles = new Map<string, string>();
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  for (const c of compiled) {
    const ocid = str(c.ocid);
    const tender = c.tender as JsonObject | undefined;
    const awards = Array.isArray(c.awards) ? (c.awards as JsonObject[]) : [];
    const title = str(tender?.title) ?? str(awards[0]?.title);
    if (ocid && title) titles.set(ocid, title);
    if (Array.isArray(c.parties)) {
      for (const p of c.parties as JsonObject[]) {
        const id = str(p?.id);
        const name = str(p?.name);
        if (id && name && !orgs.has(id)) orgs.set(id, name);
      }
    }
  }
  return { orgs, titles };
}

/** The API's red-flags answer over compiled processes. */
export function flagsView(input: FlagsViewInput): FlagsRun {
  const { buyer, today, settings, compiled } = input;
  const result = runIndicators(settings, compiled, { today });
  const { orgs, titles } = namesOf(compiled);
  const metaByCode: Partial<Record<IndicatorCode, IndicatorMeta>> = {};
  for (const m of indicatorMetadata()) metaByCode[m.code] = m;
  const rounded: Partial<Record<IndicatorCode, Record<string, number>>> = {};
  for (const [code, m] of Object.entries(result.meta) as [IndicatorCode, Record<string, number>][]) {
    rounded[code] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round4(v)]));
  }
  const groups = {} as Record<Group, FlaggedEntry[]>;
  const byKey = new Map<string, FlaggedEntry>();
  for (const g of GROUPS) groups[g] = [];
  for (const f of result.flags) {
    const key = `${f.group}\u0000${f.id}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        id: f.id,
        name: (f.group === "OCID" ? titles.get(f.id) : orgs.get(f.id)) ?? null,
        flags: [],
      };
      byKey.set(key, entry);
      groups[f.group].push(entry);
    }
    const e: ExplainedFlag = { code: f.code, name: metaByCode[f.code]?.name ?? f.code, value: f.value };
    if (f.measured !== undefined) e.measured = f.measured;
    if (f.threshold !== undefined) e.threshold = f.threshold;
    if (f.comparison !== undefined) e.comparison = f.comparison;
    if (f.thresholdSource !== undefined) e.thresholdSource = f.thresholdSource;
    if (f.thresholdSource === "quartiles" && rounded[f.code]) e.quartiles = rounded[f.code];
    if (f.values !== undefined) e.values = f.values;
    entry.flags.push(e);
  }
  for (const g of GROUPS) groups[g].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const enabled = Object.keys(settings.indicators) as IndicatorCode[];
  return {
    notice: FLAGS_NOTICE,
    buyer: buyer ?? null,
    settings: input.supplied ? "supplied" : "default",
    period: today
      ? `R055: the 365 days up to ${today}, unless the settings give start_date/end_date`
      : "R055: all dates, unless the settings give start_date/end_date",
    processes: result.processes,
    releases: input.releases,
    maxReleases: MAX_RELEASES,
    currency: result.currency ?? null,
    counts: Object.fromEntries(GROUPS.map((g) => [g, groups[g].length])) as Record<Group, number>,
    groups,
    indicators: indicatorMetadata().filter((m) => enabled.includes(m.code)),
    meta: rounded,
    cardinal: toCardinal(result),
  };
}
