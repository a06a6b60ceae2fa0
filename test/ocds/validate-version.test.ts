/**
 * `nous ocds validate` judges each document by the schema of the OCDS version it follows,
 * detected as compile detects it: 1.0 data by the 1.0.3 schemas, 1.1 data by 1.1.5, and says on
 * stderr (and in --json findings) which schema it used and why. Through the real binary.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/ocds/types.ts";
import { createValidator } from "../../src/ocds/validate.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "nous-validate-version-"));
const nous = (args: string[]) =>
  spawnSync("node", ["bin/nous.js", "ocds", "validate", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// OCDS 1.0 as publishers wrote it: organisations in place, with no id and no parties.
const org = (name: string): JsonObject => ({
  identifier: { scheme: "GB-COH", id: `0${name.length}` },
  name,
  address: { locality: "Leeds", countryName: "United Kingdom" },
  contactPoint: { name: "Procurement team", email: "tenders@example.org" },
});
const release10 = (id: string, date: string, extra: JsonObject = {}): JsonObject => ({
  ocid: "ocds-test10-1",
  id,
  date,
  tag: ["award"],
  initiationType: "tender",
  buyer: org("Example Borough Council"),
  tender: {
    id: "T-1",
    status: "complete",
    procuringEntity: org("Example Borough Council"),
    tenderers: [org("Alpha Grounds Ltd"), org("Beta Parks Ltd")],
    numberOfTenderers: 2,
    amendment: { date, rationale: "closing date moved", changes: [{ property: "tenderPeriod.endDate" }] },
  },
  awards: [
    {
      id: "A-1",
      status: "active",
      suppliers: [org("Alpha Grounds Ltd")],
      value: { amount: 120000, currency: "GBP" },
    },
  ],
  ...extra,
});
const package10 = (releases: JsonObject[]): JsonObject => ({
  uri: "https://example.org/ocds/2016/packages/1",
  publishedDate: "2016-03-01T00:00:00Z",
  publisher: { name: "Example Borough Council" },
  releases,
});
const noVersion = 'the release package has no "version" field, which OCDS reads as 1.0';

describe("nous ocds validate by the OCDS version of the data", () => {
  it("accepts 1.0 data valid under 1.0.3 that OCDS 1.1.5 refuses, and says which schema and why", () => {
    const file = write("p10.json", JSON.stringify(package10([release10("r1", "2016-02-01T00:00:00Z")])));
    const ok = nous([file]);
    expect(ok.stdout).toBe("");
    expect(ok.stderr).toContain(`nous: ${file}:1: validated against OCDS 1.0.3: ${noVersion}`);
    expect(ok.stderr).toContain("1 document(s) checked: 0 error(s), 0 warning(s) - valid");
    expect(ok.status).toBe(0);

    const as11 = nous(["--ocds-version", "1.1", file]);
    expect(as11.status).toBe(1);
    expect(as11.stderr).toContain(
      `nous: ${file}:1: validated against OCDS 1.1.5: --ocds-version 1.1 was given`,
    );
    expect(as11.stdout).toBe(`${file}:1: $.version: error: required field is missing\n`);
  });

  it("accepts a 1.0 record package and bare 1.0 releases as JSON Lines, noting each choice once per file", () => {
    const r = release10("r1", "2016-02-01T00:00:00Z");
    const records = write(
      "records10.json",
      JSON.stringify({
        uri: "https://example.org/ocds/2016/records/1",
        publishedDate: "2016-03-01T00:00:00Z",
        publisher: { name: "Example Borough Council" },
        packages: ["https://example.org/ocds/2016/packages/1"],
        records: [{ ocid: "ocds-test10-1", releases: [r], compiledRelease: { ...r, id: "compiled" } }],
      }),
    );
    const withParties = {
      ...release10("r3", "2016-04-01T00:00:00Z"),
      parties: [{ id: "GB-COH-01", name: "A" }],
    };
    const lines = write(
      "releases.jsonl",
      [release10("r1", "2016-02-01T00:00:00Z"), release10("r2", "2016-03-01T00:00:00Z"), withParties]
        .map((x) => JSON.stringify(x))
        .join("\n"),
    );
    const ok = nous([records, lines]);
    expect(ok.stdout).toBe("");
    expect(ok.status).toBe(0);
    const notes = ok.stderr.split("\n").filter((l) => l.startsWith("nous: "));
    expect(notes).toEqual([
      `nous: ${records}:1: validated against OCDS 1.0.3: the record package has no "version" field, which OCDS reads as 1.0`,
      `nous: ${lines}:1: validated against OCDS 1.0.3: the release has no "parties" field (OCDS 1.1 added it), so it is read as 1.0`,
      `nous: ${lines}:3: validated against OCDS 1.1.5: the release has "parties", a field OCDS 1.1 added`,
    ]);
  });

  it("names the JSON path and what 1.0.3 expects when 1.0 data is invalid under 1.0.3, in text and --json", () => {
    const bad = release10("r1", "2016-02-01T00:00:00Z");
    // "planning" is a 1.1 tender status (valid under 1.1.5), not a 1.0 one; 1.0 awards need an id.
    (bad.tender as JsonObject).status = "planning";
    delete ((bad.awards as JsonObject[])[0] as JsonObject).id;
    const file = write("bad10.json", JSON.stringify(package10([bad])));
    const text = nous(["--no-warnings", file]);
    expect(text.status).toBe(1);
    expect(text.stderr).toContain(`nous: ${file}:1: validated against OCDS 1.0.3: ${noVersion}`);
    expect(text.stdout.trim().split("\n").sort()).toEqual([
      `${file}:1: $.releases[0].awards[0].id: error: required field is missing`,
      `${file}:1: $.releases[0].tender.status: error: expected one of "planned", "active", "cancelled", "unsuccessful", "complete", null, got "planning"`,
    ]);

    const json = nous(["--json", file]);
    expect(json.status).toBe(1);
    const findings = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonObject);
    expect(findings.map((f) => [f.path, f.code, f.schema, f.schemaReason]).sort()).toEqual([
      ["$.releases[0].awards[0].id", "schema-required", "1.0.3", noVersion],
      ["$.releases[0].tender.status", "schema-enum", "1.0.3", noVersion],
    ]);
    expect(Object.keys(findings[0]!)).toEqual([
      "file",
      "line",
      "path",
      "severity",
      "code",
      "message",
      "schema",
      "schemaReason",
    ]);
  });

  it("still judges 1.1 data by 1.1.5 (a whole-file JSON document is named without a line)", () => {
    const v11 = "test/fixtures/ocds/fictional/ocds-213czf-000-00001.json";
    const ok = nous([v11]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain(
      `nous: ${v11}: validated against OCDS 1.1.5: the release package says "version": "1.1"`,
    );
  });

  it("refuses an unknown --ocds-version by name", () => {
    const v11 = "test/fixtures/ocds/fictional/ocds-213czf-000-00001.json";
    const wrong = nous(["--ocds-version", "2.0", v11]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('--ocds-version: expected 1.0 or 1.1, got "2.0"');
    expect(wrong.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("validates 1.0 data without extensions written for 1.1 that the 1.0.3 schema cannot take, saying so", () => {
    // An extension referring to OrganizationReference, a definition 1.0 does not have.
    const patch = {
      definitions: { Tender: { properties: { agent: { $ref: "#/definitions/OrganizationReference" } } } },
    };
    const v = createValidator({ extensionPatches: [patch] });
    const first = v.validateAsPublished(package10([release10("r1", "2016-02-01T00:00:00Z")]));
    expect(first.schema).toEqual({ version: "1.0", schema: "1.0.3", reason: noVersion });
    expect(first.issues.map((i) => [i.severity, i.path, i.code])).toEqual([
      ["warning", "$.extensions", "extension-unavailable"],
    ]);
    expect(first.issues[0]!.message).toContain("OrganizationReference");
    expect(v.validateAsPublished(package10([release10("r2", "2016-02-01T00:00:00Z")])).issues).toEqual([]);
  });
});
