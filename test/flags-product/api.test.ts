/**
 * The red-flags API over real HTTP on the demo database: the flags planted in the demo releases
 * come back with their explanation, a bad settings key is refused naming it, and the answer is
 * what the engine gives on the same compiled releases.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mopacOcid, DEMO_ORG_IDS, MOPAC_NAME, PLANTED, SSCL_OCID } from "../../src/demo/releases.ts";
import { runIndicators, toCardinal } from "../../src/flags/engine.ts";
import { DEFAULT_SETTINGS_INI } from "../../src/flags/default-settings.ts";
import { allIndicatorsSettings } from "../../src/flags/settings.ts";
import { compileRelease } from "../../src/ocds/merge.ts";
import type { JsonObject } from "../../src/ocds/types.ts";
import { listReleases } from "../../src/store/releases.ts";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

interface Flag {
  code: string;
  name: string;
  value: number;
  measured?: number;
  threshold?: number;
  comparison?: string;
  thresholdSource?: string;
  quartiles?: Record<string, number>;
  values?: Record<string, unknown>;
}
interface Entry {
  id: string;
  name: string | null;
  flags: Flag[];
}
interface Run {
  notice: string;
  buyer: string | null;
  processes: number;
  releases: number;
  maxReleases: number;
  groups: Record<"OCID" | "Buyer" | "ProcuringEntity" | "Tenderer", Entry[]>;
  indicators: { code: string; definition: string; risk: string }[];
  cardinal: Record<string, unknown>;
}

const q = (params: Record<string, string>) => `/api/flags?${new URLSearchParams(params).toString()}`;

function flagOf(run: Run, group: keyof Run["groups"], id: string, code: string): Flag | undefined {
  return run.groups[group].find((e) => e.id === id)?.flags.find((f) => f.code === code);
}

describe("red flags API", () => {
  let server: DemoServer;
  let mopac: Run;
  beforeAll(async () => {
    server = await startDemoServer();
    const res = await call(server, "public", "GET", q({ buyer: MOPAC_NAME }));
    expect(res.status).toBe(200);
    mopac = res.json as Run;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lists the buyers of the stored releases", async () => {
    const res = await call(server, "scrutineer", "GET", "/api/flags/buyers");
    expect(res.status).toBe(200);
    const buyers = (res.json as { buyers: { buyer: string; processes: number }[] }).buyers;
    const m = buyers.find((b) => b.buyer === MOPAC_NAME);
    // 48 open tenders, 6 direct awards, the SSCL award and the open custody healthcare tender.
    expect(m?.processes).toBe(56);
    expect(buyers.map((b) => b.buyer)).toContain("Metropolitan Police Service");
  });

  it("returns the planted process flags for MOPAC, with the lead-not-verdict notice", () => {
    expect(mopac.notice).toMatch(/never a verdict/);
    expect(mopac.processes).toBe(56);
    expect(mopac.releases).toBe(48 * 2 + 6 + 1 + 1);
    const planted: [readonly number[], string][] = [
      [PLANTED.singleBid, "R018"],
      [PLANTED.shortPeriod, "R003"],
      [PLANTED.lowestDisqualified, "R036"],
      [PLANTED.allButWinnerDisqualified, "R035"],
      [PLANTED.identicalPrices, "R028"],
      [PLANTED.heavilyDiscounted, "R058"],
      [PLANTED.closeToWinner, "R024"],
      [PLANTED.sharedAddress, "R044"],
      [PLANTED.lateWinningBid, "R030"],
    ];
    for (const [ns, code] of planted)
      for (const n of ns) expect(flagOf(mopac, "OCID", mopacOcid(n), code), `${code} on ${n}`).toBeDefined();
    // Nothing flags the SSCL award or a clean process.
    expect(mopac.groups.OCID.find((e) => e.id === SSCL_OCID)).toBeUndefined();
    expect(mopac.groups.OCID.find((e) => e.id === mopacOcid(1))).toBeUndefined();
  });

  it("explains a short submission period with its days and the default threshold", () => {
    const f = flagOf(mopac, "OCID", mopacOcid(8), "R003");
    expect(f).toMatchObject({
      name: expect.stringMatching(/submission period/i),
      measured: expect.any(Number),
      threshold: 15,
      comparison: "<",
      thresholdSource: "default",
    });
    expect(f?.measured).toBeLessThan(15);
    expect(f?.values).toHaveProperty("days", f?.measured);
    const entry = mopac.groups.OCID.find((e) => e.id === mopacOcid(8));
    expect(entry?.name).toMatch(/demo MOPAC 8/);
    const meta = mopac.indicators.find((m) => m.code === "R003");
    expect(meta?.definition.length).toBeGreaterThan(10);
    expect(meta?.risk.length).toBeGreaterThan(10);
  });

  it("explains a heavily discounted bid with the computed fence and its quartiles", () => {
    const f = flagOf(mopac, "OCID", mopacOcid(24), "R058");
    expect(f?.thresholdSource).toBe("quartiles");
    expect(f?.quartiles).toHaveProperty("q1");
    expect(f?.quartiles).toHaveProperty("q3");
    expect(f?.quartiles?.upper_fence).toBeCloseTo(f?.threshold ?? Number.NaN, 4);
    expect(f?.value).toBeCloseTo(0.65, 6);
    expect(f?.values).toMatchObject({ winningBidAmount: expect.any(Number) });
  });

  it("flags the large total of direct awards to one supplier, and the tenderers sharing an address", () => {
    const buyer = flagOf(mopac, "Buyer", DEMO_ORG_IDS.mopac, "R055");
    expect(buyer?.value).toBe(48_000 + 47_500 + 49_000 + 46_000);
    expect(buyer?.threshold).toBe(150_000);
    expect(mopac.groups.Buyer[0]?.name).toBe(MOPAC_NAME);
    const rapid = mopac.groups.Tenderer.find((e) => e.id === DEMO_ORG_IDS.rapid);
    expect(rapid?.name).toMatch(/Rapid Response Consulting Ltd \(fictional\)/);
    expect(flagOf(mopac, "Tenderer", DEMO_ORG_IDS.harbour, "R044")).toBeDefined();
    expect(flagOf(mopac, "Tenderer", DEMO_ORG_IDS.quayside, "R044")).toBeDefined();
  });

  it("equals the engine run directly on the same compiled releases", async () => {
    const rows = await listReleases(server.store);
    const ocids = new Set(rows.filter((r) => r.buyer === MOPAC_NAME).map((r) => r.ocid));
    const byOcid = new Map<string, JsonObject[]>();
    for (const r of rows) {
      if (!ocids.has(r.ocid)) continue;
      const list = byOcid.get(r.ocid) ?? [];
      list.push(JSON.parse(r.data_json) as JsonObject);
      byOcid.set(r.ocid, list);
    }
    const compiled = [...byOcid.keys()].sort().map((o) => compileRelease(byOcid.get(o) ?? []));
    const direct = toCardinal(runIndicators(allIndicatorsSettings(), compiled));
    expect(mopac.cardinal).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it("gives the compiled releases to download, on which the CLI gives the API's result", async () => {
    const res = await fetch(
      `${server.base}/api/flags/compiled.jsonl?${new URLSearchParams({ buyer: MOPAC_NAME })}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const text = await res.text();
    expect(text.trimEnd().split("\n")).toHaveLength(mopac.processes);
    // Every indicator with its defaults, and one R055 period for both (the CLI's default is the last 365 days).
    const settings = DEFAULT_SETTINGS_INI.replace(
      "; start_date = 2025-01-01\n; end_date = 2025-12-31",
      "start_date = 2000-01-01\nend_date = 2099-12-31",
    );
    const api = (await call(server, "public", "GET", q({ buyer: MOPAC_NAME, settings }))).json as Run;
    expect(Object.keys(api.cardinal.Tenderer as object).length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), "nous-flags-download-"));
    try {
      writeFileSync(join(dir, "compiled.jsonl"), text);
      writeFileSync(join(dir, "settings.ini"), settings);
      const cli = spawnSync(
        process.execPath,
        ["bin/nous.js", "flags", "indicators", "-s", join(dir, "settings.ini"), join(dir, "compiled.jsonl")],
        { encoding: "utf8" },
      );
      expect(cli.status).toBe(0);
      expect(JSON.parse(cli.stdout)).toEqual(api.cardinal);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the indicators a settings file enables, with its thresholds", async () => {
    const res = await call(
      server,
      "scrutineer",
      "GET",
      q({ buyer: MOPAC_NAME, settings: "[R003]\nthreshold = 11\n" }),
    );
    expect(res.status).toBe(200);
    const run = res.json as Run;
    expect(run.indicators.map((m) => m.code)).toEqual(["R003"]);
    // Planted periods: 12 days (process 8), 7 days (21 and 33).
    expect(run.groups.OCID.map((e) => e.id)).toEqual([mopacOcid(21), mopacOcid(33)]);
    expect(flagOf(run, "OCID", mopacOcid(21), "R003")).toMatchObject({
      threshold: 11,
      thresholdSource: "settings",
    });
  });

  it("refuses an unknown settings key with 400 naming the section and key", async () => {
    const res = await call(server, "public", "GET", q({ settings: "[R003]\nthreshhold = 11\n" }));
    expect(res.status).toBe(400);
    const body = res.json as { error: string; message: string; details: { path: string; line: number } };
    expect(body.error).toBe("bad_settings");
    expect(body.message).toMatch(/unknown property "threshhold" in section \[R003\]/);
    expect(body.details).toMatchObject({ path: "R003.threshhold", line: 2 });
  });

  it("runs on all buyers, and answers an unknown buyer with no processes", async () => {
    const all = (await call(server, "public", "GET", "/api/flags")).json as Run;
    expect(all.buyer).toBeNull();
    expect(all.processes).toBeGreaterThan(mopac.processes);
    expect(all.maxReleases).toBeGreaterThan(1000);
    const none = (await call(server, "public", "GET", q({ buyer: "Nobody" }))).json as Run;
    expect(none.processes).toBe(0);
    expect(none.groups.OCID).toEqual([]);
  });

  it("lists the indicators with their explanation, and one by code", async () => {
    const list = (await call(server, "public", "GET", "/api/flags/indicators")).json as {
      indicators: { code: string; risk: string }[];
    };
    expect(list.indicators.map((m) => m.code)).toContain("R058");
    const one = await call(server, "public", "GET", "/api/flags/indicators/r036");
    expect(one.status).toBe(200);
    expect((one.json as { indicator: { code: string } }).indicator.code).toBe("R036");
    expect((await call(server, "public", "GET", "/api/flags/indicators/R999")).status).toBe(404);
  });
});
