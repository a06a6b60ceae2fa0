import { describe, expect, it } from "vitest";
import { checkOwnership, ownersOn, ownersText, percent } from "./ownership.ts";

const sscl = checkOwnership("SSCL", [
  { owner: "Sopra Steria", shareBp: 7500, fromDate: null, toDate: "2023-11-29", source: "s", demo: false },
  { owner: "Cabinet Office", shareBp: 2500, fromDate: null, toDate: "2023-11-29", source: "s", demo: false },
  { owner: "Sopra Steria", shareBp: 10_000, fromDate: "2023-11-30", toDate: null, source: "s", demo: false },
]);

describe("a supplier's owners, dated", () => {
  it("is a joint venture 75/25 before the sale and Sopra Steria's alone after", () => {
    expect(ownersText(sscl, "SSCL", "2015-10-01")).toBe("Sopra Steria 75%, Cabinet Office 25%");
    expect(ownersText(sscl, "SSCL", "2023-11-29")).toBe("Sopra Steria 75%, Cabinet Office 25%");
    expect(ownersText(sscl, "SSCL", "2023-11-30")).toBe("Sopra Steria 100%");
    expect(ownersOn(sscl, "Other", "2024-01-01")).toEqual([]);
  });
  it("writes shares as percentages without floats", () => {
    expect([percent(7500), percent(1250), percent(3333), percent(5)]).toEqual([
      "75%",
      "12.5%",
      "33.33%",
      "0.05%",
    ]);
  });
  it("refuses more than 100% on any day, and shares out of range", () => {
    expect(() =>
      checkOwnership("X", [
        { owner: "A", shareBp: 7500, fromDate: null, toDate: null, source: "", demo: false },
        { owner: "B", shareBp: 5000, fromDate: "2020-01-01", toDate: null, source: "", demo: false },
      ]),
    ).toThrow("on 2020-01-01 the shares add up to 125%, more than 100%");
    expect(() =>
      checkOwnership("X", [
        { owner: "A", shareBp: 0, fromDate: null, toDate: null, source: "", demo: false },
      ]),
    ).toThrow(expect.objectContaining({ location: { path: "$.owners[0].shareBp" } }));
  });

  it("refuses the same owner twice from the same day, naming both rows", () => {
    const row = (shareBp: number) => ({
      owner: "A",
      shareBp,
      fromDate: "2020-01-01",
      toDate: null,
      source: "",
      demo: false,
    });
    expect(() => checkOwnership("X", [row(2000), row(3000)])).toThrow(
      "A is listed twice from 2020-01-01 (rows 1 and 2): give one share per owner and start date",
    );
    expect(() => checkOwnership("X", [row(2000), { ...row(3000), fromDate: "2021-01-01" }])).not.toThrow();
  });
});
