/** `nous ocds import` and `nous ocds export` on a temporary SQLite store, over real sample data. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fx = (p: string) => `test/fixtures/ocds/${p}`;
const nous = (args: string[]) =>
  spawnSync("node", ["bin/nous.js", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });

const SAMPLES = [
  fx("fictional/ocds-213czf-000-00001.json"),
  fx("fictional/ocds-213czf-000-00001-01-planning.json"),
  fx("fictional/ocds-213czf-000-00001-06-implementation.json"),
  fx("uk-contracts-finder/release.json"),
  fx("ukraine/release-valid.json"),
];

describe("nous ocds import / export", () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "nous-ocds-cli-"));
    db = join(dir, "nous.db");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("imports real release packages and releases; a second import changes nothing", () => {
    const first = nous(["ocds", "import", "--db", db, ...SAMPLES]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    // The fictional package holds 6 releases; two are also given as single files.
    expect(first.stdout).toBe("10 releases from 5 document(s): 8 inserted, 2 unchanged\n");
    const again = nous(["ocds", "import", "--db", db, ...SAMPLES]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("10 releases from 5 document(s): 0 inserted, 10 unchanged\n");
    const verify = nous(["audit", "verify", "--db", db]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toBe("audit chain intact: 1 entries\n");
  });

  it("imports JSON Lines of releases", () => {
    const pkg = JSON.parse(readFileSync(join(root, fx("fictional/ocds-213czf-000-00001.json")), "utf8")) as {
      releases: unknown[];
    };
    const file = join(dir, "releases.jsonl");
    writeFileSync(file, `${pkg.releases.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const r = nous(["ocds", "import", "--db", db, file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("6 releases from 6 document(s): 0 inserted, 6 unchanged\n");
  });

  it("refuses a bad file with file, line and JSON path, and stores nothing", () => {
    const before = nous(["ocds", "export", "--db", db]).stdout.split("\n").length;
    const bad = nous(["ocds", "import", "--db", db, fx("ukraine/release.json")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`nous: ${fx("ukraine/release.json")}:6: $.tag[3]: expected one of`);
    expect(bad.stderr).toContain("nothing was imported");

    const pkg = JSON.parse(
      readFileSync(join(root, fx("uk-contracts-finder/release.json")), "utf8"),
    ) as Record<string, unknown>;
    const file = join(dir, "bad.jsonl");
    const good = { ...pkg, id: "another-release", ocid: "ocds-b5fd17-new" };
    const broken = { ...pkg, id: "broken", date: "last tuesday" };
    writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify(broken)}\n`);
    const r = nous(["ocds", "import", "--db", db, file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`nous: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2: \\$\\.date: `),
    );
    expect(nous(["ocds", "export", "--db", db]).stdout.split("\n").length).toBe(before);
    expect(nous(["audit", "verify", "--db", db]).stdout).toBe("audit chain intact: 1 entries\n");
  });

  it("exports a release package that validates, filtered by ocid and date", () => {
    const out = join(dir, "out.json");
    const r = nous(["ocds", "export", "--db", db, "--output", out]);
    expect(r.status).toBe(0);
    const pkg = JSON.parse(readFileSync(out, "utf8")) as {
      version: string;
      uri: string;
      publisher: { name: string };
      publishedDate: string;
      releases: { ocid: string; date: string }[];
    };
    expect(pkg.version).toBe("1.1");
    expect(pkg.uri).toBe("urn:nous:releases");
    expect(pkg.publisher.name).toBe("nous");
    expect(pkg.releases).toHaveLength(8);
    const v = nous(["ocds", "validate", out]);
    expect(v.status).toBe(0);
    expect(v.stdout + v.stderr).toContain("0 error(s)");

    const one = JSON.parse(
      nous(["ocds", "export", "--db", db, "--ocid", "ocds-213czf-000-00001"]).stdout,
    ) as {
      releases: { ocid: string }[];
    };
    expect(one.releases).toHaveLength(6);
    expect(new Set(one.releases.map((x) => x.ocid))).toEqual(new Set(["ocds-213czf-000-00001"]));
    const since = JSON.parse(nous(["ocds", "export", "--db", db, "--since", "2011-01-01"]).stdout) as {
      releases: { date: string }[];
    };
    expect(since.releases.length).toBeGreaterThan(0);
    expect(since.releases.length).toBeLessThan(8);
    for (const x of since.releases) expect(x.date >= "2011-01-01").toBe(true);
  });
});
