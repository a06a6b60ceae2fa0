import { describe, expect, it } from "vitest";
import { compile, compileRelease, versionRelease } from "./merge.ts";
import { deriveRules, extendSchema, schemas } from "./schema.ts";
import type { Issue, JsonObject } from "./types.ts";

const r = (id: string, date: string, body: JsonObject): JsonObject => ({
  ocid: "ocds-x-1",
  id,
  date,
  tag: ["tender"],
  ...body,
});

describe("compiled release", () => {
  it("puts tag, id, date, ocid first and takes the latest value of each field", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { tender: { title: "A", value: { amount: 1000, currency: "GBP" } } }),
      r("2", "2020-02-01T00:00:00Z", { tender: { value: { amount: 2000 } } }),
    ]);
    expect(Object.keys(c)).toEqual(["tag", "id", "date", "ocid", "tender"]);
    expect(c).toEqual({
      tag: ["compiled"],
      id: "ocds-x-1-2020-02-01T00:00:00Z",
      date: "2020-02-01T00:00:00Z",
      ocid: "ocds-x-1",
      tender: { title: "A", value: { amount: 2000, currency: "GBP" } },
    });
  });

  it("sorts releases by date before merging, whatever the input order", () => {
    const c = compileRelease([
      r("2", "2020-02-01T00:00:00Z", { tender: { title: "new" } }),
      r("1", "2020-01-01T00:00:00Z", { tender: { title: "old" } }),
    ]);
    expect((c.tender as JsonObject).title).toBe("new");
    expect(c.date).toBe("2020-02-01T00:00:00Z");
  });

  it("removes a field set to null, keeping an object left empty by it as {}", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", {
        tender: { title: "A", description: "d" },
        planning: { rationale: "x" },
      }),
      r("2", "2020-02-01T00:00:00Z", { tender: { description: null }, planning: { rationale: null } }),
    ]);
    expect(c.tender).toEqual({ title: "A" });
    expect(c.planning).toStrictEqual({});
  });

  it("ignores empty objects and arrays; a null never set leaves its object as {}", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { tender: { title: null }, planning: {}, awards: [], language: null }),
    ]);
    expect(Object.keys(c)).toEqual(["tag", "id", "date", "ocid", "tender"]);
    expect(c.tender).toStrictEqual({});
  });

  it("keeps earlier objects when a later release sends an empty identifier-merged array", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { awards: [{ id: "a1", status: "pending" }] }),
      r("2", "2020-02-01T00:00:00Z", { awards: [] }),
    ]);
    expect(c.awards).toEqual([{ id: "a1", status: "pending" }]);
  });

  it("merges objects in arrays by id and appends new ids", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { awards: [{ id: "a1", status: "pending", title: "T" }] }),
      r("2", "2020-02-01T00:00:00Z", {
        awards: [
          { id: "a1", status: "active" },
          { id: "a2", status: "pending" },
        ],
      }),
    ]);
    expect(c.awards).toEqual([
      { id: "a1", status: "active", title: "T" },
      { id: "a2", status: "pending" },
    ]);
  });

  it("replaces whole-list arrays (wholeListMerge in the schema) instead of merging by id", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", {
        parties: [
          {
            id: "p",
            additionalIdentifiers: [
              { id: "A", scheme: "X" },
              { id: "B", scheme: "X" },
            ],
          },
        ],
      }),
      r("2", "2020-02-01T00:00:00Z", {
        parties: [{ id: "p", additionalIdentifiers: [{ id: "C", scheme: "Y" }] }],
      }),
    ]);
    expect((c.parties as JsonObject[])[0]!.additionalIdentifiers).toEqual([{ id: "C", scheme: "Y" }]);
  });

  it("treats arrays of non-objects as literal values", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { parties: [{ id: "p", roles: ["buyer", "procuringEntity"] }] }),
      r("2", "2020-02-01T00:00:00Z", { parties: [{ id: "p", roles: ["buyer"] }], x_mixed: [1, { id: "a" }] }),
    ]);
    expect((c.parties as JsonObject[])[0]!.roles).toEqual(["buyer"]);
    expect(c.x_mixed).toEqual([1, { id: "a" }]);
  });

  it("merges two objects sharing an id in one release in order, with a warning", () => {
    const warnings: Issue[] = [];
    const c = compileRelease(
      [
        r("1", "2020-01-01T00:00:00Z", {
          awards: [
            { id: "a1", title: "first" },
            { id: "a1", status: "active" },
          ],
        }),
      ],
      {},
      warnings,
    );
    expect(c.awards).toEqual([{ id: "a1", title: "first", status: "active" }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe("duplicate-id");
    expect(warnings[0]!.path).toBe("$.awards[1]");
  });

  it('keeps ids 1 and "1" apart (the rules compare values) and warns', () => {
    const warnings: Issue[] = [];
    const c = compileRelease(
      [
        r("1", "2020-01-01T00:00:00Z", { awards: [{ id: 1, title: "number" }] }),
        r("2", "2020-02-01T00:00:00Z", { awards: [{ id: "1", title: "string" }] }),
      ],
      {},
      warnings,
    );
    expect(c.awards).toEqual([
      { id: 1, title: "number" },
      { id: "1", title: "string" },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["id-type"]);
  });

  it("merges numeric ids with equal numeric ids", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { awards: [{ id: 7, title: "a" }] }),
      r("2", "2020-02-01T00:00:00Z", { awards: [{ id: 7, status: "active" }] }),
    ]);
    expect(c.awards).toEqual([{ id: 7, title: "a", status: "active" }]);
  });

  it("warns when a field changes kind between releases and keeps the later value", () => {
    const warnings: Issue[] = [];
    const c = compileRelease(
      [
        r("1", "2020-01-01T00:00:00Z", { tender: { value: 100 } }),
        r("2", "2020-02-01T00:00:00Z", { tender: { value: { amount: 200, currency: "GBP" } } }),
      ],
      {},
      warnings,
    );
    expect(c.tender).toEqual({ value: { amount: 200, currency: "GBP" } });
    expect(warnings).toMatchObject([{ code: "type-conflict", path: "$.tender.value" }]);
  });

  it("appends objects without an id", () => {
    const c = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { x_notes: [{ text: "a" }] }),
      r("2", "2020-02-01T00:00:00Z", { x_notes: [{ text: "b" }] }),
    ]);
    expect(c.x_notes).toEqual([{ text: "a" }, { text: "b" }]);
  });

  it("does not modify the input releases", () => {
    const input = [r("1", "2020-01-01T00:00:00Z", { tender: { title: "A" }, awards: [{ id: "a" }] })];
    const copy = structuredClone(input);
    compile(input, { versioned: true });
    expect(input).toEqual(copy);
  });
});

describe("versioned release", () => {
  it("records each distinct value with its release, and null as a value", () => {
    const v = versionRelease([
      r("1", "2020-01-01T00:00:00Z", { tender: { id: "T", title: "A" } }),
      r("2", "2020-02-01T00:00:00Z", { tender: { title: "A" } }),
      r("3", "2020-03-01T00:00:00Z", { tender: { title: null } }),
    ]);
    const meta = (id: string, d: string) => ({ releaseID: id, releaseDate: d, releaseTag: ["tender"] });
    expect(v).toEqual({
      ocid: "ocds-x-1",
      tender: {
        id: [{ ...meta("1", "2020-01-01T00:00:00Z"), value: "T" }],
        title: [
          { ...meta("1", "2020-01-01T00:00:00Z"), value: "A" },
          { ...meta("3", "2020-03-01T00:00:00Z"), value: null },
        ],
      },
    });
  });

  it("keeps ids of identifier-merged objects unversioned and versions whole lists as one value", () => {
    const v = versionRelease([
      r("1", "2020-01-01T00:00:00Z", { parties: [{ id: "p", roles: ["buyer"], additionalIdentifiers: [] }] }),
    ]);
    expect(v.parties).toEqual([
      {
        id: "p",
        roles: [
          { releaseID: "1", releaseDate: "2020-01-01T00:00:00Z", releaseTag: ["tender"], value: ["buyer"] },
        ],
        additionalIdentifiers: [
          { releaseID: "1", releaseDate: "2020-01-01T00:00:00Z", releaseTag: ["tender"], value: [] },
        ],
      },
    ]);
  });
});

describe("schema-driven rules", () => {
  it("derives omitted and whole-list fields from the schema, not from names in code", () => {
    const rules = deriveRules(schemas.release);
    const top = rules.merge.children!;
    expect(
      [...top]
        .filter(([, n]) => n.omit)
        .map(([k]) => k)
        .sort(),
    ).toEqual(["date", "id", "tag"]);
    expect(top.get("parties")!.children!.get("additionalIdentifiers")!.wholeList).toBe(true);
    expect(top.get("awards")!.wholeList).toBe(false);
  });

  it("follows an extension that marks an array as whole-list", () => {
    const patched = extendSchema(schemas.release, [
      {
        definitions: {
          Award: {
            properties: {
              x_lots: {
                type: "array",
                wholeListMerge: true,
                items: { type: "object", properties: { id: { type: "string" } } },
              },
            },
          },
        },
      },
    ]);
    const rules = deriveRules(patched);
    const c = compileRelease(
      [
        r("1", "2020-01-01T00:00:00Z", { awards: [{ id: "a", x_lots: [{ id: "1" }, { id: "2" }] }] }),
        r("2", "2020-02-01T00:00:00Z", { awards: [{ id: "a", x_lots: [{ id: "3" }] }] }),
      ],
      { rules },
    );
    expect((c.awards as JsonObject[])[0]!.x_lots).toEqual([{ id: "3" }]);
    const plain = compileRelease([
      r("1", "2020-01-01T00:00:00Z", { awards: [{ id: "a", x_lots: [{ id: "1" }] }] }),
      r("2", "2020-02-01T00:00:00Z", { awards: [{ id: "a", x_lots: [{ id: "3" }] }] }),
    ]);
    expect((plain.awards as JsonObject[])[0]!.x_lots).toEqual([{ id: "1" }, { id: "3" }]);
  });
});

describe("consume mode (inputs reused, not copied)", () => {
  const cases: JsonObject[][] = [
    [
      r("1", "2020-01-01T00:00:00Z", {
        tender: { title: "A", items: [{ id: "1", quantity: 1 }] },
        awards: [{ id: "a", suppliers: [{ id: "s" }] }],
      }),
      r("2", "2020-02-01T00:00:00Z", {
        tender: { items: [{ id: "1", quantity: 2 }, { id: "2" }] },
        awards: [{ id: "a", status: "active" }],
      }),
    ],
    [
      r("1", "2020-01-01T00:00:00Z", {
        tender: { title: null, value: {} },
        awards: [{ id: "a" }, { id: "a", title: "dup" }],
        planning: { budget: {} },
      }),
      r("2", "2020-02-01T00:00:00Z", {
        awards: [],
        parties: [{ id: "p", roles: ["buyer"], additionalIdentifiers: [{ id: "x" }] }],
      }),
      r("3", "2020-03-01T00:00:00Z", {
        parties: [{ id: "p", roles: null, additionalIdentifiers: [] }],
        contracts: [{ id: "c", period: { startDate: null } }],
      }),
    ],
  ];
  cases.push([
    r("1", "2020-01-01T00:00:00Z", {
      tender: { title: "A", items: [{ quantity: 1, id: "1" }, {}], status: "planned" },
      awards: [{ title: "x", id: "a" }],
    }),
    r("2", "2020-02-01T00:00:00Z", {
      tender: { title: null, items: [{ id: "1", quantity: null }] },
      awards: [
        { id: "b", suppliers: [{ name: "S", id: "s" }] },
        { id: "b", title: "y" },
      ],
      contracts: [{ id: null, title: "c" }],
    }),
    r("3", "2020-03-01T00:00:00Z", { tender: { title: "B", value: { amount: null } } }),
  ]);
  it("gives the same compiled release as copying", () => {
    for (const rs of cases) {
      const copied = compileRelease(structuredClone(rs));
      const consumed = compileRelease(structuredClone(rs), { consume: true });
      expect(consumed).toStrictEqual(copied);
      expect(JSON.stringify(consumed)).toBe(JSON.stringify(copied));
    }
  });
});

describe("identifier-merged arrays, short (searched in place) and long (indexed)", () => {
  // The merge searches short arrays item by item and indexes long ones: both must merge alike.
  const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
  for (const n of [3, 12]) {
    it(`merges by id, keeps number and string ids apart and warns of duplicates (${n} items)`, () => {
      const warnings: Issue[] = [];
      const first = ids(n).map((id) => ({ id, title: `item ${id}` }));
      const c = compileRelease(
        [
          r("1", "2020-01-01T00:00:00Z", { tender: { items: first } }),
          r("2", "2020-02-01T00:00:00Z", {
            tender: {
              items: [
                { id: "2", title: "changed" },
                { id: 2, title: "number id" },
                { id: "new", title: "added" },
                { id: "new", quantity: 3 },
              ],
            },
          }),
        ],
        { consume: n === 12 },
        warnings,
      );
      const items = (c.tender as JsonObject).items as JsonObject[];
      expect(items).toHaveLength(n + 2);
      expect(items[1]).toEqual({ id: "2", title: "changed" });
      expect(items.slice(-2)).toEqual([
        { id: 2, title: "number id" },
        { id: "new", title: "added", quantity: 3 },
      ]);
      expect(warnings.map((w) => [w.code, w.path])).toEqual([
        ["id-type", "$.tender.items[1]"],
        ["duplicate-id", "$.tender.items[3]"],
      ]);
    });
  }

  it("finds an object whose null id was not written, in short and long arrays", () => {
    for (const n of [1, 10]) {
      const first = [...ids(n).map((id) => ({ id, v: 0 })), { id: null, v: 1 }];
      const c = compileRelease([
        r("1", "2020-01-01T00:00:00Z", { awards: first }),
        r("2", "2020-02-01T00:00:00Z", { awards: [{ id: null, v: 2 }] }),
      ]);
      const awards = c.awards as JsonObject[];
      expect(awards).toHaveLength(n + 1);
      expect(awards[n]).toEqual({ v: 2 });
    }
  });
});
