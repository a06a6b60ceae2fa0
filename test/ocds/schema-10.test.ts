/**
 * The shipped OCDS 1.0.3 schemas are the published files, unchanged (their sha256 is the one
 * schema/ocds/1.0.3/README.md gives), and the 1.0 merge rules nous derives from the release schema
 * are the ones the standard's merge strategies say.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { releaseRules } from "../../src/ocds/schema.ts";
import type { JsonObject } from "../../src/ocds/types.ts";

const file = (name: string) => readFileSync(new URL(`../../schema/ocds/1.0.3/${name}`, import.meta.url));
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("OCDS 1.0.3 schemas", () => {
  it("are the published files byte for byte, as the README records", () => {
    const readme = file("README.md").toString("utf8");
    for (const name of ["release-schema.json", "record-package-schema.json"]) {
      const bytes = file(name);
      expect(readme).toContain(
        `| \`${name}\` | ${bytes.length.toLocaleString("en-GB")} | \`${sha256(bytes)}\` |`,
      );
    }
    const release = JSON.parse(file("release-schema.json").toString("utf8")) as JsonObject;
    expect(release.id).toBe("https://standard.open-contracting.org/schema/1__0__3/release-schema.json");
    const tenderers = ((release.definitions as JsonObject).Tender as JsonObject).properties as JsonObject;
    expect(tenderers.tenderers).toMatchObject({ title: "Tenderers", mergeStrategy: "ocdsVersion" });
  });

  it("give the 1.0 merge rules: ocdsOmit fields dropped, tenderers and suppliers replaced whole", () => {
    const top = releaseRules("1.0").merge.children!;
    expect(["ocid", "id", "date", "tag"].filter((k) => top.get(k)!.omit)).toEqual([
      "ocid",
      "id",
      "date",
      "tag",
    ]);
    expect(top.get("initiationType")!.omit).toBe(false);
    const tender = top.get("tender")!.children!;
    const awards = top.get("awards")!;
    expect(tender.get("tenderers")!.wholeList).toBe(true);
    expect(awards.children!.get("suppliers")!.wholeList).toBe(true);
    // Arrays of objects with an id are merged item by item.
    expect(awards.wholeList).toBe(false);
    expect(tender.get("items")!.wholeList).toBe(false);
    expect(tender.get("documents")!.wholeList).toBe(false);
  });
});
