/**
 * `nous billing store`: a data folder reconciled from the command line lands in the database as
 * a run of the contract, with its exceptions in the queue the dashboard shows and an audit entry;
 * a bad row or an unknown contract stores nothing.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { exceptionQueue, listRuns } from "../../src/app/billing.ts";
import { verifyAudit } from "../../src/store/audit.ts";

const FIXTURE = "test/fixtures/billing/small";
const work = mkdtempSync(join(tmpdir(), "nous-billing-store-cli-"));
const db = join(work, "nous.db");

function nous(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/nous.js", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function withDb<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openMigrated(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe("nous billing store", () => {
  beforeAll(() => {
    expect(nous("demo", "--db", db).code).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("stores the run, its exceptions and an audit entry, and says what it found", async () => {
    const r = nous(
      "billing",
      "store",
      "--contract",
      "sscl-bss",
      "--data",
      FIXTURE,
      "--reason",
      "March invoices",
      "--db",
      db,
    );
    expect(r.stderr).toBe("read 8 files from test/fixtures/billing/small\nreconciling and storing\n");
    expect(r.code).toBe(0);
    const expected =
      readFileSync(join(FIXTURE, "expected-exceptions.csv"), "utf8").trim().split("\n").length - 1;
    expect(r.stdout).toMatch(
      new RegExp(
        `^stored run sscl-bss-r1: 7 lines, ${expected} exceptions, £[\\d,.]+ at risk of £[\\d,.]+ billed\\n$`,
      ),
    );
    await withDb(async (store) => {
      const [run] = await listRuns(store, "sscl-bss");
      expect(run).toMatchObject({
        id: "sscl-bss-r1",
        current: true,
        uploadedBy: "cli",
        reason: "March invoices",
        lines: 7,
      });
      expect((await exceptionQueue(store, { contractId: "sscl-bss" })).total).toBe(expected);
      const entry = await store.db
        .selectFrom("audit_log")
        .select(["actor", "action", "entity_id", "reason"])
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({
        actor: "cli",
        action: "reconcile",
        entity_id: "sscl-bss-r1",
        reason: "March invoices",
      });
      expect((await verifyAudit(store)).ok).toBe(true);
    });
  });

  it("stops at a bad row, naming its file, line and column, and stores nothing", async () => {
    const bad = join(work, "bad");
    cpSync(FIXTURE, bad, { recursive: true });
    const prices = join(bad, "prices.csv");
    const lines = readFileSync(prices, "utf8").split("\n");
    lines[1] = lines[1]!.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, "$1xx");
    writeFileSync(prices, lines.join("\n"));
    const r = nous(
      "billing",
      "store",
      "--contract",
      "sscl-bss",
      "--data",
      bad,
      "--reason",
      "x",
      "--db",
      db,
      "--quiet",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `nous: ${join(bad, "prices.csv")}:2: valid_to: expected a date YYYY-MM-DD, got "xx"\n`,
    );
    await withDb(async (store) => expect(await listRuns(store, "sscl-bss")).toHaveLength(1));
  });

  it("refuses a contract that is not in the register", () => {
    const r = nous(
      "billing",
      "store",
      "--contract",
      "nope",
      "--data",
      FIXTURE,
      "--reason",
      "x",
      "--db",
      db,
      "--quiet",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("nous: contract nope not found\n");
  });
});
