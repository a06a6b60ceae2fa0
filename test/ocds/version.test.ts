import { describe, expect, it } from "vitest";
import { compile, compileRelease, versionRelease } from "../../src/ocds/merge.ts";
import { releaseRules } from "../../src/ocds/schema.ts";
import type { JsonObject } from "../../src/ocds/types.ts";
import { detectVersion, mixedVersionsMessage } from "../../src/ocds/version.ts";

// A 1.0 contracting process of our own making: the same tenderer is named in three releases,
// and the award's supplier changes once.
const acme = { name: "Acme Ltd", identifier: { scheme: "GB-COH", id: "01234567" } };
const brill = { name: "Brill plc", identifier: { scheme: "GB-COH", id: "07654321" } };
const rel = (id: string, date: string, body: JsonObject): JsonObject => ({
  ocid: "ocds-test10-1",
  id,
  date,
  tag: ["tender"],
  initiationType: "tender",
  ...body,
});
const releases10 = (): JsonObject[] => [
  rel("r1", "2016-01-01T00:00:00Z", { tender: { id: "t1", title: "Road repairs", tenderers: [acme] } }),
  rel("r2", "2016-02-01T00:00:00Z", { tender: { id: "t1", tenderers: [acme, brill] } }),
  rel("r3", "2016-03-01T00:00:00Z", {
    tag: ["award"],
    tender: { id: "t1", tenderers: [acme, brill] },
    awards: [{ id: "a1", suppliers: [brill] }],
  }),
  rel("r4", "2016-04-01T00:00:00Z", { tag: ["awardUpdate"], awards: [{ id: "a1", suppliers: [acme] }] }),
];

describe("OCDS 1.0 merge, by the 1.0 release schema's rules", () => {
  it("lists a tenderer named in three releases once in the compiled release", () => {
    const c = compileRelease(releases10(), { version: "1.0" });
    const tender = c.tender as JsonObject;
    expect(tender.tenderers).toEqual([acme, brill]);
    expect((c.awards as JsonObject[])[0]!.suppliers).toEqual([acme]);
    expect(tender.title).toBe("Road repairs");
  });

  it("by the 1.1 rules the same data keeps every tenderer of every release (why the version matters)", () => {
    const c = compileRelease(releases10(), { version: "1.1" });
    expect(((c.tender as JsonObject).tenderers as JsonObject[]).length).toBe(5);
  });

  it("keeps the history of a whole-list array in a versioned release as one value per change", () => {
    const v = versionRelease(releases10(), { version: "1.0" });
    const history = (v.tender as JsonObject).tenderers as JsonObject[];
    expect(history.map((h) => [h.releaseID, h.value])).toEqual([
      ["r1", [acme]],
      ["r2", [acme, brill]],
    ]);
    const suppliers = (v.awards as JsonObject[])[0]!.suppliers as JsonObject[];
    expect(suppliers.map((h) => h.value)).toEqual([[brill], [acme]]);
    expect(suppliers[1]!.releaseTag).toEqual(["awardUpdate"]);
  });

  it("compile honours the version for both the compiled and the versioned release", () => {
    const { compiledRelease, versionedRelease } = compile(releases10(), { version: "1.0", versioned: true });
    expect((compiledRelease.tender as JsonObject).tenderers).toEqual([acme, brill]);
    expect(((versionedRelease!.tender as JsonObject).tenderers as JsonObject[]).length).toBe(2);
  });

  it("derives the rules from the 1.0 schema: ocdsOmit fields are discarded, ocdsVersion arrays replaced whole", () => {
    const rules = releaseRules("1.0").merge.children!;
    expect(rules.get("tag")!.omit).toBe(true);
    expect(rules.get("tender")!.children!.get("tenderers")!.wholeList).toBe(true);
    expect(rules.get("awards")!.wholeList).toBe(false);
    expect(rules.get("awards")!.children!.get("suppliers")!.wholeList).toBe(true);
    expect(rules.get("awards")!.children!.get("items")!.wholeList).toBe(false);
  });
});

describe("detectVersion", () => {
  it("reads a package without version as 1.0, and says so", () => {
    const v = detectVersion({ releases: [] }, "release-package");
    expect(v).toEqual({
      version: "1.0",
      reason: 'the release package has no "version" field, which OCDS reads as 1.0',
    });
    expect(detectVersion({ records: [], version: "1.1" }, "record-package").version).toBe("1.1");
    expect(detectVersion({ records: [], version: "1.0" }, "record-package").version).toBe("1.0");
  });

  it("reads a bare release or record without parties as 1.0, with parties as 1.1", () => {
    expect(detectVersion({ ocid: "x", id: "1" }, "release").version).toBe("1.0");
    expect(detectVersion({ ocid: "x", id: "1", parties: [] }, "release").version).toBe("1.1");
    expect(detectVersion({ ocid: "x", releases: [{ id: "1" }] }, "record").version).toBe("1.0");
    expect(detectVersion({ ocid: "x", releases: [{ id: "1" }, { parties: [] }] }, "record").version).toBe(
      "1.1",
    );
  });

  it("names both inputs and the upgrade command when versions are mixed", () => {
    const msg = mixedVersionsMessage(
      { file: "new.json", verdict: detectVersion({ version: "1.1", releases: [] }, "release-package") },
      { file: "old.json", verdict: detectVersion({ releases: [] }, "release-package") },
    );
    expect(msg).toContain("new.json is OCDS 1.1");
    expect(msg).toContain('old.json is OCDS 1.0 (the release package has no "version" field');
    expect(msg).toContain("nous ocds upgrade old.json");
  });
});
