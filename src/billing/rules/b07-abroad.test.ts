import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B07 abroad", () => {
  it("the departure day is not due, the return day is", () => {
    const w = baseWorld();
    w.departures = [{ subjectId: "S1", departureDate: "2015-03-10", returnDate: "2015-03-15" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    // 10..14 March.
    expect(results(w)).toEqual({ "L1 B07": [5, 5000] });
  });
  it("a departure with no return runs on", () => {
    const w = baseWorld();
    w.departures = [{ subjectId: "S1", departureDate: "2015-03-31", returnDate: null }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31"), line("L2", "2015-04-01", "2015-04-10")];
    expect(results(w)).toEqual({ "L1 B07": [1, 1000], "L2 B07": [10, 10000] });
  });
  it("is skipped when there is no departures register", () => {
    const w = baseWorld();
    w.departures = undefined;
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    expect(results(w)).toEqual({});
  });
});
