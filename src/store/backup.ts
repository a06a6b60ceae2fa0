/**
 * Portable backups: every table as JSON Lines, the same format from SQLite and PostgreSQL, so a
 * backup taken from one restores into the other. A restore is one transaction and checks the
 * audit chain before it commits: a tampered backup is refused and the database is left as it was.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { Migrator, NO_MIGRATIONS, sql } from "kysely";
import { isPostgres } from "./dialect.ts";
import { ConflictError, InputError } from "../shared/errors.ts";
import { verifyEntries } from "./audit.ts";
import type { Store } from "./db.ts";
import { migrate } from "./db.ts";
import { migrationProvider, migrations } from "./migrations/index.ts";
import type { AuditEntry, Database } from "./schema.ts";
import { DECIDE_TABLES } from "./decide-schema.ts";
import { BILLING_TABLES } from "./billing-schema.ts";
import { CONTRACT_EVENTS_TABLES } from "./contract-events-schema.ts";

/** The foundation's tables in an order that satisfies foreign keys on restore. */
const CORE_TABLES: (keyof Database)[] = [
  "users",
  "sessions",
  "api_tokens",
  "audit_head",
  "audit_log",
  "organisations",
  "waves",
  "services",
  "contracts",
  "decisions",
  "elections",
  "releases",
];

/** Every table, in restore order. A capability appends its own list (parents before children). */
export const TABLES: (keyof Database)[] = [...CORE_TABLES, ...DECIDE_TABLES, ...BILLING_TABLES, ...CONTRACT_EVENTS_TABLES, "sign_in_throttle"];

const FORMAT = "nous-backup";

export async function backup(store: Store, file: string): Promise<Record<string, number>> {
  const out = createWriteStream(file, { encoding: "utf8" });
  const counts: Record<string, number> = {};
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  await write(
    JSON.stringify({
      format: FORMAT,
      version: 1,
      migrations: Object.keys(migrations),
      takenAt: new Date().toISOString(),
    }),
  );
  for (const table of TABLES) {
    const rows = await store.db.selectFrom(table).selectAll().execute();
    counts[table] = rows.length;
    for (const row of rows) await write(JSON.stringify({ t: table, r: row }));
  }
  out.end();
  await once(out, "finish");
  return counts;
}

/** Drops every table and re-creates the schema: a fresh, empty database. */
export async function wipe(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider });
  const { error } = await migrator.migrateTo(NO_MIGRATIONS);
  if (error) throw error;
  await migrate(store);
}

async function isEmpty(store: Store): Promise<boolean> {
  for (const t of ["users", "services", "contracts", "releases", "audit_log"] as const) {
    if (await store.db.selectFrom(t).selectAll().limit(1).executeTakeFirst()) return false;
  }
  return true;
}

export async function restore(
  store: Store,
  file: string,
  opts: { force?: boolean } = {},
): Promise<Record<string, number>> {
  if (!opts.force && !(await isEmpty(store))) {
    throw new ConflictError(
      "the database already holds data: restore into an empty database, or pass --force to replace it",
    );
  }
  const byTable = new Map<string, Record<string, unknown>[]>();
  const rl = createInterface({
    input: createReadStream(file, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let obj: { format?: string; t?: string; r?: Record<string, unknown> };
    try {
      obj = JSON.parse(line) as typeof obj;
    } catch (e) {
      throw new InputError(`not valid JSON: ${(e as Error).message}`, { location: { file, line: lineNo } });
    }
    if (lineNo === 1) {
      if (obj.format !== FORMAT)
        throw new InputError(`expected a ${FORMAT} header line`, { location: { file, line: 1 } });
      continue;
    }
    if (!obj.t || !TABLES.includes(obj.t as keyof Database) || typeof obj.r !== "object" || obj.r === null) {
      throw new InputError(`expected {"t": <table>, "r": <row>} with a known table`, {
        location: { file, line: lineNo },
      });
    }
    const list = byTable.get(obj.t) ?? [];
    list.push(obj.r);
    byTable.set(obj.t, list);
  }
  if (lineNo === 0) throw new InputError("the backup file is empty", { location: { file } });

  const audit = (byTable.get("audit_log") ?? []) as unknown as AuditEntry[];
  audit.sort((a, b) => a.seq - b.seq);
  const head = byTable.get("audit_head")?.[0] as { seq: number; hash: string } | undefined;
  const check = verifyEntries(audit, head);
  if (!check.ok) {
    throw new InputError(
      `the backup's audit chain is broken at entry ${check.broken?.seq}: ${check.broken?.reason}`,
      { location: { file } },
    );
  }

  if (opts.force) await wipe(store);
  const counts: Record<string, number> = {};
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("audit_head").execute();
    for (const table of TABLES) {
      const rows = byTable.get(table) ?? [];
      counts[table] = rows.length;
      for (let i = 0; i < rows.length; i += 100) {
        // biome-ignore lint/suspicious/noExplicitAny: rows come from a backup of this very schema, checked table by table
        const chunk = rows.slice(i, i + 100) as any;
        await trx.insertInto(table).values(chunk).execute();
      }
    }
    if (!byTable.get("audit_head")?.length)
      await trx.insertInto("audit_head").values({ id: 1, seq: 0, hash: "" }).execute();
    if (isPostgres(trx)) {
      // Rows came with their ids; move the id sequence past them.
      await sql`select setval(pg_get_serial_sequence('users', 'id'), coalesce((select max(id) from users), 0) + 1, false)`.execute(
        trx,
      );
    }
  });
  return counts;
}
