/**
 * OCDS releases held by nous. An import is one transaction: on a crash it is either all there
 * or not there at all. Importing the same release twice changes nothing; a different release
 * under an ocid and id already held is refused, since published releases never change.
 */
import { ConflictError, InputError } from "../shared/errors.ts";
import { appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import type { ReleaseRow } from "./schema.ts";

export interface ImportSummary {
  received: number;
  inserted: number;
  unchanged: number;
}

interface ReleaseLike {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  buyer?: { name?: string } | undefined;
}

function asRelease(value: unknown, index: number): ReleaseLike {
  const r = value as Record<string, unknown>;
  const where = { path: `$[${index}]` };
  if (typeof r !== "object" || r === null)
    throw new InputError("expected a release object", { location: where });
  for (const k of ["ocid", "id", "date"] as const) {
    if (typeof r[k] !== "string" || r[k] === "") {
      throw new InputError(`expected a non-empty string`, { location: { path: `$[${index}].${k}` } });
    }
  }
  if (!Array.isArray(r.tag))
    throw new InputError("expected an array of tags", { location: { path: `$[${index}].tag` } });
  return r as unknown as ReleaseLike;
}

const CHUNK = 200;

export async function importReleases(
  store: Store,
  releases: unknown[],
  actor: { username: string; reason: string },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const typed = releases.map(asRelease);
  const now = new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    let inserted = 0;
    let unchanged = 0;
    for (let i = 0; i < typed.length; i += CHUNK) {
      const chunk = typed.slice(i, i + CHUNK);
      // One query per chunk for what is already held (by ocid), matched on release id here.
      const held = new Map<string, string>();
      const rows = await trx
        .selectFrom("releases")
        .select(["ocid", "release_id", "data_json"])
        .where("ocid", "in", [...new Set(chunk.map((r) => r.ocid))])
        .execute();
      for (const row of rows) held.set(`${row.ocid}\n${row.release_id}`, row.data_json);
      for (const [j, r] of chunk.entries()) {
        const data = JSON.stringify(r);
        const key = `${r.ocid}\n${r.id}`;
        const existing = held.get(key);
        if (existing !== undefined) {
          if (existing === data) {
            unchanged++;
            continue;
          }
          throw new ConflictError(
            `$[${i + j}]: release ${r.id} of ${r.ocid} is already held with different content; releases never change, publish a new release id`,
          );
        }
        held.set(key, data);
        await trx
          .insertInto("releases")
          .values({
            ocid: r.ocid,
            release_id: r.id,
            date: r.date,
            tags: r.tag.join(" "),
            buyer: r.buyer?.name ?? null,
            data_json: data,
            imported_at: now,
          })
          .execute();
        inserted++;
      }
      onProgress?.(Math.min(i + CHUNK, typed.length), typed.length);
    }
    if (inserted > 0) {
      await appendAudit(trx, {
        actor: actor.username,
        action: "import",
        entity: "releases",
        entityId: typed.length === 1 ? `${typed[0]!.ocid}/${typed[0]!.id}` : `${inserted} releases`,
        reason: actor.reason,
        data: { inserted, unchanged, ocids: [...new Set(typed.map((r) => r.ocid))].slice(0, 50) },
      });
    }
    return { received: typed.length, inserted, unchanged };
  });
}

export async function listReleases(
  store: Store,
  opts: { ocid?: string; since?: string; buyer?: string; limit?: number } = {},
): Promise<ReleaseRow[]> {
  let q = store.db.selectFrom("releases").selectAll().orderBy("date").orderBy("release_id");
  if (opts.ocid) q = q.where("ocid", "=", opts.ocid);
  if (opts.since) q = q.where("date", ">=", opts.since);
  if (opts.buyer) q = q.where("buyer", "=", opts.buyer);
  if (opts.limit) q = q.limit(opts.limit);
  return q.execute();
}

/** How many releases are held and when the latest was imported: changes with every import. */
export async function releasesVersion(store: Store): Promise<{ count: number; latestImport: string | null }> {
  const r = await store.db
    .selectFrom("releases")
    .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.max("imported_at").as("latest")])
    .executeTakeFirst();
  return { count: Number(r?.n ?? 0), latestImport: (r?.latest as string | null | undefined) ?? null };
}

export async function countReleases(store: Store): Promise<number> {
  const r = await store.db
    .selectFrom("releases")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
