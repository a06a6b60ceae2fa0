import { describe, expect, it } from "vitest";
import { bid, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, buyer: string, bids: unknown[], pe?: string) => ({
  ocid,
  buyer: { id: buyer },
  ...(pe ? { tender: { procuringEntity: { id: pe } } } : {}),
  bids: { details: bids },
});

describe("R038 excessive disqualified bids", () => {
  it("flags a buyer whose ratio of disqualified bids is at or above the upper fence", () => {
    const { json } = run(
      "[R038]",
      [
        rel("1", "B", [bid("T1", "valid"), bid("T2", "disqualified")]),
        rel("2", "B", [bid("T3", "valid"), bid("T4", "disqualified")]),
      ],
      { map: true },
    );
    expect(json.Buyer).toEqual({ B: { R038: 0.5 } });
    expect(json.Maps.ocid_buyer_r038).toEqual({ "1": "B", "2": "B" });
  });

  it("flags procuring entities and tenderers against the fence of their own group", () => {
    const releases = [
      rel("1", "B1", [bid("T", "disqualified"), bid("U", "valid")], "P"),
      rel("2", "B1", [bid("T", "disqualified"), bid("U", "valid")], "P"),
    ];
    const { json } = run("[R038]\nthreshold = 0.9", releases);
    expect(json).toEqual({ Tenderer: { T: { R038: 1 } } });
    const loose = run("[R038]\nthreshold = 0.5", releases).json;
    expect(loose.ProcuringEntity).toEqual({ P: { R038: 0.5 } });
    expect(loose.Buyer).toEqual({ B1: { R038: 0.5 } });
  });

  it("excludes organizations with fewer submitted bids than the minimums", () => {
    // Cardinal compares minimum_contracting_processes with the bids submitted to a buyer.
    const releases = [rel("1", "B", [bid("T", "disqualified")])];
    expect(run("[R038]\nthreshold = 0.1", releases).json).toEqual({});
    const lowered = run(
      "[R038]\nthreshold = 0.1\nminimum_contracting_processes = 1\nminimum_submitted_bids = 1",
      releases,
    );
    expect(lowered.json).toEqual({ Buyer: { B: { R038: 1 } }, Tenderer: { T: { R038: 1 } } });
  });

  it("reports the quartiles per group in Meta, and skips a group whose fence is 0", () => {
    const releases = [
      rel("1", "B", [bid("W1", "valid"), bid("D", "disqualified")]),
      ...["1", "2", "3", "4", "5", "6"].map((b) =>
        rel(`x${b}`, b, [bid(`W${b}`, "valid"), bid(`V${b}`, "valid")]),
      ),
    ];
    const { json } = run("[R038]", releases, { meta: true });
    expect(json.Buyer).toBeUndefined();
    expect(json.Meta.R038).toMatchObject({ Buyer_q1: 0, Buyer_q3: 0, Buyer_upper_fence: 0 });
    const one = run("[R038]", [rel("1", "B", [bid("W1", "valid"), bid("D", "disqualified")])], {
      meta: true,
    });
    expect(one.json.Buyer).toEqual({ B: { R038: 0.5 } });
    expect(one.json.Meta.R038).toEqual({ Buyer_q1: 0.5, Buyer_q3: 0.5, Buyer_upper_fence: 0.5 });
  });
});
