import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/ocds/types.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fx = (p: string) => `test/fixtures/ocds/${p}`;
const nous = (args: string[], input?: string) =>
  spawnSync("node", ["bin/nous.js", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });

describe("nous ocds (CLI)", () => {
  it("compile writes one compiled release per ocid, tag/id/date/ocid first, equal to the published one", () => {
    const files = [
      "01-planning",
      "02-tender",
      "03-tenderAmendment",
      "04-award",
      "05-contract",
      "06-implementation",
    ].map((s) => fx(`fictional/ocds-213czf-000-00001-${s}.json`));
    const r = nous(["ocds", "compile", "--quiet", ...files]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const compiled = JSON.parse(lines[0]!) as JsonObject;
    const expected = JSON.parse(
      readFileSync(fx("fictional/record/ocds-213czf-000-00001.json"), "utf8"),
    ) as JsonObject;
    expect(compiled).toStrictEqual((expected.records as JsonObject[])[0]!.compiledRelease);
    expect(Object.keys(compiled).slice(0, 4)).toEqual(["tag", "id", "date", "ocid"]);
  });

  it("compile --package --versioned reads stdin and writes a record package with versioned releases", () => {
    const r = nous(
      ["ocds", "compile", "--quiet", "--package", "--versioned"],
      readFileSync(fx("fictional/ocds-213czf-000-00001.json"), "utf8"),
    );
    expect(r.status).toBe(0);
    const pkg = JSON.parse(r.stdout) as JsonObject;
    const rec = (pkg.records as JsonObject[])[0]!;
    expect(Object.keys(rec)).toEqual(["ocid", "releases", "compiledRelease", "versionedRelease"]);
    const expected = JSON.parse(
      readFileSync(fx("fictional/record/ocds-213czf-000-00001-withversions.json"), "utf8"),
    ) as JsonObject;
    expect(rec.versionedRelease).toStrictEqual((expected.records as JsonObject[])[0]!.versionedRelease);
  });

  it("compile says which OCDS version it assumed and why, and refuses packages of two versions", () => {
    const v11 = fx("fictional/ocds-213czf-000-00001-02-tender.json");
    const ok = nous(["ocds", "compile", v11]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain(
      `nous: ${v11}:1: OCDS 1.1 assumed: the release package says "version": "1.1"`,
    );
    const pkg = JSON.parse(
      readFileSync(fx("fictional/ocds-213czf-000-00001-01-planning.json"), "utf8"),
    ) as JsonObject;
    delete pkg.version;
    const mixed = nous(["ocds", "compile", "-", v11], JSON.stringify(pkg));
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toContain('nous: -:1: OCDS 1.0 assumed: the release package has no "version" field');
    expect(mixed.stderr).toContain(
      `nous: ${v11}:1: inputs follow different OCDS versions, which cannot be merged together: - is OCDS 1.0`,
    );
    expect(mixed.stdout).toBe("");
    const quiet = nous(["ocds", "compile", "--quiet", v11]);
    expect(quiet.stderr).toBe("");
  });

  it("validate exits 0 for valid data and 1 with located errors otherwise", () => {
    const ok = nous([
      "ocds",
      "validate",
      fx("fictional/ocds-213czf-000-00001.json"),
      fx("uk-contracts-finder/release.json"),
    ]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain("2 document(s) checked: 0 error(s), 2 warning(s) - valid");
    const bad = nous(["ocds", "validate", "--no-warnings", fx("ukraine/release.json")]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(
      /^test\/fixtures\/ocds\/ukraine\/release\.json: \$\.tag\[3\]: error: expected one of .* got "bid"\n$/,
    );
  });

  it("validate gives the line and column of malformed JSON, never a stack trace", () => {
    const r = nous(["ocds", "validate", "-"], '{"ocid": "a"}\n{"ocid": }\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('-:2:10: error: malformed JSON: expected a JSON value, found "}"');
    expect(r.stdout + r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
