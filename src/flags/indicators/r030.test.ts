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

  it("compares the bid and the deadline in time, whatever their time zones or fractions of a second", () => {
    const { json } = run("[R030]", [
      // 08:30 in New York is 13:30 UTC: after the 12:00Z deadline, though its text sorts before it.
      rel("LateInNewYork", "2022-03-15T08:30:00-05:00"),
      // 13:30 in Paris is 12:30 UTC... but the deadline here is 12:00Z: late.
      rel("LateInParis", "2022-03-15T13:30:00+01:00"),
      // 12:30 in Paris is 11:30 UTC: on time, though its text sorts after the deadline.
      rel("OnTimeInParis", "2022-03-15T12:30:00+01:00"),
      // The deadline itself, written with milliseconds: not after it.
      rel("AtDeadline", "2022-03-15T12:00:00.000Z"),
    ]);
    expect(json.OCID).toEqual({ LateInNewYork: { R030: 1 }, LateInParis: { R030: 1 } });
  });
});
