import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B06 deceased", () => {
  it("bills after the day of death are not due; the day of death itself is", () => {
    const w = baseWorld();
    w.deaths = [{ subjectId: "S1", dateOfDeath: "2015-03-10" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    // 11..31 March: 21 days at £10.00.
    expect(results(w)).toEqual({ "L1 B06": [21, 21000] });
  });
  it("a death on the last day of the line leaves it clean", () => {
    const w = baseWorld();
    w.deaths = [{ subjectId: "S1", dateOfDeath: "2015-03-31" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    expect(results(w)).toEqual({});
  });
  it("comes before custody, abroad and no-order", () => {
    const w = baseWorld();
    w.deaths = [{ subjectId: "S1", dateOfDeath: "2015-12-20" }];
    w.custody = [{ subjectId: "S1", fromDate: "2015-12-25", toDate: null }];
    w.invoiceLines = [line("L1", "2015-12-15", "2016-01-05")];
    expect(results(w)).toEqual({ "L1 B06": [16, 16000] });
  });
  it("is skipped when there is no deaths register", () => {
    const w = baseWorld();
    w.deaths = undefined;
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31")];
    expect(results(w)).toEqual({});
  });
});
