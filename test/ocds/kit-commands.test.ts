/**
 * The ocdskit-style commands through the real `nous` binary: what each writes for packages and
 * releases of the fictional example, read from files or stdin.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/ocds/types.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nous-kit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nous = (args: string[], input?: string | Buffer) =>
  spawnSync("node", ["bin/nous.js", "ocds", ...args], { cwd: root, input, encoding: "utf8" });
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const fx = (p: string) => join(root, "test/fixtures/ocds/fictional", p);

const stages = [
  "01-planning",
  "02-tender",
  "03-tenderAmendment",
  "04-award",
  "05-contract",
  "06-implementation",
];
const packageTexts = stages.map((s) => readFileSync(fx(`ocds-213czf-000-00001-${s}.json`), "utf8"));
const packages = packageTexts.map((t) => JSON.parse(t) as JsonObject);
const releases = packages.flatMap((p) => p.releases as JsonObject[]);
const publisher = packages[0]!.publisher;

describe("nous ocds package-releases / package-records", () => {
  it("wraps releases read from stdin in one release package, --fake filling uri and publishedDate", () => {
    const r = nous(
      ["package-releases", "--fake", "--extension", "https://example.org/ext/extension.json"],
      releases.map((x) => JSON.stringify(x)).join("\n"),
    );
    expect(r.status).toBe(0);
    const pkg = JSON.parse(r.stdout) as JsonObject;
    expect(Object.keys(pkg)).toEqual([
      "uri",
      "publisher",
      "publishedDate",
      "version",
      "extensions",
      "releases",
    ]);
    expect(pkg.uri).toBe("placeholder:");
    expect(pkg.publishedDate).toBe("9999-01-01T00:00:00Z");
    expect(pkg.publisher).toEqual({ name: "" });
    expect(pkg.extensions).toEqual(["https://example.org/ext/extension.json"]);
    expect(pkg.releases).toEqual(releases);
  });

  it("--size writes one package per line, each with at most that many releases", () => {
    const r = nous([
      "package-releases",
      "--size",
      "4",
      "--uri",
      "urn:x",
      file("r.json", JSON.stringify(releases)),
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonObject);
    expect(lines.map((p) => (p.releases as JsonObject[]).length)).toEqual([4, 2]);
    expect(lines.every((p) => p.uri === "urn:x")).toBe(true);
  });

  it("wraps records in a record package, pretty with --pretty", () => {
    const record = { ocid: "ocds-213czf-000-00001", releases };
    const r = nous(["package-records", "--pretty", "--publisher-name", "Pub"], JSON.stringify(record));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {2}"uri": "",\n {2}"publisher": \{\n {4}"name": "Pub"\n {2}\},/);
    const pkg = JSON.parse(r.stdout) as JsonObject;
    expect(pkg.records).toEqual([record]);
  });
});

describe("nous ocds combine-release-packages / combine-record-packages", () => {
  it("collects every package's releases into one package with the last package's publisher", () => {
    const last = {
      ...packages[5],
      publisher: { name: "Last publisher" },
      extensions: ["https://example.org/b.json"],
    };
    const first = { ...packages[0], extensions: ["https://example.org/a.json"] };
    const input = [first, ...packages.slice(1, 5), last].map((p) => JSON.stringify(p, null, 2)).join("\n");
    const r = nous(
      ["combine-release-packages", "--uri", "urn:all", "--published-date", "2024-01-01T00:00:00Z"],
      input,
    );
    expect(r.status).toBe(0);
    const pkg = JSON.parse(r.stdout) as JsonObject;
    expect(pkg.uri).toBe("urn:all");
    expect(pkg.publishedDate).toBe("2024-01-01T00:00:00Z");
    expect(pkg.publisher).toEqual({ name: "Last publisher" });
    expect(pkg.extensions).toEqual(["https://example.org/a.json", "https://example.org/b.json"]);
    expect(pkg.releases).toEqual(releases);
  });

  it("warns about a package without releases and keeps the others; --publisher-name wins", () => {
    const r = nous(
      ["combine-release-packages", "--publisher-name", "Me", "-", file("empty.json", '{"uri":"x"}')],
      packageTexts[0],
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: the package has no "releases"; nothing taken from it');
    const pkg = JSON.parse(r.stdout) as JsonObject;
    expect(pkg.publisher).toEqual({ name: "Me" });
    expect(pkg.releases).toEqual(packages[0]!.releases);
  });

  it("collects records and the packages they list", () => {
    const rp = JSON.parse(readFileSync(fx("record/ocds-213czf-000-00001.json"), "utf8")) as JsonObject;
    const other = {
      ...rp,
      packages: ["https://example.org/other.json"],
      records: [{ ocid: "x", releases: [] }],
    };
    const r = nous([
      "combine-record-packages",
      fx("record/ocds-213czf-000-00001.json"),
      file("rp.json", JSON.stringify(other)),
    ]);
    expect(r.status).toBe(0);
    const pkg = JSON.parse(r.stdout) as JsonObject;
    expect((pkg.records as JsonObject[]).map((x) => x.ocid)).toEqual(["ocds-213czf-000-00001", "x"]);
    expect(pkg.packages).toEqual([...(rp.packages as string[]), "https://example.org/other.json"]);
    expect(pkg.publisher).toEqual(rp.publisher);
  });
});

describe("nous ocds split-release-packages", () => {
  it("splits each package into packages of N releases, one per line, keeping its fields", () => {
    const combined = { ...packages[0], releases };
    const r = nous(["split-release-packages", "4"], JSON.stringify(combined, null, 2));
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonObject);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.releases).toEqual(releases.slice(0, 4));
    expect(lines[1]!.releases).toEqual(releases.slice(4));
    expect(lines[1]!.publisher).toEqual(publisher);
    expect(Object.keys(lines[0]!)).toEqual(Object.keys(combined));
  });

  it("refuses a size that is not a whole number", () => {
    const r = nous(["split-release-packages", "two"], packageTexts[0]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('expected a whole number of releases of at least 1, got "two"');
  });
});

describe("nous ocds detect-format", () => {
  it("names each file's format as the OCDS tools do", () => {
    const files = [
      fx("ocds-213czf-000-00001.json"),
      fx("record/ocds-213czf-000-00001.json"),
      file("release.json", JSON.stringify(releases[0])),
      file("compiled.json", JSON.stringify({ ...releases[0], tag: ["compiled"] })),
      file("versioned.json", JSON.stringify({ ocid: "x", tender: { title: [{ value: "a" }] } })),
      file("record.json", JSON.stringify({ ocid: "x", releases })),
      file("array.json", JSON.stringify(packages)),
      file("lines.jsonl.gz", gzipSync(releases.map((x) => JSON.stringify(x)).join("\n"))),
    ];
    const r = nous(["detect-format", ...files, file("other.json", '{"a": 1}')]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").slice(0, -1)).toEqual([
      `${files[0]}: release package`,
      `${files[1]}: record package`,
      `${files[2]}: release`,
      `${files[3]}: compiled release`,
      `${files[4]}: versioned release`,
      `${files[5]}: record`,
      `${files[6]}: a JSON array of release packages`,
      `${files[7]}: concatenated JSON, starting with release`,
    ]);
    expect(r.stderr).toContain("other.json: unknown (top-level JSON value is a non-OCDS object)");
  });
});

describe("nous ocds echo", () => {
  it("writes the input back compact, one value per line, or pretty, or in ASCII", () => {
    const compact = nous(["echo", fx("ocds-213czf-000-00001-01-planning.json")]);
    expect(compact.status).toBe(0);
    expect(compact.stdout).toBe(`${JSON.stringify(packages[0])}\n`);
    const pretty = nous(["echo", "--pretty"], JSON.stringify(packages[0]));
    expect(pretty.stdout).toBe(`${JSON.stringify(packages[0], null, 2)}\n`);
    const ascii = nous(["echo", "--ascii"], '{"name": "Société Générale — €"}');
    expect(ascii.stdout).toBe('{"name":"Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale \\u2014 \\u20ac"}\n');
    const utf8 = nous(["echo"], '{"name": "Soci\\u00e9t\\u00e9"}\n{"n": 2}');
    expect(utf8.stdout).toBe('{"name":"Société"}\n{"n":2}\n');
  });
});
