import { describe, expect, it } from "vitest";
import { award, bid, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, bidDate: string, extra: object = {}) => ({
  ocid,
  tender: { tenderPeriod: { endDate: "2022-03-15T12:00:00Z" } },
  bids: {
    details: [
      bid("W", "valid", 1, { date: bidDate }),
      bid("L", "valid", 2, { date: "2022-04-01T00:00:00Z" }),
    ],
  },
  awards: [award("W")],
  ...extra,
});

describe("R030 late bid won", () => {
  it("flags a process whose winning valid bid came after the deadline, and the winner", () => {
    const { json } = run("[R030]", [rel("F", "2022-04-01T00:00:00Z"), rel("N", "2022-03-15T11:59:59Z")], {
      map: true,
    });
    expect(json.OCID).toEqual({ F: { R030: 1 } });
    expect(json.Tenderer).toEqual({ W: { R030: 1 } });
    expect(json.Maps.ocid_tenderer_r030).toEqual({ F: ["W"] });
  });

  it("does not flag a late bid that lost, was disqualified, or a process without a deadline", () => {
    const { json } = run("[R030]", [
      rel("Lost", "2022-03-01T00:00:00Z"),
      rel("Disq", "2022-04-01T00:00:00Z", {
        bids: { details: [bid("W", "disqualified", 1, { date: "2022-04-01T00:00:00Z" })] },
      }),
      rel("NoDeadline", "2022-04-01T00:00:00Z", { tender: {} }),
      rel("NoAward", "2022-04-01T00:00:00Z", { awards: [award("W", "cancelled")] }),
    ]);
    expect(json).toEqual({});
  });
});
