/**
 * The appraisal case form's model (web/src/components/case-form/model.ts): what was typed becomes
 * the engine's case, each problem is said against the form's own labels and points at its box
 * (never a JSON path), and a stored case fills the form and comes back the same.
 */
import { describe, expect, it } from "vitest";
import { parseCase } from "../../src/decide/case/parse-case.ts";
import { buildCase, type CaseState, emptyCase, fromCase, ids } from "../../web/src/components/case-form/model.ts";

function typed(): CaseState {
  const s = emptyCase();
  s.name = "Payroll";
  s.options = [
    { key: 1, id: "in-house", name: "Keep in house", obCategory: "", mitigation: "" },
    { key: 2, id: "outsource", name: "Outsource", obCategory: "equipment-development", mitigation: "40%" },
  ];
  s.baseline = "in-house";
  s.target = "£250k";
  s.years = 3;
  s.rows = [
    { key: 10, optionKey: 1, category: "opex", label: "", input: "", cells: ["-£1m", "-£1m", "-£1m"] },
    { key: 11, optionKey: 2, category: "capex", label: "set-up", input: "", cells: ["-£250k", "", ""] },
    { key: 12, optionKey: 2, category: "opex", label: "", input: "", cells: ["-900,000", "-£0.9m", "-900000"] },
  ];
  return s;
}

describe("the case form's model", () => {
  it("makes the engine's case from what was typed, money exact", () => {
    const { document, problems } = buildCase(typed());
    expect(problems).toEqual([]);
    const c = parseCase(document);
    expect(c.options[1]!.cashflows).toEqual([
      { year: 0, category: "capex", amount: -250_000, label: "set-up" },
      { year: 0, category: "opex", amount: -900_000 },
      { year: 1, category: "opex", amount: -900_000 },
      { year: 2, category: "opex", amount: -900_000 },
    ]);
    expect(c.options[1]!.optimismBias).toEqual({ category: "equipment-development", mitigation: 0.4 });
    expect(c.savingsTarget).toEqual({ amount: 250_000, basis: "cash" });
  });

  it("says each problem in the form's words, against its box", () => {
    const s = typed();
    s.rows[2]!.cells[1] = "about a million";
    s.options[1]!.id = "in-house";
    s.baseline = "";
    const { problems } = buildCase(s);
    expect(problems).toContainEqual({
      field: ids.cell(s.rows[2]!, 1),
      message: 'Outsource, opex, year 1: "about a million" is not an amount of money: write pounds, such as 48,000,000, £1.2m, £250k or 1.2 million.',
    });
    expect(problems).toContainEqual({
      field: ids.option(s.options[1]!, "id"),
      message: 'Outsource: option id: duplicate option id "in-house"',
    });
    expect(problems).toContainEqual({ field: "case-target", message: "Savings target: a savings target needs a baseline option" });
    expect(problems.some((p) => p.message.includes("$."))).toBe(false);
  });

  it("fills the form from a stored case and makes the same case again", () => {
    const first = parseCase(buildCase(typed()).document);
    const again = parseCase(buildCase(fromCase(first as unknown as Record<string, unknown>)).document);
    expect(again).toEqual(first);
  });
});
