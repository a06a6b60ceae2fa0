import { describe, expect, it } from "vitest";
import { parseContract } from "./contract-schema.ts";

describe("contract file", () => {
  it("turns pounds into pence and uses the London calendar by default", () => {
    const c = parseContract({
      contract: "x",
      decisionDate: "2015-07-15",
      annual: [{ start: "2015-10-01", amount: 23450000.5 }],
      breakPoints: [{ date: "2018-10-01", terminationCost: 1.25 }],
    });
    expect(c.payments.annual).toEqual([{ start: "2015-10-01", amount: 2_345_000_050 }]);
    expect(c.breakPoints).toEqual([{ date: "2018-10-01", terminationCost: 125 }]);
    expect(c.elections.body).toBe("Mayor of London");
  });

  it("names the path of a bad date or amount", () => {
    expect(() => parseContract({ contract: "x", decisionDate: "2015-13-01", annual: [] }, "c.json")).toThrow(
      "expected a date YYYY-MM-DD",
    );
    try {
      parseContract(
        { contract: "x", decisionDate: "2015-01-01", payments: [{ date: "2016-01-01", amount: 1.234 }] },
        "c.json",
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        message: "expected pounds with at most 2 decimals",
        location: { file: "c.json", path: "$.payments[0].amount" },
      });
    }
    expect(() => parseContract({ contract: "x", decisionDate: "2015-01-01" })).toThrow(
      'expected "payments" or "annual" amounts',
    );
  });
});
