import { describe, expect, it } from "vitest";
import { allocate, splitPence } from "./payments.ts";

describe("payment profiles", () => {
  it("splits pence exactly", () => {
    expect(splitPence(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitPence(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(splitPence(7, [0, 0])).toEqual([0, 0]);
  });

  it("spreads an annual amount by day across a boundary", () => {
    // 2023-07-01 .. 2024-07-01 is 366 days: 184 before 2024-01-01, 182 after
    const r = allocate({ annual: [{ start: "2023-07-01", amount: 36_600 }] }, [
      { from: "2020-01-01", to: "2024-01-01" },
      { from: "2024-01-01", to: "2028-01-01" },
    ]);
    expect(r).toEqual({ perPeriod: [18_400, 18_200], outside: 0 });
  });

  it("puts dated payments in the period containing them, the rest outside", () => {
    const r = allocate(
      {
        payments: [
          { date: "2019-12-31", amount: 5 },
          { date: "2020-01-01", amount: 7 },
        ],
      },
      [{ from: "2020-01-01", to: "2024-01-01" }],
    );
    expect(r).toEqual({ perPeriod: [7], outside: 5 });
  });
});
