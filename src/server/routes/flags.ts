/**
 * Procurement red flags over the OCDS releases nous holds: compiles each contracting process of
 * one buyer (or of all), runs the Cardinal-compatible indicators of src/flags/ and answers every
 * flag with its explanation (definition, the values that tripped it, the threshold and where it
 * came from, why it is a risk). Computed on the derived-results worker once per version of the
 * buyer's releases and served from memory after that (src/app/flags-run.ts); nothing is stored,
 * and every role (the public too: published OCDS data is public) may run it. A flag is a lead,
 * never a verdict.
 */
import type { FastifyPluginAsync } from "fastify";
import { derivedResults } from "../../app/derived-results.ts";
import { FLAGS_NOTICE, MAX_RELEASES } from "../../app/flags-view.ts";
import { INDICATORS, indicatorMetadata } from "../../flags/engine.ts";
import { allIndicatorsSettings, type IndicatorCode, parseSettings } from "../../flags/settings.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { listReleaseBuyers } from "../../store/flags.ts";
import { ANYONE } from "../auth.ts";

export { FLAGS_NOTICE, MAX_RELEASES } from "../../app/flags-view.ts";
export type { ExplainedFlag, FlaggedEntry } from "../../app/flags-view.ts";

export const flagRoutes: FastifyPluginAsync = async (app) => {
  const derived = derivedResults(app.store);
  app.addHook("onClose", () => derived.close());
  const json = "application/json; charset=utf-8";

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
      const text = await derived.flags.compiledText(req.query.buyer);
      return reply
        .type("application/x-ndjson; charset=utf-8")
        .header("content-disposition", 'attachment; filename="compiled-releases.jsonl"')
        .send(text);
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
          "Run the red-flag indicators on the stored releases of one buyer (or all), computed once per import of them",
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
    async (req, reply) => {
      const { buyer, today } = req.query;
      const supplied = req.query.settings !== undefined && req.query.settings.trim() !== "";
      const settingsText = supplied ? (req.query.settings as string) : undefined;
      const settings = settingsText !== undefined ? parseSettings(settingsText, "settings") : allIndicatorsSettings();
      const text = await derived.flags.viewText({ buyer, today, settingsText, settings });
      return reply.type(json).send(text);
    },
  );
};
