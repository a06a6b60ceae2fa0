import { describe, expect, it } from "vitest";
import { LONDON_MAYORAL, administrations, electionDays, firstThursdayOfMay } from "./elections.ts";

describe("election calendars", () => {
  it("places London elections on the first Thursday in May", () => {
    expect(["2016", "2024", "2028", "2032"].map((y) => firstThursdayOfMay(Number(y)))).toEqual([
      "2016-05-05",
      "2024-05-02",
      "2028-05-04",
      "2032-05-06",
    ]);
  });

  it("extends the London calendar every four years after 2028", () => {
    const days = electionDays(LONDON_MAYORAL, "2035-01-01");
    expect(days.slice(-3)).toEqual(["2028-05-04", "2032-05-06", "2036-05-01"]);
  });

  it("delimits administrations, with a period before the first listed election", () => {
    const a = administrations(
      { body: "Council", dates: ["2020-01-01"], termYears: 4, next: "same-day" },
      "2019-06-01",
      "2025-01-01",
    );
    expect(a.map((x) => [x.index, x.from, x.to])).toEqual([
      [0, "2019-06-01", "2020-01-01"],
      [1, "2020-01-01", "2024-01-01"],
      [2, "2024-01-01", "2028-01-01"],
    ]);
  });
});
