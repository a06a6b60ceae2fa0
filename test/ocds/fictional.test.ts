import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRecord } from "../../src/ocds/record.ts";
import type { JsonObject } from "../../src/ocds/types.ts";

const dir = new URL("../fixtures/ocds/fictional/", import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, dir), "utf8")) as JsonObject;
const PACKAGE_URI =
  "https://github.com/open-contracting/sample-data/raw/1.1/fictional-example/ocds-213czf-000-00001.json";
const steps = [
  "01-planning",
  "02-tender",
  "03-tenderAmendment",
  "04-award",
  "05-contract",
  "06-implementation",
];

describe("fictional OCDS example", () => {
  const items = steps.map((s) => ({
    release: (read(`ocds-213czf-000-00001-${s}.json`).releases as JsonObject[])[0]!,
    packageUri: PACKAGE_URI,
  }));

  it("compiles to exactly the published record with its versioned release", () => {
    const expected = (read("record/ocds-213czf-000-00001-withversions.json").records as JsonObject[])[0];
    const record = buildRecord(items, { versioned: true, linkedReleases: true });
    expect(record).toStrictEqual(expected);
    // Field order of the compiled release follows the published one too.
    expect(Object.keys(record.compiledRelease as JsonObject)).toEqual(
      Object.keys((expected as JsonObject).compiledRelease as JsonObject),
    );
  });

  it("compiles to the published record without versions, whatever order the releases arrive in", () => {
    const expected = (read("record/ocds-213czf-000-00001.json").records as JsonObject[])[0];
    const record = buildRecord([...items].reverse(), { linkedReleases: true });
    expect(record).toStrictEqual(expected);
  });
});
