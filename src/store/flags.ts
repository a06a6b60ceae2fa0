/**
 * What the red-flags API reads from the store: the buyers named in stored releases, the
 * compiled release of every contracting process of one buyer (or of all), ready for the
 * indicators, and the version of those releases a cached red-flags result is keyed by. Nothing
 * is written here; compiling is the use case's (src/app/flags-run.ts).
 */
import type { Store } from "./db.ts";

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

/** The stored releases of each contracting process, as stored (JSON text), not yet compiled. */
export interface StoredProcessReleases {
  /** Per process (in ocid order), its releases' JSON in date and id order. */
  groups: string[][];
  /** Releases read. */
  releases: number;
  /** More releases match than `maxReleases`: nothing was read. */
  tooMany: boolean;
}

/**
 * What a result over a buyer's releases (or all) depends on, read in one cheap query: how many
 * releases its processes hold and when the last of them was imported. Releases are only ever
 * added (a held release never changes, src/store/releases.ts), so any import that touches these
 * processes changes this version, and a derived result keyed by it is recomputed.
 */
export interface ReleasesVersion {
  releases: number;
  lastImportedAt: string | null;
}

const ocidsOfBuyer = (store: Store, buyer: string) =>
  store.db.selectFrom("releases").select("ocid").where("buyer", "=", buyer).distinct();

export async function releasesVersion(store: Store, opts: { buyer?: string }): Promise<ReleasesVersion> {
  let q = store.db
    .selectFrom("releases")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("imported_at").as("last")]);
  if (opts.buyer !== undefined) q = q.where("ocid", "in", ocidsOfBuyer(store, opts.buyer));
  const r = await q.executeTakeFirstOrThrow();
  return { releases: Number(r.n), lastImportedAt: (r.last as string | null) ?? null };
}

/**
 * The releases of every contracting process of `buyer` (every process of which some release
 * names that buyer; all processes when no buyer is given), grouped by process. A process's later
 * releases often omit the buyer, so the whole process is read. When more than `maxReleases`
 * releases match, nothing is read and `tooMany` is set.
 */
export async function storedProcessReleases(
  store: Store,
  opts: { buyer?: string; maxReleases: number },
): Promise<StoredProcessReleases> {
  const { releases: n } = await releasesVersion(store, opts);
  if (n > opts.maxReleases) return { groups: [], releases: n, tooMany: true };
  let q = store.db
    .selectFrom("releases")
    .select(["ocid", "data_json"])
    .orderBy("ocid")
    .orderBy("date")
    .orderBy("release_id");
  if (opts.buyer !== undefined) q = q.where("ocid", "in", ocidsOfBuyer(store, opts.buyer));
  const rows = await q.execute();
  const groups: string[][] = [];
  let current: string | undefined;
  for (const r of rows) {
    if (r.ocid !== current || groups.length === 0) {
      groups.push([]);
      current = r.ocid;
    }
    groups[groups.length - 1]!.push(r.data_json);
  }
  return { groups, releases: rows.length, tooMany: false };
}
