/**
 * The appraisal case form's state and the engine's case it makes: options, cash flows as a grid
 * (one row per option and category, one box per year, money as people type it), the savings
 * target, optimism bias and the uncertain inputs for Monte Carlo. `buildCase` turns what was typed
 * into the engine's file form and checks it with the engine's own schema (src/decide/case), and
 * every problem is said against the form's labels ("Outsource, opex, year 3"), never a JSON path.
 * `fromCase` fills the form from a stored case or a read spreadsheet.
 */
import { CASHFLOW_CATEGORIES, type CashflowCategory } from "../../../../src/decide/appraisal/types.ts";
import { caseSchema } from "../../../../src/decide/case/case-schema.ts";
import { issuesToInputError } from "../../../../src/decide/case/zod-issues.ts";
import { parseMoneyInput, penceToInput } from "../../money-input.ts";

export { CASHFLOW_CATEGORIES };
export const DISTRIBUTION_TYPES = ["triangular", "pert", "uniform", "normal", "lognormal"] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];
export const DISTRIBUTION_PARAMS: Record<DistributionType, Array<"min" | "mode" | "max" | "mean" | "sd">> = {
  triangular: ["min", "mode", "max"],
  pert: ["min", "mode", "max"],
  uniform: ["min", "max"],
  normal: ["mean", "sd"],
  lognormal: ["mean", "sd"],
};

export interface OptionState {
  key: number;
  id: string;
  name: string;
  obCategory: string;
  /** Percent, as typed. */
  mitigation: string;
}

export interface RowState {
  key: number;
  optionKey: number;
  category: CashflowCategory;
  label: string;
  input: string;
  /** One box per year, as typed. */
  cells: string[];
}

export interface InputState {
  key: number;
  id: string;
  label: string;
  type: DistributionType;
  params: Record<string, string>;
}

export interface CaseState {
  name: string;
  description: string;
  discounting: "green-book" | "fixed";
  /** Percent, as typed. */
  rate: string;
  baseline: string;
  target: string;
  basis: "cash" | "pv";
  years: number;
  options: OptionState[];
  rows: RowState[];
  inputs: InputState[];
  iterations: string;
  seed: string;
}

/** A problem with what was typed: which box (its element id, when one) and what is wrong, in words. */
export interface Problem {
  field: string | null;
  message: string;
}

let nextKey = 1;
export const newKey = () => nextKey++;

export const emptyCase = (): CaseState => ({
  name: "",
  description: "",
  discounting: "green-book",
  rate: "",
  baseline: "",
  target: "",
  basis: "cash",
  years: 10,
  options: [{ key: newKey(), id: "", name: "", obCategory: "", mitigation: "" }],
  rows: [],
  inputs: [],
  iterations: "10000",
  seed: "1",
});

/** Element ids of the boxes, so a problem can point at its box. */
export const ids = {
  option: (o: OptionState, f: string) => `case-option-${o.key}-${f}`,
  row: (r: RowState, f: string) => `case-row-${r.key}-${f}`,
  cell: (r: RowState, year: number) => `case-row-${r.key}-y${year}`,
  input: (u: InputState, f: string) => `case-input-${u.key}-${f}`,
};

export const optionName = (o: OptionState, i: number) => o.name.trim() || o.id.trim() || `Option ${i + 1}`;

const PERCENT = /^-?\d+(\.\d+)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A percent as typed ("3.5" or "3.5%") to a fraction, by moving the point (no float multiply). */
function percentFraction(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, "");
  return PERCENT.test(t) ? Number(`${t}e-2`) : null;
}

interface Where {
  /** JSON path of the case -> the box and its words. */
  [path: string]: { field: string | null; words: string };
}

/** The engine's case made from the form, and every problem in words. */
export function buildCase(s: CaseState): { document: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const where: Where = {};
  const note = (path: string, field: string | null, words: string) => {
    where[path] = { field, words };
  };
  note("$.name", "case-name", "What is being decided");
  note("$.baseline", "case-baseline", "Baseline option");
  note("$.savingsTarget", "case-target", "Savings target");
  note("$.savingsTarget.amount", "case-target", "Savings target");
  note("$.discounting", "case-rate", "Discount rate");
  note("$.discounting.rate", "case-rate", "Discount rate");
  note("$.options", null, "Options");
  note("$.monteCarlo.iterations", "case-iterations", "Monte Carlo iterations");
  note("$.monteCarlo.seed", "case-seed", "Monte Carlo seed");

  let discounting: unknown = "green-book";
  if (s.discounting === "fixed") {
    const f = percentFraction(s.rate);
    if (f === null) problems.push({ field: "case-rate", message: "Discount rate: give a percentage such as 3.5%." });
    discounting = { rate: f ?? 0 };
  }

  const options = s.options.map((o, i) => {
    const name = optionName(o, i);
    note(`$.options[${i}].id`, ids.option(o, "id"), `${name}: option id`);
    note(`$.options[${i}].optimismBias`, ids.option(o, "ob"), `${name}: optimism bias`);
    note(`$.options[${i}].optimismBias.mitigation`, ids.option(o, "mitigation"), `${name}: mitigation`);
    note(`$.options[${i}].optimismBias.category`, ids.option(o, "ob"), `${name}: optimism bias category`);
    const out: Record<string, unknown> = { id: o.id.trim(), ...(o.name.trim() ? { name: o.name.trim() } : {}) };
    if (o.obCategory) {
      const m = o.mitigation.trim() === "" ? 0 : percentFraction(o.mitigation);
      if (m === null)
        problems.push({ field: ids.option(o, "mitigation"), message: `${name}: mitigation: give a percentage such as 40%.` });
      out.optimismBias = { category: o.obCategory, mitigation: m ?? 0 };
    }
    const cashflows: Record<string, unknown>[] = [];
    for (const r of s.rows.filter((x) => x.optionKey === o.key)) {
      const rowWords = `${name}, ${r.category}${r.label.trim() ? ` (${r.label.trim()})` : ""}`;
      for (let y = 0; y < s.years; y++) {
        const typed = r.cells[y] ?? "";
        const m = parseMoneyInput(typed);
        if ("empty" in m) continue;
        if ("problem" in m) {
          problems.push({ field: ids.cell(r, y), message: `${rowWords}, year ${y}: ${m.problem}` });
          continue;
        }
        const j = cashflows.length;
        note(`$.options[${i}].cashflows[${j}].amount`, ids.cell(r, y), `${rowWords}, year ${y}`);
        note(`$.options[${i}].cashflows[${j}].input`, ids.row(r, "input"), `${rowWords}: uncertain input`);
        cashflows.push({
          year: y,
          category: r.category,
          amount: m.pence / 100,
          ...(r.input ? { input: r.input } : {}),
          ...(r.label.trim() ? { label: r.label.trim() } : {}),
        });
      }
    }
    out.cashflows = cashflows;
    return out;
  });

  const inputs = s.inputs.map((u, i) => {
    const label = u.label.trim() || u.id.trim() || `Input ${i + 1}`;
    note(`$.inputs[${i}].id`, ids.input(u, "id"), `Uncertain input "${label}": id`);
    note(`$.inputs[${i}].distribution`, ids.input(u, "type"), `Uncertain input "${label}": distribution`);
    const distribution: Record<string, unknown> = { type: u.type };
    for (const p of DISTRIBUTION_PARAMS[u.type]) {
      const t = (u.params[p] ?? "").trim();
      if (!NUMBER.test(t))
        problems.push({ field: ids.input(u, p), message: `Uncertain input "${label}": ${p}: give a number such as 1.1.` });
      distribution[p] = Number(t);
    }
    return { id: u.id.trim(), ...(u.label.trim() ? { label: u.label.trim() } : {}), distribution };
  });

  const document: Record<string, unknown> = {
    name: s.name.trim(),
    ...(s.description.trim() ? { description: s.description.trim() } : {}),
    discounting,
    ...(s.baseline ? { baseline: s.baseline } : {}),
    options,
  };
  if (inputs.length) document.inputs = inputs;
  const target = parseMoneyInput(s.target);
  if ("problem" in target) problems.push({ field: "case-target", message: `Savings target: ${target.problem}` });
  if ("pence" in target) document.savingsTarget = { amount: target.pence / 100, basis: s.basis };
  const whole = (t: string, label: string, field: string) => {
    if (t.trim() === "") return undefined;
    if (!/^\d+$/.test(t.trim())) {
      problems.push({ field, message: `${label}: give a whole number.` });
      return undefined;
    }
    return Number(t.trim());
  };
  const iterations = whole(s.iterations, "Monte Carlo iterations", "case-iterations");
  const seed = whole(s.seed, "Monte Carlo seed", "case-seed");
  if (iterations !== undefined || seed !== undefined)
    document.monteCarlo = { ...(iterations !== undefined ? { iterations } : {}), ...(seed !== undefined ? { seed } : {}) };

  // The engine's own rules, said against the form's labels.
  const r = caseSchema.safeParse(document, { reportInput: true });
  if (!r.success) {
    const err = issuesToInputError(r.error);
    for (const d of err.details as Array<{ path: string; message: string }>) {
      const w = where[d.path] ?? nearest(where, d.path);
      problems.push({ field: w?.field ?? null, message: `${w?.words ?? "The case"}: ${plain(d.message)}` });
    }
  }
  return { document, problems };
}

/** The longest known path that starts the given one ($.options[1].cashflows[3] -> $.options[1].id's option). */
function nearest(where: Where, path: string): Where[string] | undefined {
  let p = path;
  while (p.length > 1) {
    if (where[p]) return where[p];
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return undefined;
}

/** The engine's messages, said for a form: "required: expected a string" -> "fill this in". */
function plain(message: string): string {
  if (message.startsWith("required")) return "fill this in";
  if (message === "expected at least 1 characters" || message === "expected at least 1") return "fill this in";
  if (message.startsWith("expected at least 1 item")) return "add at least one";
  return message;
}

/** The form filled from a case in the engine's file form (a stored version, a read spreadsheet). */
export function fromCase(doc: Record<string, unknown>): CaseState {
  const c = doc as {
    name?: string;
    description?: string;
    discounting?: "green-book" | { rate: number };
    baseline?: string;
    savingsTarget?: { amount: number; basis?: "cash" | "pv" };
    options?: Array<{
      id: string;
      name?: string;
      optimismBias?: { category: string; mitigation?: number };
      cashflows: Array<{ year: number; category: CashflowCategory; amount: number; input?: string; label?: string }>;
    }>;
    inputs?: Array<{ id: string; label?: string; distribution: Record<string, unknown> }>;
    monteCarlo?: { iterations?: number; seed?: number };
  };
  const options: OptionState[] = [];
  const rows: RowState[] = [];
  let lastYear = 9;
  for (const o of c.options ?? []) {
    const key = newKey();
    options.push({
      key,
      id: o.id,
      name: o.name ?? "",
      obCategory: o.optimismBias?.category ?? "",
      mitigation: o.optimismBias ? String(Number(`${o.optimismBias.mitigation ?? 0}e2`)) : "",
    });
    const byRow = new Map<string, RowState>();
    for (const cf of o.cashflows) {
      const k = JSON.stringify([cf.category, cf.label ?? "", cf.input ?? ""]);
      let row = byRow.get(k);
      if (!row) {
        row = { key: newKey(), optionKey: key, category: cf.category, label: cf.label ?? "", input: cf.input ?? "", cells: [] };
        byRow.set(k, row);
        rows.push(row);
      }
      row.cells[cf.year] = penceToInput(Math.round(cf.amount * 100));
      lastYear = Math.max(lastYear, cf.year);
    }
  }
  for (const r of rows) r.cells = Array.from({ length: lastYear + 1 }, (_, y) => r.cells[y] ?? "");
  const d = c.discounting;
  return {
    name: c.name ?? "",
    description: c.description ?? "",
    discounting: d && d !== "green-book" ? "fixed" : "green-book",
    rate: d && d !== "green-book" ? String(Number(`${d.rate}e2`)) : "",
    baseline: c.baseline ?? "",
    target: c.savingsTarget ? penceToInput(Math.round(c.savingsTarget.amount * 100)) : "",
    basis: c.savingsTarget?.basis ?? "cash",
    years: lastYear + 1,
    options: options.length ? options : emptyCase().options,
    rows,
    inputs: (c.inputs ?? []).map((u) => {
      const type = (DISTRIBUTION_TYPES as readonly string[]).includes(String(u.distribution.type))
        ? (u.distribution.type as DistributionType)
        : "triangular";
      return {
        key: newKey(),
        id: u.id,
        label: u.label ?? "",
        type,
        params: Object.fromEntries(DISTRIBUTION_PARAMS[type].map((p) => [p, String(u.distribution[p] ?? "")])),
      };
    }),
    iterations: c.monteCarlo?.iterations !== undefined ? String(c.monteCarlo.iterations) : "",
    seed: c.monteCarlo?.seed !== undefined ? String(c.monteCarlo.seed) : "",
  };
}
