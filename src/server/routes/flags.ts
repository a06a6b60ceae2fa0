/**
 * Procurement red flags over the OCDS releases nous holds: compiles each contracting process of
 * one buyer (or of all), runs the Cardinal-compatible indicators of src/flags/ and answers every
 * flag with its explanation (definition, the values that tripped it, the threshold and where it
 * came from, why it is a risk). Computed on each call, nothing is stored, so every role (the
 * public too: published OCDS data is public) may run it. A flag is a lead, never a verdict.
 */
import type { FastifyPluginAsync } from "fastify";
import { INDICATORS, indicatorMetadata, runIndicators, toCardinal } from "../../flags/engine.ts";
import { round4 } from "../../flags/quartiles.ts";
import { allIndicatorsSettings, type IndicatorCode, parseSettings } from "../../flags/settings.ts";
import { GROUPS, type Comparison, type Group, type IndicatorMeta } from "../../flags/types.ts";
import type { JsonObject } from "../../ocds/types.ts";
import { InputError, NotFoundError } from "../../shared/errors.ts";
import { compiledProcesses, listReleaseBuyers } from "../../store/flags.ts";
import { ANYONE } from "../auth.ts";

/** Said with every result, in the API and on the dashboard. */
export const FLAGS_NOTICE =
  "A flag is a lead for a closer look, never a verdict: it says a pattern that often goes with " +
  "corruption, collusion or poor competition is present, not that anything wrong happened.";

/** The most releases one call compiles; larger stores are run with `nous flags indicators`. */
export const MAX_RELEASES = 50_000;

export interface ExplainedFlag {
  code: IndicatorCode;
  name: string;
  value: number;
  measured?: number;
  threshold?: number;
  comparison?: Comparison;
  thresholdSource?: "settings" | "default" | "quartiles";
  /** Quartiles and fences of the indicator (rounded to 4 decimals) when its threshold is computed. */
  quartiles?: Record<string, number>;
  values?: Record<string, unknown>;
}

export interface FlaggedEntry {
  id: string;
  /** Organization name, or the tender title of a process. */
  name: string | null;
  flags: ExplainedFlag[];
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

export const flagRoutes: FastifyPluginAsync = async (app) => {
  /** The compiled processes of a buyer (or all), refused with 413 beyond MAX_RELEASES. */
  async function compiledOf(buyer: string | undefined) {
    const stored = await compiledProcesses(app.store, { buyer, maxReleases: MAX_RELEASES });
    if (stored.tooMany) {
      throw new InputError(
        `${stored.releases} releases match, more than the ${MAX_RELEASES} one call compiles; choose a buyer, or export the releases and run \`nous flags indicators\``,
        {
          code: "too_large",
          status: 413,
          details: { releases: stored.releases, maxReleases: MAX_RELEASES },
        },
      );
    }
    return stored;
  }

  app.get<{ Querystring: { buyer?: string } }>(
    "/flags/compiled.jsonl",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["flags"],
        summary: "The compiled releases the indicators run on, one per line (JSON Lines)",
        description:
          "The input of `nous flags indicators` and of Cardinal's `ocdscardinal indicators`, so anyone can run the indicators on the same data and compare.",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { buyer: { type: "string", minLength: 1, maxLength: 500 } },
        },
      },
    },
    async (req, reply) => {
      const stored = await compiledOf(req.query.buyer);
      const text = stored.compiled.map((c) => JSON.stringify(c)).join("\n");
      return reply
        .type("application/x-ndjson; charset=utf-8")
        .header("content-disposition", 'attachment; filename="compiled-releases.jsonl"')
        .send(text ? `${text}\n` : "");
    },
  );

  app.get(
    "/flags/indicators",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["flags"],
        summary: "The red-flag indicators: definition, methodology, why each is a risk, settings read",
      },
    },
    async () => ({ notice: FLAGS_NOTICE, indicators: indicatorMetadata() }),
  );

  app.get<{ Params: { code: string } }>(
    "/flags/indicators/:code",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["flags"],
        summary: "One red-flag indicator's explanation",
        params: { type: "object", properties: { code: { type: "string", maxLength: 10 } } },
      },
    },
    async (req) => {
      const code = req.params.code.toUpperCase() as IndicatorCode;
      const mod = INDICATORS[code];
      if (!mod) throw new NotFoundError("indicator", req.params.code);
      return { notice: FLAGS_NOTICE, indicator: mod.meta };
    },
  );

  app.get(
    "/flags/buyers",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["flags"],
        summary: "Buyers named in the stored OCDS releases, with their number of processes",
      },
    },
    async () => ({ buyers: await listReleaseBuyers(app.store) }),
  );

  app.get<{ Querystring: { buyer?: string; settings?: string; today?: string } }>(
    "/flags",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["flags"],
        summary:
          "Run the red-flag indicators on the stored releases of one buyer (or all), computed on the fly",
        description:
          "Compiles each contracting process from its stored releases and runs the indicators: every " +
          "indicator with its defaults, or the [Rxxx] sections of a Cardinal-format settings file passed " +
          `as \`settings\` (up to 8000 characters). At most ${MAX_RELEASES} releases per call (413 beyond; use \`nous flags indicators\`). ` +
          "R055's period is all dates unless `today` or the settings' start_date/end_date say otherwise.",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            buyer: { type: "string", minLength: 1, maxLength: 500 },
            settings: { type: "string", maxLength: 8000 },
            today: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
          },
        },
      },
    },
    async (req) => {
      const { buyer, today } = req.query;
      const supplied = req.query.settings !== undefined && req.query.settings.trim() !== "";
      const settings = supplied
        ? parseSettings(req.query.settings as string, "settings")
        : allIndicatorsSettings();
      const stored = await compiledOf(buyer);
      const result = runIndicators(settings, stored.compiled, { today });
      const { orgs, titles } = namesOf(stored.compiled);
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
        settings: supplied ? "supplied" : "default",
        period: today
          ? `R055: the 365 days up to ${today}, unless the settings give start_date/end_date`
          : "R055: all dates, unless the settings give start_date/end_date",
        processes: result.processes,
        releases: stored.releases,
        maxReleases: MAX_RELEASES,
        currency: result.currency ?? null,
        counts: Object.fromEntries(GROUPS.map((g) => [g, groups[g].length])),
        groups,
        indicators: indicatorMetadata().filter((m) => enabled.includes(m.code)),
        meta: rounded,
        cardinal: toCardinal(result),
      };
    },
  );
};
