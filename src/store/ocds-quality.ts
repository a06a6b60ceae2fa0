/**
 * What the data-quality report reads from the store: the releases nous holds (of one buyer, or
 * all), grouped by contracting process. Compiling them and running the checks is the use case's
 * (src/app/ocds-quality.ts).
 */
import type { JsonObject } from "../ocds/types.ts";
import type { Store } from "./db.ts";

/** The stored releases of each ocid (releases naming `buyer` only, when given), in date order. */
export async function releasesByOcid(
  store: Store,
  opts: { buyer?: string } = {},
): Promise<{ releases: number; byOcid: Map<string, JsonObject[]> }> {
  let q = store.db.selectFrom("releases").select(["ocid", "data_json"]).orderBy("ocid").orderBy("date");
  if (opts.buyer) q = q.where("buyer", "=", opts.buyer);
  const rows = await q.execute();
  const byOcid = new Map<string, JsonObject[]>();
  for (const r of rows) {
    let list = byOcid.get(r.ocid);
    if (!list) {
      list = [];
      byOcid.set(r.ocid, list);
    }
    list.push(JSON.parse(r.data_json) as JsonObject);
  }
  return { releases: rows.length, byOcid };
}
