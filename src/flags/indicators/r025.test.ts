import { describe, expect, it } from "vitest";
import { award, bid, run } from "../../../test/flags/run.ts";

/** A process in which `winner` beats `losers`. */
const rel = (ocid: string, winner: string, losers: string[], extra: object = {}) => ({
  ocid,
  bids: { details: [bid(winner, "valid", 1), ...losers.map((l) => bid(l, "valid", 2))] },
  awards: [award(winner)],
  ...extra,
});

describe("R025 excessive unsuccessful bids", () => {
  it("flags a top tenderer whose ratio of winning bids is at or below the threshold", () => {
    const releases = [
      rel("1", "A", ["F"]),
      rel("2", "B", ["F"]),
      rel("3", "C", ["F"]),
      rel("4", "D", ["F"]),
      rel("5", "E", ["F"]),
      rel("6", "F", ["A"]),
    ];
    const { json } = run("[R025]\nthreshold = 0.2", releases, { meta: true });
    expect(json.Tenderer).toEqual({ F: { R025: 1 / 6 } });
    // Valid bids: A 2, B–E 1, F 6; the 75th percentile is 2.3333, so F is the only top tenderer.
    expect(json.Meta.R025).toEqual({ lower_fence: 0.2, upper_fence: 2.3333 });
  });

  it("does not flag a tenderer with few bids, whatever its ratio", () => {
    const releases = [rel("1", "A", ["F", "G"]), rel("2", "A", ["F"]), rel("3", "A", ["H"])];
    // Valid bids: A 3, F 2, G 1, H 1; the 75th percentile is 2.583, so only A is a top tenderer.
    expect(run("[R025]\nthreshold = 1", releases).json).toEqual({ Tenderer: { A: { R025: 1 } } });
  });

  it("excludes pending awards, several active awards, joint bids and consortium awards", () => {
    const { json } = run("[R025]\nthreshold = 1\npercentile = 0", [
      rel("P", "A", ["F"], { awards: [award("A"), award("F", "pending")] }),
      rel("T", "A", ["F"], { awards: [award("A"), award("F")] }),
      rel("J", "A", ["F"], { bids: { details: [bid(["A", "B"], "valid", 1), bid("F", "valid", 2)] } }),
      rel("C", "A", ["F"], { awards: [award(["A", "B"])] }),
    ]);
    expect(json).toEqual({});
  });

  it("counts a tenderer once per process, however many valid bids it submitted there", () => {
    const releases = [
      {
        ocid: "many",
        bids: { details: [bid("A", "valid", 1), bid("A", "valid", 2), bid("A", "valid", 3)] },
        awards: [award("A")],
      },
      rel("2", "B", ["A"]),
    ];
    const { result } = run("[R025]\nthreshold = 1\npercentile = 0", releases);
    expect(result.flags.find((f) => f.id === "A")?.values).toMatchObject({ winningBids: 1, validBids: 2 });
  });

  it("computes both fences from the data when not configured: the percentile of valid bids and Q1 − 1.5·IQR", () => {
    // F bids in all six processes and wins one (ratio 1/6); five others bid once and win.
    const releases = [{ ocid: "0", bids: { details: [bid("F", "valid", 1)] }, awards: [award("F")] }];
    for (const t of ["P", "Q", "R", "S", "T"]) releases.push(rel(t, t, ["F"]));
    const { json } = run("[R025]", releases, { meta: true });
    expect(json.Tenderer).toEqual({ F: { R025: 1 / 6 } });
    // Valid bids: F 6, others 1: the 75th percentile is 1.4167. Ratios: Q1 = 0.9306, Q3 = 1.
    expect(json.Meta.R025).toEqual({ q1: 0.9306, q3: 1, lower_fence: 0.8264, upper_fence: 1.4167 });
    // The 100th percentile is the largest number of valid bids, which F has.
    expect(run("[R025]\npercentile = 100", releases).json).toEqual({ Tenderer: { F: { R025: 1 / 6 } } });
  });
});
