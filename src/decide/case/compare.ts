/**
 * What changed between two versions of an appraisal case, and what it did to the result: each
 * changed input in words a reader follows (an option's cash flow in a year and category, its
 * optimism bias, the savings target, an uncertain input's distribution, the discounting), then
 * each option's NPV before and after, its probability of meeting the savings target, and whether
 * the preferred option (the recommendation) moved. Pure: the two cases and their engine reports
 * are given.
 */
import { parsePounds, penceToDecimal } from "../../shared/money.ts";
import type { AppraisalCase } from "./case-schema.ts";
import { money } from "./run-case.ts";

/** The parts of the engine's report (run-case.ts CaseReport) a comparison reads. */
export interface ComparedReport {
  preferred: string;
  options: Array<{ id: string; npv: string }>;
  monteCarlo: { options: Array<{ id: string; probabilityMeetsTarget: number | null }> } | null;
}

export interface CaseChange {
  /** Where, in words: `Option "outsource", opex, year 3`. */
  where: string;
  before: string | null;
  after: string | null;
}

export interface CaseComparison {
  changes: CaseChange[];
  npv: Array<{ option: string; before: string | null; after: string | null; change: string | null }>;
  probabilityMeetsTarget: Array<{ option: string; before: number | null; after: number | null }>;
  preferred: { before: string; after: string; changed: boolean };
}

const pounds = (p: number) => `£${money(p)}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const say = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v);

type Option = AppraisalCase["options"][number];

/** An option's cash flows summed by year, category and label (the way a person reads a grid). */
function flowsByCell(o: Option): Map<string, { year: number; category: string; label: string; amount: number }> {
  const out = new Map<string, { year: number; category: string; label: string; amount: number }>();
  for (const cf of o.cashflows) {
    const label = cf.label ?? "";
    const key = `${cf.year}\u0000${cf.category}\u0000${label}`;
    const cell = out.get(key) ?? { year: cf.year, category: cf.category, label, amount: 0 };
    // Summed in pence so two flows of £0.10 and £0.20 make exactly £0.30.
    cell.amount = (Math.round(cell.amount * 100) + Math.round(cf.amount * 100)) / 100;
    out.set(key, cell);
  }
  return out;
}

function optionChanges(before: Option, after: Option): CaseChange[] {
  const name = `Option "${after.name ?? after.id}"`;
  const out: CaseChange[] = [];
  if ((before.name ?? "") !== (after.name ?? ""))
    out.push({ where: `${name}: name`, before: before.name ?? null, after: after.name ?? null });
  if (!same(before.optimismBias, after.optimismBias)) {
    const ob = (o: Option) =>
      o.optimismBias
        ? `${o.optimismBias.category}, ${Math.round(o.optimismBias.mitigation * 100)}% mitigated`
        : null;
    out.push({ where: `${name}: optimism bias`, before: ob(before), after: ob(after) });
  }
  const a = flowsByCell(before);
  const b = flowsByCell(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const cells = keys
    .map((k) => ({ k, x: a.get(k), y: b.get(k) }))
    .filter(({ x, y }) => (x?.amount ?? 0) !== (y?.amount ?? 0))
    .sort((p, q) => {
      const s = (p.x ?? p.y)!;
      const t = (q.x ?? q.y)!;
      return s.year - t.year || s.category.localeCompare(t.category) || s.label.localeCompare(t.label);
    });
  for (const { x, y } of cells) {
    const c = (x ?? y)!;
    out.push({
      where: `${name}, ${c.category}${c.label ? ` (${c.label})` : ""}, year ${c.year}`,
      before: x ? pounds(x.amount) : null,
      after: y ? pounds(y.amount) : null,
    });
  }
  return out;
}

/** The changed inputs between two versions of a case, in reading order. */
export function caseChanges(before: AppraisalCase, after: AppraisalCase): CaseChange[] {
  const out: CaseChange[] = [];
  if (before.name !== after.name) out.push({ where: "Name", before: before.name, after: after.name });
  if (!same(before.discounting, after.discounting))
    out.push({ where: "Discounting", before: say(before.discounting), after: say(after.discounting) });
  if ((before.baseline ?? null) !== (after.baseline ?? null))
    out.push({ where: "Baseline option", before: before.baseline ?? null, after: after.baseline ?? null });
  if (!same(before.savingsTarget, after.savingsTarget)) {
    const t = (c: AppraisalCase) =>
      c.savingsTarget ? `${pounds(c.savingsTarget.amount)} (${c.savingsTarget.basis})` : null;
    out.push({ where: "Savings target", before: t(before), after: t(after) });
  }
  const beforeOptions = new Map(before.options.map((o) => [o.id, o]));
  const afterIds = new Set(after.options.map((o) => o.id));
  for (const o of before.options)
    if (!afterIds.has(o.id)) out.push({ where: `Option "${o.name ?? o.id}"`, before: "in the case", after: null });
  for (const o of after.options) {
    const was = beforeOptions.get(o.id);
    if (!was) out.push({ where: `Option "${o.name ?? o.id}"`, before: null, after: "added" });
    else out.push(...optionChanges(was, o));
  }
  const inputs = (c: AppraisalCase) => new Map((c.inputs ?? []).map((u) => [u.id, u]));
  const ib = inputs(before);
  const ia = inputs(after);
  for (const id of [...new Set([...ib.keys(), ...ia.keys()])]) {
    const x = ib.get(id);
    const y = ia.get(id);
    if (!same(x, y))
      out.push({
        where: `Uncertain input "${(y ?? x)?.label ?? id}"`,
        before: x ? say(x.distribution) : null,
        after: y ? say(y.distribution) : null,
      });
  }
  if (!same(before.monteCarlo, after.monteCarlo))
    out.push({ where: "Monte Carlo settings", before: say(before.monteCarlo), after: say(after.monteCarlo) });
  return out;
}

/** Two versions and their reports: what changed, and what it did to the NPV, probability and recommendation. */
export function compareCases(
  before: { case: AppraisalCase; report: ComparedReport },
  after: { case: AppraisalCase; report: ComparedReport },
): CaseComparison {
  const ids = [
    ...new Set([...after.report.options.map((o) => o.id), ...before.report.options.map((o) => o.id)]),
  ];
  const npvOf = (r: ComparedReport, id: string) => r.options.find((o) => o.id === id)?.npv ?? null;
  const pOf = (r: ComparedReport, id: string) =>
    r.monteCarlo?.options.find((o) => o.id === id)?.probabilityMeetsTarget ?? null;
  return {
    changes: caseChanges(before.case, after.case),
    npv: ids.map((option) => {
      const b = npvOf(before.report, option);
      const a = npvOf(after.report, option);
      return {
        option,
        before: b,
        after: a,
        change: a !== null && b !== null ? penceToDecimal(parsePounds(a) - parsePounds(b)) : null,
      };
    }),
    probabilityMeetsTarget: ids.map((option) => ({
      option,
      before: pOf(before.report, option),
      after: pOf(after.report, option),
    })),
    preferred: {
      before: before.report.preferred,
      after: after.report.preferred,
      changed: before.report.preferred !== after.report.preferred,
    },
  };
}
