import { describe, expect, it } from "vitest";
import { createValidator } from "./validate.ts";
import type { Json, JsonObject } from "./types.ts";
import { LINEAR_KEYWORD, linearUniqueItems } from "./unique-items.ts";

const release = (i: number, extra: JsonObject = {}): JsonObject => ({
  ocid: `ocds-u-${i}`,
  id: `r-${i}`,
  date: "2026-01-01T00:00:00Z",
  tag: ["tender"],
  initiationType: "tender",
  ...extra,
});
const pkg = (releases: Json[]): JsonObject => ({
  uri: "https://example.org/u.json",
  publishedDate: "2026-01-01T00:00:00Z",
  version: "1.1",
  publisher: { name: "Unique test" },
  releases,
});

describe("uniqueItems checked in linear time", () => {
  it("renames every uniqueItems: true of a schema, and leaves the rest as it was", () => {
    const s = {
      type: "object",
      properties: { a: { type: "array", uniqueItems: true }, b: { uniqueItems: false } },
    };
    expect(linearUniqueItems(s)).toEqual({
      type: "object",
      properties: { a: { type: "array", [LINEAR_KEYWORD]: true }, b: { uniqueItems: false } },
    });
    expect(s.properties.a.uniqueItems).toBe(true);
  });

  it("finds identical items whatever the order of their keys, as JSON Schema's equality says", () => {
    const v = createValidator();
    const a = release(1, { tender: { id: "t", title: "Cleaning" } });
    const b = { tender: { title: "Cleaning", id: "t" }, ...release(1) };
    const issues = v.validate(pkg([a, release(2), b]));
    const unique = issues.filter((x) => x.code === "schema-uniqueItems" || x.code === "non-unique-release");
    expect(unique.map((x) => x.message)).toEqual([
      'non-unique combination of ocid "ocds-u-1" and id "r-1": 2 releases have it ($.releases[0] and $.releases[2]), all identical',
    ]);
  });

  it("names each group of identical items in an array inside a release", () => {
    const tenderers = [
      { id: "GB-1", name: "Acme" },
      { id: "GB-2", name: "Bolt" },
      { name: "Acme", id: "GB-1" },
    ];
    const issues = createValidator().validate(pkg([release(1, { tender: { id: "t", tenderers } })]));
    expect(issues.filter((x) => x.code === "schema-uniqueItems").map((x) => [x.path, x.message])).toEqual([
      ["$.releases[0].tender.tenderers", "expected unique items; items 0 and 2 are the same"],
    ]);
  });

  it("passes a package of 20,000 different releases (Ajv's pairwise check made 200 million comparisons)", () => {
    const issues = createValidator().validate(pkg(Array.from({ length: 20_000 }, (_, i) => release(i))));
    expect(issues.filter((x) => x.severity === "error")).toEqual([]);
  });
});
