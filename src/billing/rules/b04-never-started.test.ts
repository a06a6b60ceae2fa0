import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B04 never-started", () => {
  it("an order with no start event is never monitored", () => {
    const w = baseWorld();
    w.serviceEvents = [];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    expect(results(w)).toEqual({ "L1 B04": [31, 31000] });
  });
  it("days before a late start are not due; the start day is", () => {
    const w = baseWorld();
    w.serviceEvents = [{ orderId: "O1", subjectId: "S1", event: "start", date: "2015-01-11" }];
    w.invoiceLines = [line("L1", "2015-01-01", "2015-01-31")];
    expect(results(w)).toEqual({ "L1 B04": [10, 10000] });
  });
  it("a start before the order begins counts from the order's first day", () => {
    const w = baseWorld();
    w.serviceEvents = [{ orderId: "O1", subjectId: "S1", event: "start", date: "2014-12-20" }];
    w.invoiceLines = [line("L1", "2014-12-31", "2015-01-02")];
    expect(results(w)).toEqual({ "L1 B02": [1, 1000] });
  });
});
