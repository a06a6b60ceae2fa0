/** Test helper: runs the engine with a settings text over releases and returns Cardinal's object. */
import { cardinalJson, runIndicators } from "../../src/flags/engine.ts";
import { parseSettings } from "../../src/flags/settings.ts";

export function run(
  ini: string,
  releases: unknown[],
  opts: { meta?: boolean; map?: boolean; today?: string } = {},
) {
  const result = runIndicators(parseSettings(ini), releases, {
    today: opts.today ?? "2025-12-31",
    map: opts.map,
  });
  const json = JSON.parse(cardinalJson(result, { meta: opts.meta ?? false, map: opts.map }));
  return { json, result };
}

/** A bid. */
export const bid = (tenderer: string | string[], status: string, amount?: number, extra: object = {}) => ({
  status,
  tenderers: (Array.isArray(tenderer) ? tenderer : [tenderer]).map((id) => ({ id })),
  ...(amount !== undefined ? { value: { amount, currency: "USD" } } : {}),
  ...extra,
});

/** An award to supplier(s). */
export const award = (supplier: string | string[], status = "active", extra: object = {}) => ({
  status,
  suppliers: (Array.isArray(supplier) ? supplier : [supplier]).map((id) => ({ id })),
  ...extra,
});
