import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B02 no-order", () => {
  it("the first and last day of an order are covered; the days outside are not", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2014-12-30", "2015-01-01"), line("L2", "2015-12-31", "2016-01-02")];
    expect(results(w)).toEqual({ "L1 B02": [2, 2000], "L2 B02": [2, 2000] });
  });
  it("an order for another service does not cover", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-10", { serviceCode: "GPS" })];
    // No price for GPS either, but no-order comes first on every day.
    expect(results(w)).toEqual({ "L1 B02": [10, 10000] });
  });
  it("another order of the subject for the service covers, whatever order_id the line quotes", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-10", { orderId: "O-UNKNOWN" })];
    expect(results(w)).toEqual({});
  });
});
