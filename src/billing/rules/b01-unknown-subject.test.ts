import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B01 unknown-subject", () => {
  it("every day of a line for someone not in the register is at risk", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31", { subjectId: "GHOST" })];
    expect(results(w)).toEqual({ "L1 B01": [31, 31000] });
  });
  it("comes before every other rule, even with orders and a death recorded", () => {
    const w = baseWorld();
    w.subjects = [];
    w.deaths = [{ subjectId: "S1", dateOfDeath: "2015-01-05" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-10")];
    expect(results(w)).toEqual({ "L1 B01": [10, 10000] });
  });
  it("puts a huge amount at risk exactly (days × amount beyond 2^53 no longer throws)", () => {
    const w = baseWorld();
    w.invoiceLines = [
      line("L1", "2015-03-01", "2015-03-31", { subjectId: "GHOST", amount: 999_999_999_999_999 }),
    ];
    expect(results(w)).toEqual({ "L1 B01": [31, 999_999_999_999_999] });
  });
});
