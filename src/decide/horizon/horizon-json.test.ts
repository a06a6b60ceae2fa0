import { describe, expect, it } from "vitest";
import { accountabilityHorizon } from "./horizon.ts";
import { horizonJson } from "./horizon-json.ts";

describe("horizonJson", () => {
  it("turns pence into decimal strings and leaves shares as numbers", () => {
    const r = horizonJson(
      accountabilityHorizon({
        contract: "c",
        decisionDate: "2020-06-01",
        elections: { body: "Council", dates: ["2020-01-01"], termYears: 4, next: "same-day" },
        payments: { payments: [{ date: "2021-01-01", amount: 123_45 }] },
        breakPoints: [{ date: "2020-12-01", terminationCost: 5_00 }],
      }),
    );
    expect(r.total).toBe("123.45");
    expect(r.administrations[0]).toMatchObject({ committed: "123.45", shareOfContract: 1 });
    expect(r.breakPoints[0]).toMatchObject({
      terminationCost: "5.00",
      paymentsAfter: "123.45",
      paymentsBefore: "0.00",
    });
  });
});
