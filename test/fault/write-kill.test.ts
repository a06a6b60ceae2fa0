/**
 * kill -9 in the middle of the two bulk writes an operator runs from the command line: importing
 * a large release package (`nous ocds import`) and storing a national billing run (`nous billing
 * store`). Afterwards the store opens, `nous audit verify` passes, every row held before is still
 * there, the interrupted write is wholly present or wholly absent, and running the command again
 * finishes it. On SQLite and PostgreSQL; on each, at least one kill must land while the child held
 * an open write transaction and leave nothing of that write behind (a kill after the commit, or
 * before the first write, would prove nothing).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describePg } from "../support/pg.ts";
import {
  type Kill,
  killWhen,
  nous,
  pgTarget,
  removeScratch,
  scratchDir,
  sqliteFile,
  sqliteTarget,
  startNous,
  type Target,
  writingNow,
} from "./support.ts";

/** Releases in the import: enough that its write takes a while on either store. */
const RELEASES = 3_000;
/** Invoice lines in the billing run. */
const LINES = 10_000;

const KILL_AFTER_MS = [0, 10];

let releaseFile: string;
let billingDir: string;
let seededSqlite: string;

beforeAll(() => {
  const dir = scratchDir();
  releaseFile = join(dir, "releases.json");
  writeFileSync(
    releaseFile,
    JSON.stringify({
      uri: "https://example.org/fault/releases.json",
      publishedDate: "2026-03-01T00:00:00Z",
      version: "1.1",
      publisher: { name: "Fault test" },
      releases: Array.from({ length: RELEASES }, (_, i) => ({
        ocid: `ocds-fault-${Math.floor(i / 3)}`,
        id: `fault-${i}`,
        date: "2026-03-01T00:00:00Z",
        tag: ["tender"],
        initiationType: "tender",
        buyer: { name: "Mayor's Office for Policing and Crime" },
        tender: { id: `t${i}`, title: `Lot ${i}`, value: { amount: 1000 + i, currency: "GBP" } },
      })),
    }),
  );
  billingDir = join(dir, "billing");
  const gen = nous(["billing", "generate", "--out", billingDir, "--lines", String(LINES), "--quiet"]);
  expect(gen.code, gen.stderr).toBe(0);
  seededSqlite = sqliteFile();
  const demo = nous(["demo", "--db", seededSqlite]);
  expect(demo.code, demo.stderr).toBe(0);
}, 120_000);

afterAll(() => removeScratch());

interface Counts {
  users: number;
  contracts: number;
  releases: number;
  runs: number;
  exceptions: number;
  audit: number;
}

async function counts(t: Target): Promise<Counts> {
  const n = async (table: string) =>
    Number((await t.query<{ n: number | string }>(`select count(*) as n from ${table}`))[0]?.n);
  return {
    users: await n("users"),
    contracts: await n("contracts"),
    releases: await n("releases"),
    runs: await n("billing_runs"),
    exceptions: await n("billing_exceptions"),
    audit: await n("audit_log"),
  };
}

interface Write {
  name: string;
  args: (url: string) => string[];
  /** What the write adds when it completes, from the counts before and after a full run. */
  whole(before: Counts, after: Counts): boolean;
  absent(before: Counts, after: Counts): boolean;
}

const WRITES: Write[] = [
  {
    name: "nous ocds import",
    args: (url) => ["ocds", "import", releaseFile, "--db", url, "--quiet", "--reason", "fault test"],
    whole: (b, a) => a.releases === b.releases + RELEASES && a.audit > b.audit,
    absent: (b, a) => a.releases === b.releases && a.audit === b.audit,
  },
  {
    name: "nous billing store",
    args: (url) => [
      "billing",
      "store",
      "--contract",
      "sscl-bss",
      "--data",
      billingDir,
      "--db",
      url,
      "--quiet",
      "--reason",
      "fault test",
    ],
    whole: (b, a) => a.runs === b.runs + 1 && a.exceptions > b.exceptions && a.audit > b.audit,
    absent: (b, a) => a.runs === b.runs && a.exceptions === b.exceptions && a.audit === b.audit,
  },
];

function suite(kind: "sqlite" | "postgres", make: () => Promise<Target>) {
  for (const w of WRITES) {
    describe(w.name, () => {
      const kills: { ms: number; kill: Kill; absent: boolean }[] = [];

      for (const ms of KILL_AFTER_MS) {
        it(`killed ${ms} ms into its write: the store opens, verifies, keeps its rows; the write is whole or absent and a rerun finishes it`, async () => {
          const t = await make();
          try {
            const before = await counts(t);
            const c = startNous(w.args(t.url));
            const kill = await killWhen(c, t, writingNow(t), { afterMs: ms, timeoutMs: 60_000 });
            if (kind === "sqlite") {
              const rows = await t.query<{ integrity_check: string }>("pragma integrity_check");
              expect(rows[0]?.integrity_check).toBe("ok");
            }
            const after = await counts(t);
            expect(after.users).toBe(before.users);
            expect(after.contracts).toBe(before.contracts);
            const absent = w.absent(before, after);
            expect(absent || w.whole(before, after), `${kind} ${w.name}: ${JSON.stringify({ before, after })}`).toBe(
              true,
            );
            kills.push({ ms, kill, absent });
            const verify = nous(["audit", "verify", "--db", t.url]);
            expect(verify.stderr).toBe("");
            expect(verify.code).toBe(0);
            if (absent) {
              const again = nous(w.args(t.url));
              expect(again.stderr).toBe("");
              expect(again.code).toBe(0);
              expect(w.whole(before, await counts(t))).toBe(true);
              expect(nous(["audit", "verify", "--db", t.url]).code).toBe(0);
            }
          } finally {
            await t.close();
          }
        }, 120_000);
      }

      it("at least one kill landed mid-write and left nothing of it behind", () => {
        const summary = kills.map(
          (k) => `+${k.ms} ms: killed=${k.kill.killed} writing=${k.kill.writing} absent=${k.absent}`,
        );
        console.log(`${kind} ${w.name} kills:\n  ${summary.join("\n  ")}`);
        expect(kills.filter((k) => k.kill.killed && k.kill.writing && k.absent).length, summary.join("; ")).toBeGreaterThan(0);
      });
    });
  }
}

describe("kill -9 during bulk writes, SQLite", () => {
  suite("sqlite", async () => sqliteTarget(sqliteFile(seededSqlite)));
});

describePg("kill -9 during bulk writes, PostgreSQL", () => {
  suite("postgres", async () => {
    const t = await pgTarget();
    const demo = nous(["demo", "--db", t.url]);
    expect(demo.code, demo.stderr).toBe(0);
    return t;
  });
});
