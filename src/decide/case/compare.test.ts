import { describe, expect, it } from "vitest";
import { parsePounds } from "../../shared/money.ts";
import { caseChanges, compareCases } from "./compare.ts";
import { parseCase } from "./parse-case.ts";
import { runCase } from "./run-case.ts";

const years = (n: number, amount: number, category: "opex" | "benefit" | "capex") =>
  Array.from({ length: n }, (_, year) => ({ year, category, amount }));

const base = {
  name: "Facilities",
  discounting: { rate: 0.035 },
  baseline: "in-house",
  options: [
    { id: "in-house", name: "Keep in house", cashflows: years(10, -1_000_000, "opex") },
    {
      id: "outsource",
      name: "Outsource",
      optimismBias: { category: "standard-civil-engineering", mitigation: 0.5 },
      cashflows: [...years(10, -900_000, "opex"), { year: 0, category: "capex", amount: -200_000 }],
    },
  ],
  savingsTarget: { amount: 500_000, basis: "cash" },
};

const run = (doc: unknown) => {
  const c = parseCase(doc);
  return { case: c, report: runCase(c, { iterations: 1 }) };
};

describe("comparing two versions of a case", () => {
  it("names a changed cost by option, category and year, and gives the NPV change it made", () => {
    const after = structuredClone(base);
    after.options[1]!.cashflows[3]!.amount = -1_100_000;
    const cmp = compareCases(run(base), run(after));
    expect(cmp.changes).toEqual([
      { where: 'Option "Outsource", opex, year 3', before: "£-900000.00", after: "£-1100000.00" },
    ]);
    const npv = cmp.npv.find((n) => n.option === "outsource")!;
    // £200,000 more cost in year 3 at 3.5%: 200000 / 1.035^3 = £180,388.54 less NPV.
    expect(parsePounds(npv.change!)).toBe(parsePounds(npv.after!) - parsePounds(npv.before!));
    expect(npv.change).toBe("-180388.54");
    expect(cmp.npv.find((n) => n.option === "in-house")!.change).toBe("0.00");
  });

  it("says when the recommendation changes", () => {
    const after = structuredClone(base);
    for (const cf of after.options[1]!.cashflows) if (cf.category === "opex") cf.amount = -1_200_000;
    const cmp = compareCases(run(base), run(after));
    expect(cmp.preferred).toEqual({ before: "outsource", after: "in-house", changed: true });
  });

  it("lists target, optimism bias, added options and inputs in words", () => {
    const after = structuredClone(base) as typeof base & { inputs?: unknown[] };
    after.savingsTarget = { amount: 750_000, basis: "pv" };
    after.options[1]!.optimismBias = { category: "standard-civil-engineering", mitigation: 0.25 };
    after.options.push({ id: "share", name: "Shared service", cashflows: [] });
    const changes = caseChanges(parseCase(base), parseCase(after));
    expect(changes.map((c) => c.where)).toEqual([
      "Savings target",
      'Option "Outsource": optimism bias',
      'Option "Shared service"',
    ]);
    expect(changes[0]).toEqual({ where: "Savings target", before: "£500000.00 (cash)", after: "£750000.00 (pv)" });
    expect(changes[1]!.after).toBe("standard-civil-engineering, 25% mitigated");
  });

  it("finds nothing changed between a case and itself", () => {
    expect(caseChanges(parseCase(base), parseCase(structuredClone(base)))).toEqual([]);
  });
});
