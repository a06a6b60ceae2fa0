import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCodelists, parseCsv } from "../../src/io/ocds-schema.ts";
import { createValidator, pointerToPath } from "../../src/ocds/validate.ts";
import { buildRecord } from "../../src/ocds/record.ts";
import type { Json, JsonObject } from "../../src/ocds/types.ts";

const fixture = (p: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/ocds/${p}`, import.meta.url), "utf8")) as Json;
const validator = createValidator({ codelists: loadCodelists() });
const errors = (doc: Json) => validator.validate(doc).filter((i) => i.severity === "error");

describe("OCDS validation against the 1.1.5 schemas", () => {
  it("accepts the fictional release package, warning only on codes outside open codelists", () => {
    const issues = validator.validate(fixture("fictional/ocds-213czf-000-00001.json"));
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      '$.releases[0].tender.documents[0].documentType "x_consultationDocument" is not in the open codelist documentType.csv',
      '$.releases[0].tender.documents[1].documentType "x_map" is not in the open codelist documentType.csv',
    ]);
  });

  it("accepts the fictional record package", () => {
    expect(errors(fixture("fictional/record/ocds-213czf-000-00001-withversions.json"))).toEqual([]);
  });

  it("accepts a real Contracts Finder release and a ProZorro release", () => {
    expect(validator.kindOf(fixture("uk-contracts-finder/release.json"))).toBe("release");
    expect(errors(fixture("uk-contracts-finder/release.json"))).toEqual([]);
    expect(errors(fixture("ukraine/release-valid.json"))).toEqual([]);
  });

  it("names the real errors in a Contracts Finder record: no ocid, roles versioned item by item", () => {
    const doc = fixture("uk-contracts-finder/record.json");
    expect(validator.kindOf(doc)).toBe("record");
    expect(errors(doc).map((i) => [i.path, i.message.slice(0, 35)])).toEqual([
      ["$.ocid", "required field is missing"],
      ["$.versionedRelease.parties[0].roles[0]", 'expected object, got array [{"relea'],
    ]);
  });

  it("rejects ProZorro's non-standard 'bid' release tag (a closed codelist) once, with the allowed codes", () => {
    const errs = errors(fixture("ukraine/release.json"));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.path).toBe("$.tag[3]");
    expect(errs[0]!.message).toMatch(/^expected one of "planning", .* got "bid"$/);
    const warnings = validator
      .validate(fixture("ukraine/release.json"))
      .filter((i) => i.severity === "warning");
    expect(warnings.map((w) => w.path)).toContain("$.tender.items[0].additionalClassifications[0].scheme");
  });

  it("reports missing fields and wrong types with their JSON path", () => {
    const issues = errors({
      ocid: "ocds-x-1",
      id: true,
      date: "yesterday",
      tag: ["tender"],
      tender: { value: { amount: "10" } },
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "$.initiationType: required field is missing",
      "$.id: expected string, got boolean true",
      '$.date: expected a valid date-time, got "yesterday"',
      "$.tender.id: required field is missing",
      '$.tender.value.amount: expected number or null, got string "10"',
    ]);
  });

  it("flags a value outside a closed codelist in a record package's compiled release", () => {
    const doc = {
      uri: "https://example.org/p",
      publishedDate: "2020-01-01T00:00:00Z",
      publisher: { name: "P" },
      version: "1.1",
      records: [
        {
          ocid: "ocds-x-1",
          releases: [{ url: "https://example.org/r#1", date: "2020-01-01T00:00:00Z", tag: ["tender"] }],
          compiledRelease: {
            ocid: "ocds-x-1",
            id: "c",
            date: "2020-01-01T00:00:00Z",
            tag: ["compiled"],
            initiationType: "tender",
            tender: { id: "t", status: "finished" },
          },
        },
      ],
    };
    const errs = errors(doc);
    expect(errs.map((e) => e.path)).toEqual(["$.records[0].compiledRelease.tender.status"]);
  });

  it("reports a record's embedded releases against the release schema only, not the linked-release form", () => {
    const release = fixture("ukraine/release.json") as JsonObject;
    const doc = {
      uri: "https://example.org/records",
      publishedDate: "2024-01-01T00:00:00Z",
      publisher: { name: "P" },
      version: "1.1",
      records: [buildRecord([{ release }])],
    };
    expect(errors(doc).map((e) => e.path)).toEqual(["$.records[0].releases[0].tag[3]"]);
    const linked = {
      ...doc,
      records: [{ ocid: "ocds-x-1", releases: [{ url: "https://example.org/p#1", date: "yesterday" }] }],
    };
    expect(errors(linked).map((e) => `${e.path}: ${e.message}`)).toEqual([
      '$.records[0].releases[0].date: expected a valid date-time, got "yesterday"',
    ]);
  });

  it("turns JSON pointers into JSON paths", () => {
    expect(pointerToPath("/releases/0/tag/3")).toBe("$.releases[0].tag[3]");
    expect(pointerToPath("/a~1b")).toBe('$["a/b"]');
  });

  it("reads codelist CSVs with quoted, multi-line descriptions", () => {
    expect(parseCsv('Code,Title,Description\nx,X,"a, ""b""\nc"\ny,Y,z\n')).toEqual([
      ["Code", "Title", "Description"],
      ["x", "X", 'a, "b"\nc'],
      ["y", "Y", "z"],
    ]);
    expect(loadCodelists()["documentType.csv"]).toContain("tenderNotice");
  });
});
