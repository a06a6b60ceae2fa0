import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCodelists } from "../../src/io/ocds-schema.ts";
import type { JsonObject } from "../../src/ocds/types.ts";
import { upgrade } from "../../src/ocds/upgrade.ts";
import { createValidator } from "../../src/ocds/validate.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const nous = (args: string[], input?: string) =>
  spawnSync("node", ["bin/nous.js", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });

// OCDS 1.0 data of our own making: organisations written out in full wherever they appear.
const council = {
  name: "Exampleshire Council",
  identifier: { scheme: "GB-LAE", id: "EXS", legalName: "Exampleshire County Council" },
  address: { locality: "Exampletown", countryName: "United Kingdom" },
};
const acme = { name: "Acme Ltd", identifier: { scheme: "GB-COH", id: "01234567" } };
const brill = { name: "Brill plc", identifier: { scheme: "GB-COH", id: "07654321" } };
const release10 = (id: string, date: string, body: JsonObject): JsonObject => ({
  ocid: "ocds-test10-2",
  id,
  date,
  tag: ["tender"],
  initiationType: "tender",
  language: "en",
  buyer: council,
  ...body,
});
const package10 = (): JsonObject => ({
  uri: "https://example.org/ocds/2016.json",
  publishedDate: "2016-05-01T00:00:00Z",
  publisher: { name: "Exampleshire Council" },
  releases: [
    release10("r1", "2016-01-01T00:00:00Z", {
      tender: { id: "t1", title: "Road repairs", procuringEntity: council, tenderers: [acme, brill] },
    }),
    release10("r2", "2016-03-01T00:00:00Z", {
      tag: ["award"],
      tender: {
        id: "t1",
        tenderers: [acme, brill],
        amendment: { date: "2016-02-01T00:00:00Z", rationale: "Scope" },
      },
      awards: [{ id: "a1", status: "active", suppliers: [brill], value: { amount: 50000, currency: "GBP" } }],
      contracts: [
        {
          id: "c1",
          awardID: "a1",
          implementation: {
            transactions: [
              {
                id: "p1",
                amount: { amount: 1000, currency: "GBP" },
                providerOrganization: council.identifier,
                receiverOrganization: { scheme: "GB-COH", id: "07654321", legalName: "Brill plc" },
              },
            ],
          },
        },
      ],
    }),
  ],
});

describe("upgrade 1.0 -> 1.1", () => {
  it("builds parties from the organisations, references them by id, and sets the package version", () => {
    const input = package10();
    const r = upgrade(input);
    expect(r.upgraded).toBe(true);
    expect(r.verdict.reason).toContain('no "version" field');
    const pkg = r.value as JsonObject;
    expect(pkg.version).toBe("1.1");
    const [first, second] = pkg.releases as JsonObject[];
    const parties = first!.parties as JsonObject[];
    expect(parties.map((p) => [p.id, p.roles])).toEqual([
      ["GB-LAE-EXS", ["buyer", "procuringEntity"]],
      ["GB-COH-01234567", ["tenderer"]],
      ["GB-COH-07654321", ["tenderer"]],
    ]);
    expect(first!.buyer).toEqual({ id: "GB-LAE-EXS", name: "Exampleshire Council" });
    expect((first!.tender as JsonObject).tenderers).toEqual([
      { id: "GB-COH-01234567", name: "Acme Ltd" },
      { id: "GB-COH-07654321", name: "Brill plc" },
    ]);
    // The same organisation gets the same id in every release, so the releases still merge.
    const brillParty = (second!.parties as JsonObject[]).find((p) => p.id === "GB-COH-07654321")!;
    expect(brillParty.roles).toEqual(["tenderer", "supplier", "payee"]);
    const tx = ((second!.contracts as JsonObject[])[0]!.implementation as JsonObject)
      .transactions as JsonObject[];
    expect(tx[0]).toEqual({
      id: "p1",
      value: { amount: 1000, currency: "GBP" },
      payer: { id: "GB-LAE-EXS", name: "Exampleshire County Council" },
      payee: { id: "GB-COH-07654321", name: "Brill plc" },
    });
    expect((second!.tender as JsonObject).amendments).toEqual([
      { date: "2016-02-01T00:00:00Z", rationale: "Scope" },
    ]);
    // The input is not modified.
    expect(input).toEqual(package10());
  });

  it("leaves 1.1 data as it was", () => {
    const doc = { version: "1.1", releases: [] };
    const r = upgrade(doc);
    expect(r.upgraded).toBe(false);
    expect(r.value).toBe(doc);
  });

  it("nous ocds upgrade writes 1.1 that validates against OCDS 1.1.5, and says why it read the input as 1.0", () => {
    const dir = mkdtempSync(join(tmpdir(), "nous-upgrade-"));
    const file = join(dir, "package-1.0.json");
    writeFileSync(file, JSON.stringify(package10()));
    const before = createValidator({ codelists: loadCodelists() }).validate(package10());
    expect(before.filter((i) => i.severity === "error").length).toBeGreaterThan(0);

    const r = nous(["ocds", "upgrade", file]);
    expect(r.stderr).toContain('upgraded from OCDS 1.0: the release package has no "version" field');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as JsonObject;
    expect(out.version).toBe("1.1");
    const errors = createValidator({ codelists: loadCodelists() })
      .validate(out)
      .filter((i) => i.severity === "error");
    expect(errors).toEqual([]);

    // JSON Lines of bare releases on stdin: one upgraded release per line.
    const lines10 = (package10().releases as JsonObject[]).map((x) => JSON.stringify(x)).join("\n");
    const s = nous(["ocds", "upgrade"], `${lines10}\n`);
    expect(s.status).toBe(0);
    const releases = s.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonObject);
    expect(releases).toHaveLength(2);
    expect(releases.every((x) => Array.isArray(x.parties))).toBe(true);
    expect(s.stderr).toContain('the release has no "parties" field');
  });
});

describe("a record package of 1.0 data", () => {
  it("compile --package writes no version for 1.0 releases (so it is read as 1.0 and validates), and 1.1 once upgraded", () => {
    const dir = mkdtempSync(join(tmpdir(), "nous-record-10-"));
    const file = join(dir, "package-1.0.json");
    writeFileSync(file, JSON.stringify(package10()));
    const r = nous(["ocds", "compile", "--package", file]);
    expect(r.status).toBe(0);
    const pkg = JSON.parse(r.stdout) as JsonObject;
    expect(pkg.version).toBeUndefined();
    expect((pkg.records as JsonObject[]).map((x) => x.ocid)).toEqual(["ocds-test10-2"]);
    const compiledFile = join(dir, "records-1.0.json");
    writeFileSync(compiledFile, r.stdout);
    const v = nous(["ocds", "validate", compiledFile]);
    expect(v.stderr).toContain("validated against OCDS 1.0.3");
    expect(v.status).toBe(0);

    const upgraded = nous(["ocds", "upgrade", file]);
    const after = nous(["ocds", "compile", "--package"], upgraded.stdout);
    expect(after.status).toBe(0);
    expect((JSON.parse(after.stdout) as JsonObject).version).toBe("1.1");
  });
});

describe("upgrade: what is already 1.1", () => {
  it("reads a record without ocid but with a compiled release as a record, and leaves it when its releases have parties", () => {
    const record = {
      releases: [{ ocid: "ocds-x", id: "1", parties: [{ id: "P1", name: "Buyer", roles: ["buyer"] }] }],
      compiledRelease: { ocid: "ocds-x", id: "c" },
    };
    const r = upgrade(record);
    expect(r.verdict).toEqual({
      version: "1.1",
      reason: 'a release in the record has "parties", a field OCDS 1.1 added',
    });
    expect(r.upgraded).toBe(false);
  });

  it("does not warn when a 1.0 release already references a listed party by id and name", () => {
    const r = upgrade({
      ocid: "ocds-x",
      id: "1",
      buyer: { id: "P1", name: "Buyer" },
      tender: { id: "t", procuringEntity: { id: "P1", name: "Buyer" } },
    });
    // No parties array in the release: the references become parties of their own.
    expect(r.warnings).toEqual([]);
    expect((r.value as JsonObject).parties).toEqual([
      { id: "P1", name: "Buyer", roles: ["buyer", "procuringEntity"] },
    ]);
  });
});
