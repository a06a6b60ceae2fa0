/**
 * However the releases are packaged, `nous ocds compile` gives the same records: JSON Lines,
 * pretty packages one after another (`cat a.json b.json`), compact ones on one line, a JSON array
 * of releases or of packages, a record package, gzip by extension or by its magic bytes, from a
 * file or stdin. Run through the real `nous` binary.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/ocds/types.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nous-packaging-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nous = (args: string[], input?: string | Buffer) =>
  spawnSync("node", ["bin/nous.js", ...args], { cwd: root, input, encoding: "utf8", maxBuffer: 64 << 20 });

const stages = [
  "01-planning",
  "02-tender",
  "03-tenderAmendment",
  "04-award",
  "05-contract",
  "06-implementation",
];
const packageFiles = stages.map((s) =>
  join(root, `test/fixtures/ocds/fictional/ocds-213czf-000-00001-${s}.json`),
);
const packageTexts = packageFiles.map((f) => readFileSync(f, "utf8"));
const packages = packageTexts.map((t) => JSON.parse(t) as JsonObject);
const releases = packages.flatMap((p) => p.releases as JsonObject[]);
// A second ocid, so records are told apart: the same releases under another ocid, in reverse.
const other = releases.map((r) => ({ ...r, ocid: "ocds-213czf-000-00002", id: `${String(r.id)}-b` }));
const all = [...releases, ...other.reverse()];

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** The compiled releases written, by ocid. */
const records = (stdout: string) =>
  new Map(
    stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonObject)
      .map((c) => [c.ocid, c]),
  );

describe("nous ocds compile reads any packaging", () => {
  const jsonl = `${all.map((r) => JSON.stringify(r)).join("\n")}\n`;
  const reference = nous(["ocds", "compile", "--quiet", file("releases.jsonl", jsonl)]);
  const expected = records(reference.stdout);

  it("JSON Lines gives one compiled release per ocid", () => {
    expect(reference.status).toBe(0);
    expect([...expected.keys()].sort()).toEqual(["ocds-213czf-000-00001", "ocds-213czf-000-00002"]);
  });

  it("cat a.json b.json (pretty packages one after another) on stdin gives the same records", () => {
    const otherPackage = JSON.stringify({ ...packages[0], releases: other }, null, 2);
    const r = nous(["ocds", "compile", "--quiet"], `${packageTexts.join("")}${otherPackage}`);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(records(r.stdout)).toEqual(expected);
  });

  it("compact packages with no line break between them give the same records", () => {
    const compact = [...packages, { ...packages[0], releases: other }].map((p) => JSON.stringify(p)).join("");
    const r = nous(["ocds", "compile", "--quiet", file("compact.json", compact)]);
    expect(r.status).toBe(0);
    expect(records(r.stdout)).toEqual(expected);
  });

  it("a gzip file (by its .gz name) and gzip on stdin (by its magic bytes) give the same records", () => {
    const gz = gzipSync(jsonl);
    const byName = nous(["ocds", "compile", "--quiet", file("releases.jsonl.gz", gz)]);
    expect(byName.status).toBe(0);
    expect(records(byName.stdout)).toEqual(expected);
    const byMagic = nous(
      ["ocds", "compile", "--quiet"],
      gzipSync(packageTexts.join("\n") + JSON.stringify({ version: "1.1", releases: other })),
    );
    expect(byMagic.status).toBe(0);
    expect(records(byMagic.stdout)).toEqual(expected);
  });

  it("a JSON array of releases, and one of packages, give the same records", () => {
    const ofReleases = nous(["ocds", "compile", "--quiet", file("array.json", JSON.stringify(all, null, 1))]);
    expect(ofReleases.status).toBe(0);
    expect(records(ofReleases.stdout)).toEqual(expected);
    const ofPackages = nous([
      "ocds",
      "compile",
      "--quiet",
      file("packages.json", JSON.stringify([...packages, { version: "1.1", releases: other }])),
    ]);
    expect(ofPackages.status).toBe(0);
    expect(records(ofPackages.stdout)).toEqual(expected);
  });

  it("a record package's embedded releases give the same records", () => {
    const pkg = {
      uri: "https://example.org/records",
      version: "1.1",
      records: [
        { ocid: "ocds-213czf-000-00001", releases },
        { ocid: "ocds-213czf-000-00002", releases: other },
      ],
    };
    const r = nous(["ocds", "compile", "--quiet", file("records.json", JSON.stringify(pkg, null, 2))]);
    expect(r.status).toBe(0);
    expect(records(r.stdout)).toEqual(expected);
  });

  it("a malformed document after a good one is named by its line on stdin", () => {
    const r = nous(
      ["ocds", "compile", "--quiet"],
      `${packageTexts[0]}{\n  "releases": [\n    {"ocid": "x",, }\n  ]\n}\n`,
    );
    expect(r.status).toBe(1);
    const line = packageTexts[0]!.split("\n").length - 1 + 3;
    expect(r.stderr).toMatch(new RegExp(`^nous: -:${line}:\\d+: malformed JSON: `));
  });

  it("releases in a 1.1 package are merged by the 1.1 rules however the package is written", () => {
    // Three releases name a tenderer without an id: OCDS 1.1 keeps each (1.0 would keep the last list).
    const tenderers = [1, 2, 3].map((i) => ({
      ocid: "ocds-test11-1",
      id: `r${i}`,
      date: `2020-0${i}-01T00:00:00Z`,
      tag: ["tender"],
      tender: { id: "t1", tenderers: [{ name: `Tenderer ${i}` }] },
    }));
    const pkg = {
      uri: "https://example.org/p",
      publishedDate: "2020-04-01T00:00:00Z",
      version: "1.1",
      releases: tenderers,
    };
    const names = (out: string) =>
      (JSON.parse(out.trim()) as { tender: { tenderers: { name: string }[] } }).tender.tenderers.map(
        (t) => t.name,
      );
    const want = ["Tenderer 1", "Tenderer 2", "Tenderer 3"];
    for (const [how, text] of [
      ["one line", `${JSON.stringify(pkg)}\n`],
      ["pretty", JSON.stringify(pkg, null, 2)],
      ["in an array", JSON.stringify([pkg])],
    ] as const) {
      const r = nous(["ocds", "compile", "--quiet"], text);
      expect(r.status, how).toBe(0);
      expect(names(r.stdout), how).toEqual(want);
    }
  });

  it("a file that is not gzip but named .gz is refused, naming the file", () => {
    const bad = file("not.json.gz", jsonl);
    const r = nous(["ocds", "compile", "--quiet", bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`nous: ${bad}: cannot decompress the gzip input`);
  });

  it("JSON Lines on stdin large enough for threads is compiled on them, and errors name stdin's line", () => {
    // 9,000 ocids of three releases each, about 10 MB: above the size from which files of
    // release lines are compiled in partitions. Stdin is copied to a file first so they can be.
    const note = "Catering and cleaning of the custody suites across the borough ".repeat(6);
    const big: string[] = [];
    for (let n = 0; n < 9000; n++)
      for (const [k, tag] of ["tender", "award", "contract"].entries())
        big.push(
          JSON.stringify({
            ocid: `ocds-stdin-${n}`,
            id: `${n}-${k}`,
            date: `2021-0${k + 1}-01T00:00:00Z`,
            tag: [tag],
            tender: { id: "t", title: `Tender ${n}`, description: note },
          }),
        );
    const text = `${big.join("\n")}\n`;
    const fromFile = nous(["ocds", "compile", "--workers", "0", file("big.jsonl", text)]);
    const fromStdin = nous(["ocds", "compile", "--workers", "2"], text);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stderr).toContain("compiled 27000 release(s) into 9000 record(s) with 2 worker threads");
    expect(fromStdin.stdout.trim().split("\n").sort()).toEqual(fromFile.stdout.trim().split("\n").sort());
    const broken = big.slice();
    broken[20_000] = '{"ocid":"ocds-stdin-1","id":"x",,}';
    const bad = nous(["ocds", "compile", "--workers", "2"], `${broken.join("\n")}\n`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("nous: -:20001:");
    expect(bad.stderr).toContain("malformed JSON");
  });

  it("leaves no temporary file behind when stdin is refused part way", () => {
    const scratch = mkdtempSync(join(tmpdir(), "nous-packaging-tmp-"));
    const lines = jsonl.trim().split("\n");
    const text = `${lines.join("\n")}\n{"ocid":"ocds-213czf-000-00001","id":"bad",,}\n`;
    for (const workers of ["0", "2"]) {
      const r = spawnSync("node", ["bin/nous.js", "ocds", "compile", "--workers", workers], {
        cwd: root,
        input: text,
        encoding: "utf8",
        env: { ...process.env, TMPDIR: scratch },
      });
      expect(r.status, workers).toBe(1);
      expect(r.stderr, workers).toContain("malformed JSON");
      expect(readdirSync(scratch), workers).toEqual([]);
    }
    rmSync(scratch, { recursive: true, force: true });
  });
});
