/**
 * The payment-profile form's model (web/src/pages/horizon-form.ts), without a browser: money as
 * people write it becomes the engine's pounds, every problem names its box in words (never a JSON
 * path), blank rows are left out without shifting the names of the rows after them, and a stored
 * profile comes back into the same boxes.
 */
import { describe, expect, it } from "vitest";
import { documents } from "../../src/demo/decide.ts";
import {
  blankHorizon,
  type HorizonFormState,
  horizonFormOf,
  pathInWords,
  readHorizon,
} from "../../web/src/pages/horizon-form.ts";

const filled = (): HorizonFormState => ({
  ...blankHorizon(),
  contract: "Electronic monitoring",
  decisionDate: "2023-06-01",
  annual: [
    { date: "2023-07-01", amount: "£4.8m", label: "" },
    { date: "2024-07-01", amount: "4,800,000", label: "year 2" },
  ],
  breaks: [{ date: "2025-07-01", amount: "£250k", label: "break" }],
  annualBudget: "£3.2bn",
});

describe("the payment-profile form's model", () => {
  it("reads money as people write it into the engine's pounds, and computes the horizon", () => {
    const r = readHorizon(filled());
    expect(r.problems).toEqual([]);
    expect(r.file).toEqual({
      contract: "Electronic monitoring",
      decisionDate: "2023-06-01",
      elections: "london-mayoral",
      annual: [
        { start: "2023-07-01", amount: 4_800_000 },
        { start: "2024-07-01", amount: 4_800_000, label: "year 2" },
      ],
      breakPoints: [{ date: "2025-07-01", terminationCost: 250_000, label: "break" }],
      annualBudget: 3_200_000_000,
    });
    expect(r.report?.total).toBe(960_000_000);
    expect(r.report?.decidingAdministration).toBe("2021-2024");
  });

  it("names each problem by its box, in words, keeping the row numbers the reader sees", () => {
    const s = filled();
    s.annual = [{ date: "", amount: "", label: "" }, ...s.annual];
    s.annual[2]!.date = "2024-02-30";
    s.breaks[0]!.amount = "1,2";
    s.decisionDate = "";
    const r = readHorizon(s);
    expect(r.problems).toEqual([
      'Break point 1 termination cost: "1,2" is ambiguous: commas separate thousands (1,200,000), and a point starts the pence (1,200.50).',
      "Decision date: give the day the decision was taken, such as 2021-03-31.",
      "Year 3 start: expected a date YYYY-MM-DD",
    ]);
    expect(r.problems.join(" ")).not.toMatch(/\$|\[\d\]|annual\.|breakPoints/);
    expect(r.report).toBeNull();
    expect(readHorizon({ ...filled(), annual: [] }).problems).toEqual([
      "Give at least one annual amount or dated payment.",
    ]);
  });

  it("says a custom election calendar's problems in words", () => {
    const r = readHorizon({
      ...filled(),
      elections: "custom",
      customBody: "",
      customDates: "2022-05-05, 2026-5-7",
    });
    expect(r.problems).toContain("Election date 2: expected a date YYYY-MM-DD");
    expect(readHorizon({ ...filled(), elections: "custom", customDates: "" }).problems).toContain(
      "Election dates: expected at least 1 item",
    );
    expect(pathInWords("$.elections.termYears", { annual: [], payments: [], breakPoints: [] })).toBe(
      "Years between elections",
    );
  });

  it("brings a stored profile back into the same boxes", () => {
    const { file } = readHorizon(filled());
    const back = horizonFormOf(file);
    expect(back.state.annual.map((a) => a.amount)).toEqual(["4,800,000", "4,800,000"]);
    expect(back.state.breaks).toEqual([{ date: "2025-07-01", amount: "250,000", label: "break" }]);
    expect(readHorizon(back.state).file).toEqual(file);
  });

  it("opens the demo's stored profile and saves it back unchanged", () => {
    const stored = documents.find((d) => d.kind === "horizon")!.document as Record<string, unknown>;
    const back = horizonFormOf(stored);
    const r = readHorizon(
      back.state,
      back.description !== undefined ? { description: back.description } : {},
    );
    expect(r.problems).toEqual([]);
    expect(r.file).toEqual(stored);
  });
});
