import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extensionDirNames, loadExtensionPatches } from "../../src/io/ocds-schema.ts";
import { compileRelease } from "../../src/ocds/merge.ts";
import { deriveRules, extendSchema, schemas } from "../../src/ocds/schema.ts";
import type { JsonObject } from "../../src/ocds/types.ts";
import { createValidator } from "../../src/ocds/validate.ts";

const URL_LOTS =
  "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
const URL_OTHER = "https://example.org/extensions/ocds_missing_extension/extension.json";

describe("extensions declared in a package", () => {
  const dir = mkdtempSync(join(tmpdir(), "nous-ext-"));
  mkdirSync(join(dir, "ocds_lots_extension"));
  writeFileSync(
    join(dir, "ocds_lots_extension", "release-schema.json"),
    JSON.stringify({
      definitions: {
        Tender: {
          properties: {
            lots: { type: "array", items: { $ref: "#/definitions/Lot" } },
            x_phases: {
              type: "array",
              wholeListMerge: true,
              items: { type: "object", properties: { id: { type: "string" } } },
            },
          },
        },
        Lot: {
          type: "object",
          required: ["id"],
          properties: { id: { type: ["string", "integer"] }, title: { type: "string" } },
        },
      },
    }),
  );

  it("finds an extension by its repository name and warns about one that is not there", () => {
    expect(extensionDirNames(URL_LOTS)[0]).toBe("ocds_lots_extension");
    const { patches, warnings } = loadExtensionPatches([URL_LOTS, URL_OTHER], dir);
    expect(patches).toHaveLength(1);
    expect(warnings).toEqual([
      {
        severity: "warning",
        code: "extension-unavailable",
        path: "$.extensions[1]",
        message: `extension ${URL_OTHER} is not available locally under ${dir}; its fields are merged and validated as unknown fields`,
      },
    ]);
  });

  it("applies the extension's schema to validation and to merging", () => {
    const { patches } = loadExtensionPatches([URL_LOTS], dir);
    const release: JsonObject = {
      ocid: "ocds-x-1",
      id: "1",
      date: "2020-01-01T00:00:00Z",
      tag: ["tender"],
      initiationType: "tender",
      tender: { id: "t", lots: [{ title: "no id" }] },
    };
    const plain = createValidator()
      .validate(release)
      .filter((i) => i.severity === "error");
    expect(plain).toEqual([]);
    const extended = createValidator({ extensionPatches: patches }).validate(release);
    expect(extended.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "$.tender.lots[0].id: required field is missing",
    ]);

    const rules = deriveRules(extendSchema(schemas.release, patches));
    const releases: JsonObject[] = [
      { ...release, tender: { id: "t", x_phases: [{ id: "a" }, { id: "b" }] } },
      { ...release, id: "2", date: "2020-02-01T00:00:00Z", tender: { x_phases: [{ id: "c" }] } },
    ];
    expect((compileRelease(releases, { rules }).tender as JsonObject).x_phases).toEqual([{ id: "c" }]);
    expect((compileRelease(releases).tender as JsonObject).x_phases).toEqual([
      { id: "a" },
      { id: "b" },
      { id: "c" },
    ]);
  });
});
