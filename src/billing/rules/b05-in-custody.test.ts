import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B05 in-custody", () => {
  it("both the first and the last day of a custody spell are not due", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-03-10", toDate: "2015-03-12" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    expect(results(w)).toEqual({ "L1 B05": [3, 3000] });
  });
  it("a spell with no end runs to the end of the line", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-03-30", toDate: null }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31"), line("L2", "2015-04-01", "2015-04-30")];
    expect(results(w)).toEqual({ "L1 B05": [2, 2000], "L2 B05": [30, 30000] });
  });
  it("the day after release is due again", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-02-01", toDate: "2015-02-28" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    expect(results(w)).toEqual({});
  });
  it("comes before abroad and no-order", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-12-30", toDate: "2016-01-02" }];
    w.departures = [{ subjectId: "S1", departureDate: "2015-12-29", returnDate: "2016-01-04" }];
    w.invoiceLines = [line("L1", "2015-12-28", "2016-01-04")];
    // 28th due; 29th abroad; 30th-2nd custody (4 days); 3rd abroad; 4th (return day) no order.
    expect(results(w)).toEqual({ "L1 B05": [4, 4000], "L1 B07": [2, 2000], "L1 B02": [4 - 3, 1000] });
  });
});
