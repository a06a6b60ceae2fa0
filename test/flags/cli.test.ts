/** The `nous flags` commands end to end: real files, the real binary. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "flags");
const dir = mkdtempSync(join(tmpdir(), "nous-flags-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nous(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, "bin", "nous.js"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Many releases with bids, for the worker path. */
function bigFile(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = 1000 + (i % 97) * 10;
    const l = w + (i % 13 === 0 ? 1 : 50 + (i % 7) * 40);
    lines.push(
      JSON.stringify({
        ocid: `ocds-${i}`,
        buyer: { id: `B${i % 11}` },
        tender: { procurementMethod: i % 5 === 0 ? "direct" : "open", procuringEntity: { id: `P${i % 3}` } },
        bids: {
          details: [
            { status: "valid", tenderers: [{ id: `T${i % 17}` }], value: { amount: w, currency: "GBP" } },
            {
              status: i % 4 ? "valid" : "disqualified",
              tenderers: [{ id: `T${(i + 5) % 17}` }],
              value: { amount: l, currency: "GBP" },
            },
          ],
        },
        awards: [
          {
            status: "active",
            suppliers: [{ id: `T${i % 17}` }],
            items: [{ classification: { id: `${10 + (i % 9)}000000` } }],
          },
        ],
      }),
    );
  }
  const file = join(dir, "big.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("nous flags indicators", () => {
  it("writes Cardinal's JSON, warns about lines that are not JSON, and counts results per group", () => {
    const r = nous([
      "flags",
      "indicators",
      "-s",
      join(fixtures, "settings.ini"),
      "--count",
      join(fixtures, "releases.jsonl"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"ocds-1":{"R003":1.0}');
    const out = JSON.parse(r.stdout);
    expect(out.OCID).toEqual({
      "ocds-1": { R003: 1 },
      "ocds-2": { R028: 1, R036: 1 },
      "ocds-3": { R035: 1 },
    });
    expect(out.Buyer).toBeUndefined();
    expect(out.Tenderer).toEqual({ T1: { R028: 1 }, T2: { R028: 1, R035: 0 } });
    expect(out.Meta.R038).toMatchObject({ Buyer_q1: 0.25, Buyer_q3: 0.5, Buyer_upper_fence: 0.875 });
    expect(r.stderr).toContain("releases.jsonl:4: not valid JSON, skipped");
    expect(r.stderr).toContain("OCID: 3\nTenderer: 2\n");
  });

  it("reads standard input, and leaves out Meta with --no-meta and adds Maps with --map", () => {
    const input = readFileSync(join(fixtures, "releases.jsonl"), "utf8");
    const r = nous(
      ["flags", "indicators", "-s", join(fixtures, "settings.ini"), "--no-meta", "--map", "-"],
      input,
    );
    const out = JSON.parse(r.stdout);
    expect(out.Meta).toBeUndefined();
    expect(out.Maps.ocid_tenderer_r028).toEqual({ "ocds-2": ["T1", "T2"] });
    expect(out.Maps.ocid_tenderer["ocds-2"]).toEqual(["T1", "T2", "T3"]);
  });

  it("gives the same result with worker threads as on one thread", () => {
    const file = bigFile(3000);
    const settings = join(fixtures, "settings.ini");
    const one = nous([
      "flags",
      "indicators",
      "-s",
      settings,
      "--map",
      "--workers",
      "1",
      "--today",
      "2025-12-31",
      file,
    ]);
    const two = nous([
      "flags",
      "indicators",
      "-s",
      settings,
      "--map",
      "--workers",
      "2",
      "--today",
      "2025-12-31",
      file,
    ]);
    expect(one.code).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(Object.keys(JSON.parse(one.stdout).OCID ?? {}).length).toBeGreaterThan(0);
  });

  it("fails on an unknown settings property, naming the file, line, section and key", () => {
    const ini = join(dir, "bad.ini");
    writeFileSync(ini, "[R024]\nthreshold = 0.1\nthreshhold = 1\n");
    const r = nous(["flags", "indicators", "-s", ini, join(fixtures, "releases.jsonl")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `nous: ${ini}:3: R024.threshhold: unknown property "threshhold" in section [R024]; expected one of threshold\n`,
    );
  });
});

describe("nous flags prepare and coverage", () => {
  it("writes corrected releases and quality issues", () => {
    const input = join(dir, "p.jsonl");
    writeFileSync(input, '{"ocid":"ocds-213czf-1","bids":{"details":[{"id":1}]}}\n');
    const out = join(dir, "prepared.jsonl");
    const errs = join(dir, "issues.csv");
    const r = nous(["flags", "prepare", "-o", out, "-e", errs, input]);
    expect(r.code).toBe(0);
    expect(readFileSync(errs, "utf8")).toBe("1,ocds-213czf-1,/bids/details[]/status,0,,not set\n");
    expect(readFileSync(out, "utf8")).toBe('{"ocid":"ocds-213czf-1","bids":{"details":[{"id":1}]}}\n');
  });

  it("counts field coverage", () => {
    const input = join(dir, "c.jsonl");
    writeFileSync(
      input,
      '{"phoneNumbers":[{"type":"home","number":"212"},{"type":"office","number":"646"}]}\n',
    );
    expect(
      execFileSync(process.execPath, [join(root, "bin", "nous.js"), "flags", "coverage", input], {
        encoding: "utf8",
        env: { ...process.env, NOUS_QUIET: "1" },
      }),
    ).toBe(
      '{"/phoneNumbers[]/type": 2, "/phoneNumbers[]/number": 2, "/phoneNumbers[]/": 2, "/phoneNumbers[]": 2, "/phoneNumbers": 1, "/": 1, "": 1}\n',
    );
  });
});
