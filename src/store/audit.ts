/**
 * The audit trail: every change to stored data appends who, when, what and why, in the same
 * transaction as the change. Entries are hash-chained: each hash covers the entry and the hash
 * before it, so editing, deleting or reordering any row breaks the chain from that row on.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { isPostgres } from "./dialect.ts";
import type { AuditEntry, Database } from "./schema.ts";
import type { Store } from "./db.ts";

/** Who makes a change and why: every audited write takes one, and its audit entry records both. */
export interface Actor {
  username: string;
  reason: string;
}

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  reason: string;
  data?: unknown;
  /** Defaults to now; fixed in tests and demo loads. */
  at?: string;
}

type Entry = Omit<AuditEntry, "hash">;

/** SHA-256 over the entry's fields and the previous hash, in a fixed order. */
export function entryHash(e: Entry): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actor,
    e.action,
    e.entity,
    e.entity_id,
    e.reason,
    e.data_json,
    e.prev_hash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Appends one entry; call inside the transaction that makes the change. */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  input: AuditInput,
): Promise<AuditEntry> {
  let q = trx.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1);
  if (isPostgres(trx)) q = q.forUpdate();
  const head = await q.executeTakeFirstOrThrow();
  const entry: Entry = {
    seq: head.seq + 1,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    reason: input.reason,
    data_json: JSON.stringify(input.data ?? null),
    prev_hash: head.hash,
  };
  const full: AuditEntry = { ...entry, hash: entryHash(entry) };
  await trx.insertInto("audit_log").values(full).execute();
  await trx.updateTable("audit_head").set({ seq: full.seq, hash: full.hash }).where("id", "=", 1).execute();
  return full;
}

/** Runs `fn` in a transaction; every write inside it is expected to call `audit`. */
export async function withAudit<T>(
  store: Store,
  fn: (trx: Transaction<Database>, audit: (input: AuditInput) => Promise<AuditEntry>) => Promise<T>,
): Promise<T> {
  return store.db.transaction().execute((trx) => fn(trx, (input) => appendAudit(trx, input)));
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** The first entry that does not hold, and why. */
  broken?: { seq: number; reason: string };
}

/** Pure check of a chain of entries in seq order. */
export function verifyEntries(
  entries: Iterable<AuditEntry>,
  head?: { seq: number; hash: string },
): VerifyResult {
  let prev = "";
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    count++;
    if (e.seq !== expectedSeq) {
      return {
        ok: false,
        entries: count,
        broken: { seq: e.seq, reason: `expected entry ${expectedSeq} here: an entry is missing` },
      };
    }
    if (e.prev_hash !== prev) {
      return {
        ok: false,
        entries: count,
        broken: { seq: e.seq, reason: "its previous-hash does not match the entry before it" },
      };
    }
    const { hash, ...rest } = e;
    if (entryHash(rest) !== hash) {
      return {
        ok: false,
        entries: count,
        broken: { seq: e.seq, reason: "its contents do not match its hash (edited after it was written)" },
      };
    }
    prev = hash;
    expectedSeq++;
  }
  if (head && (head.seq !== count || head.hash !== prev)) {
    return {
      ok: false,
      entries: count,
      broken: {
        seq: count + 1,
        reason: `the chain ends at entry ${count} but the head records entry ${head.seq}: entries were removed`,
      },
    };
  }
  return { ok: true, entries: count };
}

export async function verifyAudit(store: Store): Promise<VerifyResult> {
  const rows = await store.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
  const head = await store.db
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirst();
  return verifyEntries(rows, head);
}

export async function listAudit(
  store: Store,
  opts: { entity?: string; entityId?: string; limit?: number; before?: number } = {},
): Promise<AuditEntry[]> {
  let q = store.db
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("seq", "desc")
    .limit(opts.limit ?? 100);
  if (opts.entity) q = q.where("entity", "=", opts.entity);
  if (opts.entityId) q = q.where("entity_id", "=", opts.entityId);
  if (opts.before) q = q.where("seq", "<", opts.before);
  return q.execute();
}
