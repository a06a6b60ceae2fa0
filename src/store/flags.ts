/**
 * What the red-flags API reads from the store: the buyers named in stored releases, and the
 * compiled release of every contracting process of one buyer (or of all), ready for the
 * indicators. Nothing is written here except the demo releases.
 */
import { demoReleases } from "../demo/releases.ts";
import { compileRelease } from "../ocds/merge.ts";
import type { JsonObject } from "../ocds/types.ts";
import type { Store } from "./db.ts";
import { type ImportSummary, importReleases } from "./releases.ts";

export interface BuyerCount {
  buyer: string;
  processes: number;
  releases: number;
}

/** Buyers named in stored releases, with how many contracting processes and releases each has. */
export async function listReleaseBuyers(store: Store): Promise<BuyerCount[]> {
  const rows = await store.db
    .selectFrom("releases")
    .select((eb) => [
      "buyer",
      eb.fn.count<number>("ocid").distinct().as("processes"),
      eb.fn.countAll<number>().as("releases"),
    ])
    .where("buyer", "is not", null)
    .groupBy("buyer")
    .orderBy("buyer")
    .execute();
  return rows.map((r) => ({
    buyer: r.buyer as string,
    processes: Number(r.processes),
    releases: Number(r.releases),
  }));
}

export interface StoredProcesses {
  /** Compiled releases, one per ocid, in ocid order. */
  compiled: JsonObject[];
  /** Releases read. */
  releases: number;
  /** More releases match than `maxReleases`: nothing was compiled. */
  tooMany: boolean;
}

/**
 * Compiles the releases of every contracting process of `buyer` (every process of which some
 * release names that buyer; all processes when no buyer is given). A process's later releases
 * often omit the buyer, so the whole process is read. When more than `maxReleases` releases
 * match, nothing is read and `tooMany` is set.
 */
export async function compiledProcesses(
  store: Store,
  opts: { buyer?: string; maxReleases: number },
): Promise<StoredProcesses> {
  const ocidsOfBuyer = (buyer: string) =>
    store.db.selectFrom("releases").select("ocid").where("buyer", "=", buyer).distinct();
  let count = store.db.selectFrom("releases").select((eb) => eb.fn.countAll<number>().as("n"));
  if (opts.buyer !== undefined) count = count.where("ocid", "in", ocidsOfBuyer(opts.buyer));
  const n = Number((await count.executeTakeFirstOrThrow()).n);
  if (n > opts.maxReleases) return { compiled: [], releases: n, tooMany: true };
  let q = store.db
    .selectFrom("releases")
    .select(["ocid", "data_json"])
    .orderBy("ocid")
    .orderBy("date")
    .orderBy("release_id");
  if (opts.buyer !== undefined) q = q.where("ocid", "in", ocidsOfBuyer(opts.buyer));
  const rows = await q.execute();
  const compiled: JsonObject[] = [];
  let group: JsonObject[] = [];
  let current: string | undefined;
  const flush = () => {
    if (group.length > 0) compiled.push(compileRelease(group, { consume: true }));
    group = [];
  };
  for (const r of rows) {
    if (r.ocid !== current) {
      flush();
      current = r.ocid;
    }
    group.push(JSON.parse(r.data_json) as JsonObject);
  }
  flush();
  return { compiled, releases: rows.length, tooMany: false };
}

/** Loads the demo OCDS releases (src/demo/releases.ts), audited as "demo-loader". */
export async function loadFlagsDemo(store: Store): Promise<ImportSummary> {
  return importReleases(store, demoReleases(), {
    username: "demo-loader",
    reason: "demo OCDS releases loaded (fictional tenders for the red-flags pages, and the SSCL award)",
  });
}
