import { describe, expect, it } from "vitest";
import { award, bid, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, bids: unknown[], awards: unknown[] = [award("V")]) => ({
  ocid,
  bids: { details: bids },
  awards,
});

describe("R035 all except winning bid disqualified", () => {
  it("flags a process where only the winner's bids are valid, valued by the disqualified tenderers", () => {
    const { json } = run(
      "[R035]",
      [
        rel("F", [
          bid("V", "valid"),
          bid("D1", "disqualified"),
          bid("D2", "disqualified"),
          bid("D2", "disqualified"),
        ]),
        rel("N", [bid("V", "valid"), bid("X", "valid"), bid("D1", "disqualified")]),
      ],
      { map: true },
    );
    expect(json.OCID).toEqual({ F: { R035: 2 } });
    expect(json.Tenderer).toEqual({ V: { R035: 0 } });
    expect(json.Maps.ocid_tenderer_r035).toEqual({ F: ["V"] });
  });

  it("reads the threshold as the minimum number of disqualified tenderers", () => {
    const bids = [bid("V", "valid"), bid("D1", "disqualified"), bid("D2", "disqualified")];
    expect(run("[R035]\nthreshold = 3", [rel("F", bids)]).json).toEqual({});
    expect(run("[R035]\nthreshold = 2", [rel("F", bids)]).json.OCID).toEqual({ F: { R035: 2 } });
  });

  it("does not flag when the valid tenderer is not the supplier of all active awards, or none was disqualified", () => {
    const { json } = run("[R035]", [
      rel("Other", [bid("V", "valid"), bid("D", "disqualified")], [award("V"), award("X")]),
      rel("None", [bid("V", "valid"), bid("W", "withdrawn")]),
    ]);
    expect(json).toEqual({});
  });

  it("excludes a process with a pending or invalid award", () => {
    const { json } = run("[R035]", [
      rel("P", [bid("V", "valid"), bid("D", "disqualified")], [award("V"), award("V", "pending")]),
    ]);
    expect(json).toEqual({});
  });
});
