/**
 * The merge routine against the OCDS 1.1 merging rules (open-contracting/standard,
 * docs/schema/merging.md), one rule per test, on small cases written for this project. Where the
 * text is terse, the behaviour follows the reference merge routine's documented behaviour
 * (empty objects and arrays skipped, an object whose fields are all null kept as `{}`, objects
 * sharing an id in one release merged in order, `{ocid}-{date}` as the compiled id).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileRelease, versionRelease } from "../../src/ocds/merge.ts";
import { deriveRules, extendSchema, schemas } from "../../src/ocds/schema.ts";
import type { Issue, Json, JsonObject } from "../../src/ocds/types.ts";

const OCID = "ocds-q1w2e3-7";
let n = 0;
/** A release of the test process; `day` is the day of March 2022. */
const rel = (day: number, body: JsonObject, tag: string[] = ["update"]): JsonObject => ({
  ocid: OCID,
  id: `rel-${++n}`,
  date: `2022-03-${String(day).padStart(2, "0")}T10:00:00Z`,
  tag,
  ...body,
});
const compiled = (...rs: JsonObject[]) => compileRelease(rs);
/** The compiled release without its four metadata fields. */
const body = (...rs: JsonObject[]) => {
  const { tag: _t, id: _i, date: _d, ocid: _o, ...rest } = compiled(...rs);
  return rest;
};
const versioned = (...rs: JsonObject[]) => versionRelease(rs);
const vv = (r: JsonObject, value: Json) => ({
  releaseID: r.id!,
  releaseDate: r.date!,
  releaseTag: r.tag!,
  value,
});

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = (args: string[], releases: JsonObject[]) => {
  const r = spawnSync("node", ["bin/nous.js", "ocds", "compile", "--quiet", ...args, "-"], {
    cwd: root,
    input: `${releases.map((x) => JSON.stringify(x)).join("\n")}\n`,
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as JsonObject);
};

describe("merging: discarded fields and compiled metadata", () => {
  it("drops id, date and tag (omitWhenMerged) and sets tag, id as {ocid}-{date}, date and ocid first", () => {
    const a = rel(1, { language: "en" }, ["planning"]);
    const b = rel(9, { initiationType: "tender" }, ["tender"]);
    const c = compiled(a, b);
    expect(c).toStrictEqual({
      tag: ["compiled"],
      id: `${OCID}-2022-03-09T10:00:00Z`,
      date: "2022-03-09T10:00:00Z",
      ocid: OCID,
      language: "en",
      initiationType: "tender",
    });
    expect(Object.keys(c)).toEqual(["tag", "id", "date", "ocid", "language", "initiationType"]);
  });

  it("names the compiled release None-dated, as the reference routine does, when its only release has no date", () => {
    const c = compileRelease([{ ocid: OCID, id: "x", tag: ["planning"], language: "en" }]);
    expect(c.id).toBe(`${OCID}-None`);
    expect("date" in c).toBe(false);
  });

  it("discards a nested field that an extension marks omitWhenMerged, in compiled and versioned releases", () => {
    const schema = extendSchema(schemas.release, [
      { definitions: { Award: { properties: { internalRef: { type: "string", omitWhenMerged: true } } } } },
    ]);
    const rules = deriveRules(schema);
    const a = rel(2, { awards: [{ id: "A1", title: "Meals", internalRef: "x-1" }] });
    expect(compileRelease([a], { rules }).awards).toStrictEqual([{ id: "A1", title: "Meals" }]);
    expect(compileRelease([a], { rules, consume: true }).awards).toStrictEqual([
      { id: "A1", title: "Meals" },
    ]);
    expect(versionRelease([a], { rules }).awards).toStrictEqual([{ id: "A1", title: [vv(a, "Meals")] }]);
  });

  it("ignores omitWhenMerged: false", () => {
    const schema = extendSchema(schemas.release, [
      { properties: { language: { type: "string", omitWhenMerged: false } } },
    ]);
    expect(compileRelease([rel(2, { language: "cy" })], { rules: deriveRules(schema) }).language).toBe("cy");
  });
});

describe("merging: order of releases", () => {
  it("merges in date order whatever the input order", () => {
    const early = rel(3, { tender: { title: "draft" } });
    const late = rel(20, { tender: { title: "final" } });
    expect(body(late, early)).toStrictEqual({ tender: { title: "final" } });
    expect(versioned(late, early).tender).toStrictEqual({ title: [vv(early, "draft"), vv(late, "final")] });
  });

  it("keeps the input order of releases sharing a date (the later one in the input wins)", () => {
    const first = rel(5, { tender: { title: "one" } });
    const second = rel(5, { tender: { title: "two" } });
    expect(body(first, second)).toStrictEqual({ tender: { title: "two" } });
    expect(body(second, first)).toStrictEqual({ tender: { title: "one" } });
  });
});

describe("merging: object and literal values", () => {
  it("adds new fields, replaces changed literals, keeps fields a later release omits", () => {
    expect(
      body(
        rel(1, { tender: { title: "T", value: { amount: 100, currency: "GBP" } } }),
        rel(2, { tender: { value: { amount: 250 }, status: "active" } }),
      ),
    ).toStrictEqual({ tender: { title: "T", value: { amount: 250, currency: "GBP" }, status: "active" } });
  });

  it("does nothing for an empty object, in either kind of release", () => {
    const a = rel(1, { planning: { rationale: "why" } });
    const b = rel(2, { planning: {}, tender: {} });
    expect(body(a, b)).toStrictEqual({ planning: { rationale: "why" } });
    expect(versioned(a, b)).toStrictEqual({ ocid: OCID, planning: { rationale: [vv(a, "why")] } });
  });

  it("does nothing for an object holding only empty objects", () => {
    expect(body(rel(1, { tender: { value: {}, procuringEntity: {} } }))).toStrictEqual({});
  });
});

describe("merging: null", () => {
  it("removes a field set to null from the compiled release", () => {
    expect(
      body(rel(1, { tender: { title: "T", description: "D" } }), rel(2, { tender: { description: null } })),
    ).toStrictEqual({ tender: { title: "T" } });
  });

  it("keeps the object whose last field null removed, as an empty object", () => {
    expect(
      body(rel(1, { planning: { rationale: "why" } }), rel(2, { planning: { rationale: null } })),
    ).toStrictEqual({ planning: {} });
  });

  it("keeps an object whose only fields are null in the first release, as an empty object", () => {
    expect(body(rel(1, { tender: { title: null } }))).toStrictEqual({ tender: {} });
    expect(body(rel(1, { language: null }))).toStrictEqual({});
  });

  it("removes a whole object or array set to null", () => {
    expect(
      body(
        rel(1, { tender: { title: "T" }, awards: [{ id: "1", title: "A" }] }),
        rel(2, { tender: null, awards: null }),
      ),
    ).toStrictEqual({});
  });

  it("lets a field removed by null come back from a later release", () => {
    expect(
      body(
        rel(1, { tender: { title: "T" } }),
        rel(2, { tender: { title: null } }),
        rel(3, { tender: { title: "T2" } }),
      ),
    ).toStrictEqual({ tender: { title: "T2" } });
  });

  it("removes a field of an object inside an identifier-merged array", () => {
    expect(
      body(
        rel(1, { awards: [{ id: "a", title: "A", status: "pending" }] }),
        rel(2, { awards: [{ id: "a", status: null }] }),
      ),
    ).toStrictEqual({ awards: [{ id: "a", title: "A" }] });
  });

  it("versions null as a value, including a first null", () => {
    const a = rel(1, { tender: { title: null } });
    const b = rel(2, { tender: { title: "T" } });
    const c = rel(3, { tender: { title: null } });
    expect(versioned(a, b, c).tender).toStrictEqual({ title: [vv(a, null), vv(b, "T"), vv(c, null)] });
  });
});

describe("merging: whole list merge", () => {
  it("replaces an array of strings as one value", () => {
    expect(
      body(
        rel(1, { tender: { submissionMethod: ["electronicSubmission", "written"] } }),
        rel(2, { tender: { submissionMethod: ["inPerson"] } }),
      ),
    ).toStrictEqual({ tender: { submissionMethod: ["inPerson"] } });
  });

  it("replaces an array the schema marks wholeListMerge, even though its objects have ids", () => {
    expect(
      body(
        rel(1, { tender: { items: [{ id: "i", additionalClassifications: [{ scheme: "CPV", id: "1" }] }] } }),
        rel(2, { tender: { items: [{ id: "i", additionalClassifications: [{ scheme: "CPV", id: "2" }] }] } }),
      ),
    ).toStrictEqual({
      tender: { items: [{ id: "i", additionalClassifications: [{ scheme: "CPV", id: "2" }] }] },
    });
  });

  it("sets an empty whole-list array, replacing the earlier list", () => {
    const a = rel(1, { tender: { submissionMethod: ["written"] } });
    const b = rel(2, { tender: { submissionMethod: [] } });
    expect(body(a, b)).toStrictEqual({ tender: { submissionMethod: [] } });
    expect(body(b)).toStrictEqual({ tender: { submissionMethod: [] } });
    expect(versioned(a, b).tender).toStrictEqual({ submissionMethod: [vv(a, ["written"]), vv(b, [])] });
  });

  it("treats an array holding anything but objects as a literal, even in an identifier-merged field", () => {
    expect(
      body(rel(1, { awards: [{ id: "a", title: "A" }] }), rel(2, { awards: [{ id: "b" }, "oops", null] })),
    ).toStrictEqual({ awards: [{ id: "b" }, "oops", null] });
  });

  it("treats arrays of arrays as literals", () => {
    expect(body(rel(1, { grid: [[1, 2]] }), rel(2, { grid: [[3], [4]] }))).toStrictEqual({
      grid: [[3], [4]],
    });
  });

  it("replaces an array of objects whose schema items have no id (an extension's list)", () => {
    const schema = extendSchema(schemas.release, [
      {
        properties: {
          notes: { type: "array", items: { type: "object", properties: { text: { type: "string" } } } },
        },
      },
    ]);
    const rules = deriveRules(schema);
    const a = rel(1, { notes: [{ text: "one" }, { text: "two" }] });
    const b = rel(2, { notes: [{ text: "three" }] });
    expect(compileRelease([a, b], { rules }).notes).toStrictEqual([{ text: "three" }]);
    expect(versionRelease([a, b], { rules }).notes).toStrictEqual([
      vv(a, [{ text: "one" }, { text: "two" }]),
      vv(b, [{ text: "three" }]),
    ]);
  });

  it("versions a whole list as one value and records it again only when it changes", () => {
    const a = rel(1, { tender: { submissionMethod: ["written"] } });
    const b = rel(2, { tender: { submissionMethod: ["written"] } });
    const c = rel(3, { tender: { submissionMethod: ["written", "inPerson"] } });
    expect(versioned(a, b, c).tender).toStrictEqual({
      submissionMethod: [vv(a, ["written"]), vv(c, ["written", "inPerson"])],
    });
  });
});

describe("merging: identifier merge", () => {
  it("merges objects with the same id and appends new ones, in first-seen order", () => {
    expect(
      body(
        rel(1, { awards: [{ id: "a", title: "A" }] }),
        rel(2, {
          awards: [
            { id: "b", title: "B" },
            { id: "a", status: "active" },
          ],
        }),
      ),
    ).toStrictEqual({
      awards: [
        { id: "a", title: "A", status: "active" },
        { id: "b", title: "B" },
      ],
    });
  });

  it("does nothing for an empty identifier-merged array", () => {
    const a = rel(1, { awards: [{ id: "a", title: "A" }] });
    const b = rel(2, { awards: [] });
    expect(body(a, b)).toStrictEqual({ awards: [{ id: "a", title: "A" }] });
    expect(body(b)).toStrictEqual({});
    expect(versioned(b)).toStrictEqual({ ocid: OCID });
  });

  it("appends objects that have no id, every time", () => {
    expect(
      body(rel(1, { things: [{ name: "x" }] }), rel(2, { things: [{ name: "x" }, { id: "k", name: "y" }] })),
    ).toStrictEqual({ things: [{ name: "x" }, { name: "x" }, { id: "k", name: "y" }] });
  });

  it("adds no object for an empty object in an identifier-merged array", () => {
    expect(body(rel(1, { awards: [{}] }))).toStrictEqual({});
    expect(body(rel(1, { awards: [{ id: "a" }] }), rel(2, { awards: [{}] }))).toStrictEqual({
      awards: [{ id: "a" }],
    });
    expect(versioned(rel(1, { awards: [{}] }))).toStrictEqual({ ocid: OCID });
  });

  it("merges objects sharing an id within one release in order (later fields win, others kept), with a warning", () => {
    const warnings: Issue[] = [];
    const c = compileRelease(
      [
        rel(1, {
          awards: [
            { id: "a", title: "first", description: "kept" },
            { id: "a", title: "second", status: "active" },
          ],
        }),
      ],
      {},
      warnings,
    );
    expect(c.awards).toStrictEqual([{ id: "a", title: "second", description: "kept", status: "active" }]);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([["duplicate-id", "$.awards[1]"]]);
  });

  it("versions objects sharing an id within one release as one object: one value per field and release", () => {
    const a = rel(1, { awards: [{ id: "a", title: "second" }] });
    const b = rel(2, {
      awards: [
        { id: "a", title: "first", description: "d" },
        { id: "a", title: "second" },
      ],
    });
    const warnings: Issue[] = [];
    const v = versionRelease([a, b], {}, warnings);
    expect(v.awards).toStrictEqual([{ id: "a", title: [vv(a, "second")], description: [vv(b, "d")] }]);
    expect(warnings.map((w) => w.code)).toEqual(["duplicate-id"]);
  });

  it("merges identifier arrays nested in objects inside identifier arrays", () => {
    expect(
      body(
        rel(1, {
          contracts: [
            {
              id: "c",
              implementation: { transactions: [{ id: "t1", value: { amount: 5, currency: "GBP" } }] },
            },
          ],
        }),
        rel(2, {
          contracts: [
            {
              id: "c",
              implementation: {
                transactions: [
                  { id: "t2", value: { amount: 7, currency: "GBP" } },
                  { id: "t1", value: { amount: 6 } },
                ],
              },
            },
          ],
        }),
      ),
    ).toStrictEqual({
      contracts: [
        {
          id: "c",
          implementation: {
            transactions: [
              { id: "t1", value: { amount: 6, currency: "GBP" } },
              { id: "t2", value: { amount: 7, currency: "GBP" } },
            ],
          },
        },
      ],
    });
  });

  it('keeps the integer id 1 and the string id "1" apart (different JSON values), with a warning', () => {
    const warnings: Issue[] = [];
    const c = compileRelease(
      [rel(1, { awards: [{ id: 1, title: "num" }] }), rel(2, { awards: [{ id: "1", title: "str" }] })],
      {},
      warnings,
    );
    expect(c.awards).toStrictEqual([
      { id: 1, title: "num" },
      { id: "1", title: "str" },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["id-type"]);
  });

  it("merges integer ids with equal integer ids", () => {
    expect(
      body(rel(1, { awards: [{ id: 7, title: "x" }] }), rel(2, { awards: [{ id: 7, status: "active" }] })),
    ).toStrictEqual({ awards: [{ id: 7, title: "x", status: "active" }] });
  });

  it("versions ids of objects outside arrays (versionId), even inside an array's objects", () => {
    const a = rel(1, {
      buyer: { id: "B1", name: "Council" },
      parties: [{ id: "p", identifier: { id: "111" } }],
    });
    const b = rel(2, { buyer: { id: "B2" }, parties: [{ id: "p", identifier: { id: "222" } }] });
    expect(versioned(a, b)).toStrictEqual({
      ocid: OCID,
      buyer: { id: [vv(a, "B1"), vv(b, "B2")], name: [vv(a, "Council")] },
      parties: [{ id: "p", identifier: { id: [vv(a, "111"), vv(b, "222")] } }],
    });
  });

  it("keeps the id of objects in identifier arrays unversioned, and versions other ids", () => {
    const a = rel(1, { tender: { id: "T-1", items: [{ id: "i1", quantity: 2 }] } });
    const b = rel(2, { tender: { id: "T-2", items: [{ id: "i1", quantity: 3 }] } });
    expect(versioned(a, b).tender).toStrictEqual({
      id: [vv(a, "T-1"), vv(b, "T-2")],
      items: [{ id: "i1", quantity: [vv(a, 2), vv(b, 3)] }],
    });
  });
});

describe("merging: fields not in the schema", () => {
  it("merges extension objects by field, arrays of objects by id, and other arrays as a whole", () => {
    const a = rel(1, {
      extra: { a: 1, b: { c: "x" } },
      extraList: [{ id: "p", v: 1 }],
      extraTags: ["x", "y"],
    });
    const b = rel(2, { extra: { b: { d: "y" } }, extraList: [{ id: "p", w: 2 }], extraTags: ["z"] });
    expect(body(a, b)).toStrictEqual({
      extra: { a: 1, b: { c: "x", d: "y" } },
      extraList: [{ id: "p", v: 1, w: 2 }],
      extraTags: ["z"],
    });
    expect(versioned(a, b)).toStrictEqual({
      ocid: OCID,
      extra: { a: [vv(a, 1)], b: { c: [vv(a, "x")], d: [vv(b, "y")] } },
      extraList: [{ id: "p", v: [vv(a, 1)], w: [vv(b, 2)] }],
      extraTags: [vv(a, ["x", "y"]), vv(b, ["z"])],
    });
  });

  it("ignores an empty array not in the schema", () => {
    expect(body(rel(1, { extraTags: ["x"] }), rel(2, { extraTags: [] }))).toStrictEqual({ extraTags: ["x"] });
  });
});

describe("merging: versioned release", () => {
  it("puts the unversioned ocid first and versions every other field with its release's id, date and tag", () => {
    const a = rel(1, { initiationType: "tender", tender: { value: { amount: 10 } } }, ["tender"]);
    const b = rel(2, { tender: { value: { amount: 10 } } }, ["tenderAmendment"]);
    const c = rel(3, { tender: { value: { amount: 12 } } }, ["tenderAmendment"]);
    const v = versioned(a, b, c);
    expect(v).toStrictEqual({
      ocid: OCID,
      initiationType: [vv(a, "tender")],
      tender: { value: { amount: [vv(a, 10), vv(c, 12)] } },
    });
    expect(Object.keys(v)[0]).toBe("ocid");
  });

  it("records a value again when it returns to an earlier value", () => {
    const a = rel(1, { tender: { status: "active" } });
    const b = rel(2, { tender: { status: "cancelled" } });
    const c = rel(3, { tender: { status: "active" } });
    expect(versioned(a, b, c).tender).toStrictEqual({
      status: [vv(a, "active"), vv(b, "cancelled"), vv(c, "active")],
    });
  });

  it("gives null releaseTag, releaseID and releaseDate when a release lacks them", () => {
    const v = versionRelease([{ ocid: OCID, language: "en" }]);
    expect(v.language).toStrictEqual([{ releaseID: null, releaseDate: null, releaseTag: null, value: "en" }]);
  });
});

describe("merging through the CLI", () => {
  it("compiles null removal, kept empty object, duplicate ids and whole lists from JSON Lines", () => {
    const [c] = cli(
      [],
      [
        rel(2, {
          tender: { title: "T", submissionMethod: ["written"] },
          planning: { rationale: "r" },
          awards: [
            { id: "a", title: "x", description: "d" },
            { id: "a", title: "y" },
          ],
        }),
        rel(1, { tender: { title: "old" } }),
        rel(3, { tender: { submissionMethod: [] }, planning: { rationale: null } }),
      ],
    );
    expect(c).toStrictEqual({
      tag: ["compiled"],
      id: `${OCID}-2022-03-03T10:00:00Z`,
      date: "2022-03-03T10:00:00Z",
      ocid: OCID,
      tender: { title: "T", submissionMethod: [] },
      planning: {},
      awards: [{ id: "a", title: "y", description: "d" }],
    });
  });

  it("writes the versioned release in a record with --package --versioned", () => {
    const a = rel(1, { tender: { title: "A", items: [{ id: "1", quantity: 1 }] } });
    const b = rel(2, { tender: { title: "B", items: [{ id: "1", quantity: 1 }, { id: "2" }] } });
    const [pkg] = cli(["--package", "--versioned"], [a, b]);
    const record = (pkg!.records as JsonObject[])[0]!;
    expect(record.versionedRelease).toStrictEqual({
      ocid: OCID,
      tender: {
        title: [vv(a, "A"), vv(b, "B")],
        items: [{ id: "1", quantity: [vv(a, 1)] }, { id: "2" }],
      },
    });
  });
});

describe("merging: field order (first seen, as in the reference routine)", () => {
  it("puts a field removed by null and set again back where it was first seen", () => {
    const c = body(
      rel(1, { tender: { title: "T", status: "planned", description: "D" } }),
      rel(2, { tender: { title: null } }),
      rel(3, { tender: { title: "T2", mainProcurementCategory: "works" } }),
    );
    expect(JSON.stringify(c)).toBe(
      JSON.stringify({
        tender: { title: "T2", status: "planned", description: "D", mainProcurementCategory: "works" },
      }),
    );
  });

  it("gives a field first seen as null its place for when it gets a value", () => {
    const c = body(
      rel(1, { tender: { title: null, status: "planned" } }),
      rel(2, { tender: { title: "T" } }),
    );
    expect(Object.keys(c.tender as JsonObject)).toEqual(["title", "status"]);
  });

  it("starts each new object of an identifier-merged array with its id", () => {
    const rs = [rel(1, { awards: [{ title: "A", id: "a", status: "pending" }] })];
    for (const c of [
      compileRelease(structuredClone(rs)),
      compileRelease(structuredClone(rs), { consume: true }),
    ]) {
      expect(JSON.stringify(c.awards)).toBe(JSON.stringify([{ id: "a", title: "A", status: "pending" }]));
    }
    expect(Object.keys((versioned(...rs).awards as JsonObject[])[0]!)).toEqual(["id", "title", "status"]);
  });

  it("merges objects whose id is null with each other (equal id values), without writing the id", () => {
    expect(
      body(
        rel(1, { awards: [{ id: null, title: "A" }] }),
        rel(2, { awards: [{ id: null, status: "active" }] }),
      ),
    ).toStrictEqual({ awards: [{ title: "A", status: "active" }] });
  });
});

describe("merging: null in place of an object in a versioned release", () => {
  it("keeps the object's versioned fields and warns, while the compiled release drops the object", () => {
    const a = rel(1, { tender: { title: "T" }, awards: [{ id: "a", title: "A" }] });
    const b = rel(2, { tender: null, awards: null });
    const warnings: Issue[] = [];
    expect(versionRelease([a, b], {}, warnings)).toStrictEqual({
      ocid: OCID,
      tender: { title: [vv(a, "T")] },
      awards: [{ id: "a", title: [vv(a, "A")] }],
    });
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ["null-object", "$.tender"],
      ["null-object", "$.awards"],
    ]);
    expect(body(a, b)).toStrictEqual({});
  });
});
