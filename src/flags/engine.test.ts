import { describe, expect, it } from "vitest";
import { cardinalJson, indicatorMetadata, runIndicators } from "./engine.ts";
import { INDICATOR_CODES, parseSettings } from "./settings.ts";

const releases = [
  {
    ocid: "A",
    buyer: { id: "B" },
    tender: { procurementMethod: "open", numberOfTenderers: 1 },
    bids: { details: [{ status: "valid", tenderers: [{ id: "T" }], value: { amount: 5, currency: "GBP" } }] },
    awards: [{ status: "active", suppliers: [{ id: "T" }] }],
  },
];

describe("engine", () => {
  it("explains every indicator: name, definition, methodology, risk, output, settings, groups", () => {
    const meta = indicatorMetadata();
    expect(meta.map((m) => m.code)).toEqual([...INDICATOR_CODES]);
    for (const m of meta) {
      for (const k of ["name", "definition", "methodology", "risk", "output"] as const)
        expect(m[k].length).toBeGreaterThan(10);
      expect(m.groups.length).toBeGreaterThan(0);
    }
  });

  it("runs on any iterable of releases and carries what tripped each flag", () => {
    const result = runIndicators(parseSettings("[R018]\n[R036]"), releases, { today: "2025-12-31" });
    expect(result.processes).toBe(1);
    expect(result.currency).toBeUndefined();
    expect(result.flags).toEqual([
      {
        code: "R018",
        group: "OCID",
        id: "A",
        value: 1,
        measured: 1,
        threshold: 1,
        comparison: "=",
        thresholdSource: "default",
        values: { procurementMethod: "open", numberOfTenderers: 1 },
      },
    ]);
  });

  it("writes Details with --explain, keeping the Cardinal keys intact", () => {
    const result = runIndicators(parseSettings("[R018]"), releases, { today: "2025-12-31" });
    const text = cardinalJson(result, { meta: true, explain: true });
    expect(text.startsWith('{"OCID":{"A":{"R018":1.0}},"Meta":{},"Details":[')).toBe(true);
    expect(JSON.parse(text).Details[0]).toMatchObject({ code: "R018", id: "A" });
    expect(cardinalJson(runIndicators(parseSettings(""), [], { today: "2025-12-31" }), { meta: false })).toBe(
      "{}",
    );
  });

  it("gives the same result when partial results from chunks are reduced", async () => {
    const { Engine } = await import("./engine.ts");
    const settings = parseSettings("[R024]\n[R025]\n[R038]\nminimum_contracting_processes = 1\n");
    const many = Array.from({ length: 40 }, (_, i) => ({
      ocid: `o${i}`,
      buyer: { id: `B${i % 3}` },
      bids: {
        details: [
          { status: "valid", tenderers: [{ id: `T${i % 5}` }], value: { amount: 100, currency: "GBP" } },
          {
            status: i % 4 ? "valid" : "disqualified",
            tenderers: [{ id: `T${(i + 1) % 5}` }],
            value: { amount: 100 + i, currency: "GBP" },
          },
        ],
      },
      awards: [{ status: "active", suppliers: [{ id: `T${i % 5}` }] }],
    }));
    const engine = new Engine(settings, { today: "2025-12-31" });
    let a = engine.init();
    let b = engine.init();
    for (const r of many.slice(0, 17)) a = engine.fold(a, r);
    for (const r of many.slice(17)) b = engine.fold(b, r);
    const split = cardinalJson(engine.finalize(engine.reduce(a, b)));
    expect(split).toBe(cardinalJson(runIndicators(settings, many, { today: "2025-12-31" })));
  });
});
