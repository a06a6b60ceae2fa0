/**
 * Each red-flag indicator's thresholds and date boundaries, as its docs state them, tested at
 * the fence and one step either side: turning a `<=` into `<` (or moving a date by one) in an
 * indicator must fail one of these.
 */
import { describe, expect, it } from "vitest";
import { award, bid, run } from "../flags/run.ts";

/** OCIDs flagged in the OCID group. */
const ocids = (json: { OCID?: Record<string, unknown> }) => Object.keys(json.OCID ?? {}).sort();

describe("R003: flagged when the period is shorter than the threshold in whole days", () => {
  const rel = (ocid: string, end: string) => ({
    ocid,
    tender: {
      procurementMethod: "open",
      tenderPeriod: { startDate: "2022-03-01T00:00:00Z", endDate: end },
    },
  });
  it("14 days flagged; 15 (the default threshold) and 16 not", () => {
    const { json } = run("[R003]", [
      rel("d14", "2022-03-15T00:00:00Z"),
      rel("d15", "2022-03-16T00:00:00Z"),
      rel("d16", "2022-03-17T00:00:00Z"),
    ]);
    expect(ocids(json)).toEqual(["d14"]);
  });
  it("a configured threshold of 5: 4 days flagged, 5 and 6 not", () => {
    const { json } = run("[R003]\nthreshold = 5", [
      rel("d4", "2022-03-05T00:00:00Z"),
      rel("d5", "2022-03-06T00:00:00Z"),
      rel("d6", "2022-03-07T00:00:00Z"),
    ]);
    expect(ocids(json)).toEqual(["d4"]);
  });
  it("whole days: one second short of 15 days is 14 days", () => {
    const { json } = run("[R003]", [rel("short", "2022-03-15T23:59:59Z")]);
    expect(ocids(json)).toEqual(["short"]);
  });
});

describe("R018: flagged when exactly one tenderer bid", () => {
  const rel = (ocid: string, n: number) => ({ ocid, tender: { procurementMethod: "open", numberOfTenderers: n } });
  it("0 and 2 tenderers not flagged; 1 flagged", () => {
    expect(ocids(run("[R018]", [rel("n0", 0), rel("n1", 1), rel("n2", 2)]).json)).toEqual(["n1"]);
  });
});

describe("R024: flagged when the difference is less than or equal to the fence", () => {
  const rel = (ocid: string, w: number, l: number) => ({
    ocid,
    bids: { details: [bid("W", "valid", w), bid("L", "valid", l)] },
    awards: [award("W")],
  });
  it("threshold 0.05: a difference of 0.04 and exactly 0.05 are flagged, 0.06 is not", () => {
    const { json, result } = run("[R024]\nthreshold = 0.05", [
      rel("below", 100, 104),
      rel("on", 100, 105),
      rel("above", 100, 106),
    ]);
    expect(ocids(json)).toEqual(["below", "on"]);
    expect(result.flags.find((f) => f.id === "on")).toMatchObject({ measured: 0.05, threshold: 0.05, comparison: "<=" });
  });
});

describe("R025: flagged when a top tenderer's ratio of wins is at or below the fence", () => {
  /** `ocid` won by `winner` against `losers`. */
  const rel = (ocid: string, winner: string, losers: string[]) => ({
    ocid,
    bids: { details: [bid(winner, "valid", 1), ...losers.map((l) => bid(l, "valid", 2))] },
    awards: [award(winner)],
  });
  // A, B and C each bid in 4 processes: A wins 1 (0.25), B wins 2 (0.5), C wins 0 (0).
  const releases = [
    rel("1", "A", ["B", "C"]),
    rel("2", "B", ["A", "C"]),
    rel("3", "B", ["A", "C"]),
    rel("4", "X", ["A", "C"]),
  ];
  it("threshold 0.25 with every tenderer counted as top: 0 and exactly 0.25 flagged, 0.5 not", () => {
    const { json } = run("[R025]\nthreshold = 0.25\npercentile = 0", releases);
    expect(Object.keys(json.Tenderer ?? {}).sort()).toEqual(["A", "C"]);
  });
  it("a tenderer with exactly the percentile's number of bids is a top tenderer; one bid fewer is not", () => {
    // Valid bids: A 4, B 3, C 4, X 1. With percentile 50 the cut is 3.5 (between B and A): A and C
    // are top; B (3 bids) is not, whatever its ratio.
    const at50 = run("[R025]\nthreshold = 0.9\npercentile = 50", releases).json;
    expect(Object.keys(at50.Tenderer ?? {}).sort()).toEqual(["A", "C"]);
  });
});

describe("R030: flagged when the winning bid is after the deadline", () => {
  const rel = (ocid: string, date: string) => ({
    ocid,
    tender: { tenderPeriod: { endDate: "2022-03-15T12:00:00Z" } },
    bids: { details: [bid("W", "valid", 1, { date }), bid("L", "valid", 2, { date: "2022-03-01T00:00:00Z" })] },
    awards: [award("W")],
  });
  it("one second before and exactly at the deadline are on time; one second after is late", () => {
    const { json } = run("[R030]", [
      rel("before", "2022-03-15T11:59:59Z"),
      rel("on", "2022-03-15T12:00:00Z"),
      rel("after", "2022-03-15T12:00:01Z"),
    ]);
    expect(ocids(json)).toEqual(["after"]);
  });
});

describe("R035: flagged when at least `threshold` other tenderers were disqualified", () => {
  const rel = (ocid: string, disqualified: number) => ({
    ocid,
    bids: {
      details: [
        bid("V", "valid"),
        ...Array.from({ length: disqualified }, (_, i) => bid(`D${i}`, "disqualified")),
      ],
    },
    awards: [award("V")],
  });
  it("threshold 2: one disqualified tenderer not flagged, two and three flagged", () => {
    const { json } = run("[R035]\nthreshold = 2", [rel("d1", 1), rel("d2", 2), rel("d3", 3)]);
    expect(ocids(json)).toEqual(["d2", "d3"]);
  });
  it("default threshold 1: none disqualified not flagged, one flagged", () => {
    const { json } = run("[R035]", [rel("d0", 0), rel("d1", 1)]);
    expect(ocids(json)).toEqual(["d1"]);
  });
});

describe("R036: flagged when the lowest submitted bid is disqualified", () => {
  const rel = (ocid: string, disqualified: number, disqualifiedFirst = true) => {
    const d = bid("A", "disqualified", disqualified);
    const v = bid("B", "valid", 100);
    return { ocid, bids: { details: disqualifiedFirst ? [d, v] : [v, d] }, awards: [award("B")] };
  };
  it("a disqualified bid one below the lowest other bid is flagged, one above is not", () => {
    const { json } = run("[R036]", [rel("below", 99), rel("above", 101)]);
    expect(ocids(json)).toEqual(["below"]);
  });
  it("on a tie the first of the lowest bids counts (as its docs state)", () => {
    const { json } = run("[R036]", [rel("disqualifiedFirst", 100), rel("validFirst", 100, false)]);
    expect(ocids(json)).toEqual(["disqualifiedFirst"]);
  });
});

describe("R038: flagged when a ratio of disqualified bids is at or above the fence (and the fence is above 0)", () => {
  const rel = (ocid: string, buyer: string, statuses: string[]) => ({
    ocid,
    buyer: { id: buyer },
    bids: { details: statuses.map((s, i) => bid(`${ocid}-T${i}`, s)) },
  });
  it("threshold 0.5: ratios 0.25 not flagged, exactly 0.5 and 0.75 flagged", () => {
    const q = ["disqualified", "valid", "valid", "valid"];
    const h = ["disqualified", "disqualified", "valid", "valid"];
    const t = ["disqualified", "disqualified", "disqualified", "valid"];
    const { json } = run("[R038]\nthreshold = 0.5", [
      rel("1", "Quarter", q),
      rel("2", "Quarter", q),
      rel("3", "Half", h),
      rel("4", "Half", h),
      rel("5", "ThreeQuarters", t),
      rel("6", "ThreeQuarters", t),
    ]);
    expect(Object.keys(json.Buyer ?? {}).sort()).toEqual(["Half", "ThreeQuarters"]);
  });
  it("a configured threshold of 0 flags nobody (a fence at 0 is not used)", () => {
    const { json } = run("[R038]\nthreshold = 0", [
      rel("1", "B", ["disqualified", "valid"]),
      rel("2", "B", ["disqualified", "valid"]),
    ]);
    expect(json.Buyer).toBeUndefined();
  });
  it("minimum_contracting_processes 3 (compared with submitted bids): 2 bids excluded, 3 and 4 counted", () => {
    const ini = "[R038]\nthreshold = 0.1\nminimum_contracting_processes = 3";
    const { json } = run(ini, [
      rel("1", "Two", ["disqualified", "valid"]),
      rel("2", "Three", ["disqualified", "valid", "valid"]),
      rel("3", "Four", ["disqualified", "valid", "valid", "valid"]),
    ]);
    expect(Object.keys(json.Buyer ?? {}).sort()).toEqual(["Four", "Three"]);
  });
  it("minimum_submitted_bids 2 for tenderers: one bid excluded, two counted", () => {
    const { json } = run("[R038]\nthreshold = 0.1", [
      { ocid: "1", bids: { details: [bid("One", "disqualified"), bid("Two", "disqualified")] } },
      { ocid: "2", bids: { details: [bid("Two", "disqualified"), bid("Other", "valid")] } },
    ]);
    expect(Object.keys(json.Tenderer ?? {}).sort()).toEqual(["Two"]);
  });
});

describe("R048: flagged when a supplier's variety is at or above the fence", () => {
  const rel = (ocid: string, supplier: string, codes: string[]) => ({
    ocid,
    awards: [award(supplier, "active", { items: codes.map((id) => ({ classification: { scheme: "CPV", id } })) })],
  });
  it("threshold 2: one class not flagged, exactly two and three flagged", () => {
    const { json } = run("[R048]\nthreshold = 2\nminimum_contracting_processes = 1", [
      rel("1", "One", ["45000000"]),
      rel("2", "Two", ["45000000", "72000000"]),
      rel("3", "Three", ["45000000", "72000000", "33000000"]),
    ]);
    expect(Object.keys(json.Tenderer ?? {}).sort()).toEqual(["Three", "Two"]);
  });
  it("minimum_contracting_processes 2: a supplier with one process does not inform the fence, one with two does", () => {
    // Without a threshold the fence comes from suppliers with at least 2 processes: A (1 class) and
    // B (1 class) give a fence of 1, so both are flagged; C (1 process, 3 classes) does not move it.
    const { json, result } = run("[R048]\nminimum_contracting_processes = 2", [
      rel("1", "A", ["45000000"]),
      rel("2", "A", ["45000000"]),
      rel("3", "B", ["72000000"]),
      rel("4", "B", ["72000000"]),
      rel("5", "C", ["45000000", "72000000", "33000000"]),
    ], { meta: true });
    expect(json.Meta.R048).toEqual({ q1: 1, q3: 1, upper_fence: 1 });
    expect(result.flags.length).toBeGreaterThan(0);
  });
});

describe("R055: flagged when a total of direct awards in the period is at or above the threshold", () => {
  const direct = (ocid: string, amount: number, date = "2025-06-01T00:00:00Z", supplier = "S") => ({
    ocid,
    buyer: { id: `B-${ocid}` },
    tender: { procurementMethod: "direct" },
    awards: [award(supplier, "active", { date, value: { amount, currency: "GBP" } })],
  });
  const ini = "[R055]\nthreshold = 1000\nstart_date = 2025-01-01\nend_date = 2025-12-31";
  it("999 not flagged; exactly 1000 and 1001 flagged", () => {
    const { json } = run(ini, [direct("a", 999), direct("b", 1000), direct("c", 1001)]);
    expect(Object.keys(json.Buyer ?? {}).sort()).toEqual(["B-b", "B-c"]);
  });
  it("the period includes its first and last day, and not the days either side", () => {
    const { json } = run(ini, [
      direct("dayBefore", 1000, "2024-12-31T23:59:59Z"),
      direct("firstDay", 1000, "2025-01-01T00:00:00Z"),
      direct("lastDay", 1000, "2025-12-31T23:59:59Z"),
      direct("lastInstant", 1000, "2025-12-31T23:59:59.999Z"),
      direct("dayAfter", 1000, "2026-01-01T00:00:00Z"),
    ]);
    expect(Object.keys(json.Buyer ?? {}).sort()).toEqual(["B-firstDay", "B-lastDay", "B-lastInstant"]);
  });
  it("the default period runs from today − 365 days to the end of today; the second before and the day after are out", () => {
    const { json } = run("[R055]\nthreshold = 1000", [
      direct("today", 1000, "2025-12-31T23:59:59Z"),
      direct("first", 1000, "2024-12-31T00:00:00Z"),
      direct("before", 1000, "2024-12-30T23:59:59Z"),
      direct("tomorrow", 1000, "2026-01-01T00:00:00Z"),
    ], { today: "2025-12-31" });
    expect(Object.keys(json.Buyer ?? {}).sort()).toEqual(["B-first", "B-today"]);
  });
});

describe("R058: flagged when the difference is greater than or equal to the fence", () => {
  const rel = (ocid: string, w: number, l: number) => ({
    ocid,
    bids: { details: [bid("W", "valid", w), bid("L", "valid", l)] },
    awards: [award("W")],
  });
  it("threshold 0.5: 0.49 not flagged; exactly 0.5 and 0.51 flagged", () => {
    const { json } = run("[R058]\nthreshold = 0.5", [rel("below", 100, 149), rel("on", 100, 150), rel("above", 100, 151)]);
    expect(ocids(json)).toEqual(["above", "on"]);
  });
});

describe("R028 and R044: at least two different tenderers", () => {
  it("R028: two tenderers with the same price flagged; one tenderer bidding the same price twice not", () => {
    const rel = (ocid: string, a: string, b: string) => ({
      ocid,
      bids: { details: [bid(a, "valid", 100), bid(b, "valid", 100)] },
      awards: [award(a)],
    });
    const { json } = run("[R028]", [rel("two", "A", "B"), rel("one", "A", "A")]);
    expect(ocids(json)).toEqual(["two"]);
  });
});
