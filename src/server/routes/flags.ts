/**
 * Procurement red flags over the OCDS releases nous holds: compiles each contracting process of
 * one buyer (or of all), runs the Cardinal-compatible indicators of src/flags/ and answers every
 * flag with its explanation (definition, the values that tripped it, the threshold and where it
 * came from, why it is a risk). Computed on the derived-results worker once per version of the
 * buyer's releases and served from memory after that (src/app/flags-run.ts); nothing is stored,
 * and every role (the public too: published OCDS data is public) may run it. A flag is a lead,
 * never a verdict. The operations are declared in src/contract/flags.ts.
 */
import type { FastifyPluginAsync } from "fastify";
import { derivedResults } from "../../app/derived-results.ts";
import { FLAGS_NOTICE } from "../../app/flags-view.ts";
import {
  downloadCompiledReleases,
  getIndicator,
  listFlagBuyers,
  listIndicators,
  runFlags,
} from "../../contract/flags.ts";
import { INDICATORS, indicatorMetadata } from "../../flags/engine.ts";
import { allIndicatorsSettings, type IndicatorCode, parseSettings } from "../../flags/settings.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { listReleaseBuyers } from "../../store/flags.ts";
import { addOperation } from "../operation.ts";

export const flagRoutes: FastifyPluginAsync = async (app) => {
  const derived = derivedResults(app.store);
  app.addHook("onClose", () => derived.close());

  addOperation(app, downloadCompiledReleases, async ({ query, reply }) => {
    const text = await derived.flags.compiledText(query.buyer);
    return reply
      .type("application/x-ndjson; charset=utf-8")
      .header("content-disposition", 'attachment; filename="compiled-releases.jsonl"')
      .send(text);
  });

  addOperation(app, listIndicators, () => ({ notice: FLAGS_NOTICE, indicators: indicatorMetadata() }));

  addOperation(app, getIndicator, ({ params }) => {
    const code = params.code.toUpperCase() as IndicatorCode;
    const mod = INDICATORS[code];
    if (!mod) throw new NotFoundError("indicator", params.code);
    return { notice: FLAGS_NOTICE, indicator: mod.meta };
  });

  addOperation(app, listFlagBuyers, async () => ({ buyers: await listReleaseBuyers(app.store) }));

  addOperation(app, runFlags, async ({ query, reply }) => {
    const { buyer, today } = query;
    const supplied = query.settings !== undefined && query.settings.trim() !== "";
    const settingsText = supplied ? query.settings : undefined;
    const settings =
      settingsText !== undefined ? parseSettings(settingsText, "settings") : allIndicatorsSettings();
    // Computed once per version of the releases and cached as JSON text: sent as it is.
    const text = await derived.flags.viewText({ buyer, today, settingsText, settings });
    return reply.type("application/json; charset=utf-8").send(text);
  });
};
