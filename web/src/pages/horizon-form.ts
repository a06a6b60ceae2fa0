/**
 * The payment-profile form's model (HorizonFormPage.tsx): the rows as typed (money as people
 * write it, dates as text) turned into the engine's file form (src/decide/horizon/contract-schema.ts,
 * amounts in pounds), and every problem in plain words naming the box ("Year 1 amount: ...",
 * "Break point 2 date: ..."), never a JSON path. The schema's own messages are kept; only where
 * they point is said in words. With no problem, the engine's horizon is computed on the spot
 * (it is pure), so the form shows the result before anything is saved.
 */
import { parseContract } from "../../../src/decide/horizon/contract-schema.ts";
import { accountabilityHorizon, type HorizonReport } from "../../../src/decide/horizon/horizon.ts";
import { InputError } from "../../../src/shared/errors.ts";
import { parseMoneyInput, penceToInput, penceToPoundsNumber, poundsNumberToPence } from "../money-input.ts";

export interface AmountRow {
  /** The start of the twelve months (annual) or the day paid (payment). */
  date: string;
  amount: string;
  label: string;
}

export interface HorizonFormState {
  contract: string;
  supplier: string;
  decisionDate: string;
  elections: "london-mayoral" | "custom";
  customBody: string;
  /** Election days, one per line or separated by commas. */
  customDates: string;
  customTermYears: string;
  customNext: "first-thursday-in-may" | "same-day";
  annual: AmountRow[];
  payments: AmountRow[];
  breaks: AmountRow[];
  annualBudget: string;
  annualContractSpend: string;
}

export const blankRow = (): AmountRow => ({ date: "", amount: "", label: "" });

export const blankHorizon = (): HorizonFormState => ({
  contract: "",
  supplier: "",
  decisionDate: "",
  elections: "london-mayoral",
  customBody: "",
  customDates: "",
  customTermYears: "4",
  customNext: "first-thursday-in-may",
  annual: [blankRow()],
  payments: [],
  breaks: [],
  annualBudget: "",
  annualContractSpend: "",
});

const isBlank = (r: AmountRow) => !r.date.trim() && !r.amount.trim() && !r.label.trim();

/** How each list's rows are named to a reader, and its file form's field names. */
const LISTS = {
  annual: { noun: "Year", date: "start", amount: "amount", dateWord: "start" },
  payments: { noun: "Payment", date: "date", amount: "amount", dateWord: "date" },
  breakPoints: { noun: "Break point", date: "date", amount: "terminationCost", dateWord: "date" },
} as const;
type ListKey = keyof typeof LISTS;

const FIELD_WORDS: Record<string, string> = {
  contract: "Contract name",
  supplier: "Supplier",
  description: "Description",
  decisionDate: "Decision date",
  elections: "Elections",
  annualBudget: "Annual budget",
  annualContractSpend: "Annual spending on contracts",
};

/** A JSON path of the file form ($.annual[0].amount) in the words of the form's boxes. */
export function pathInWords(path: string, rowsOf: Record<ListKey, number[]>): string {
  const parts = [...path.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  const [head, index, field] = parts;
  if (head === undefined) return "The payment profile";
  if (head === "elections") {
    if (parts[1] === "dates" && typeof parts[2] === "number") return `Election date ${parts[2] + 1}`;
    if (parts[1] === "dates") return "Election dates";
    if (parts[1] === "body") return "Whose elections";
    if (parts[1] === "termYears") return "Years between elections";
    if (parts[1] === "next") return "Later election days";
    return "Elections";
  }
  if (head in LISTS && typeof index === "number") {
    const l = LISTS[head as ListKey];
    const n = (rowsOf[head as ListKey][index] ?? index) + 1;
    const what =
      field === l.date
        ? l.dateWord
        : field === l.amount
          ? head === "breakPoints"
            ? "termination cost"
            : "amount"
          : field === "label"
            ? "label"
            : String(field ?? "");
    return `${l.noun} ${n}${what ? ` ${what}` : ""}`;
  }
  return FIELD_WORDS[String(head)] ?? String(head);
}

export interface HorizonRead {
  /** The engine's file form, as the API stores it. */
  file: Record<string, unknown>;
  /** Every problem in plain words, the first one first. */
  problems: string[];
  /** The engine's horizon, when there is no problem. */
  report: HorizonReport | null;
}

/** The form as typed, read into the file form, checked by the engine's schema and computed. */
export function readHorizon(s: HorizonFormState, extra: { description?: string } = {}): HorizonRead {
  const problems: string[] = [];
  const rowsOf: Record<ListKey, number[]> = { annual: [], payments: [], breakPoints: [] };
  const money = (where: string, text: string, required: boolean): number | undefined => {
    const m = parseMoneyInput(text);
    if ("problem" in m) problems.push(`${where}: ${m.problem}`);
    else if ("empty" in m) {
      if (required) problems.push(`${where}: give an amount in pounds, such as 4,800,000 or £4.8m.`);
    } else if (m.pence < 0) problems.push(`${where}: an amount paid is not negative.`);
    else return penceToPoundsNumber(m.pence);
    return undefined;
  };
  const rows = (key: ListKey, list: AmountRow[]) => {
    const l = LISTS[key];
    const out: Record<string, unknown>[] = [];
    list.forEach((r, i) => {
      if (isBlank(r)) return;
      rowsOf[key].push(i);
      const amount = money(
        `${l.noun} ${i + 1} ${key === "breakPoints" ? "termination cost" : "amount"}`,
        r.amount,
        true,
      );
      out.push({
        [l.date]: r.date.trim(),
        ...(amount !== undefined ? { [l.amount]: amount } : { [l.amount]: 0 }),
        ...(r.label.trim() ? { label: r.label.trim() } : {}),
      });
    });
    return out;
  };
  const annual = rows("annual", s.annual);
  const payments = rows("payments", s.payments);
  const breakPoints = rows("breakPoints", s.breaks);
  const budget = money("Annual budget", s.annualBudget, false);
  const spend = money("Annual spending on contracts", s.annualContractSpend, false);
  const elections =
    s.elections === "london-mayoral"
      ? "london-mayoral"
      : {
          body: s.customBody.trim(),
          dates: s.customDates
            .split(/[\s,;]+/)
            .map((d) => d.trim())
            .filter(Boolean),
          termYears: Number(s.customTermYears),
          next: s.customNext,
        };
  const file: Record<string, unknown> = {
    contract: s.contract.trim(),
    ...(s.supplier.trim() ? { supplier: s.supplier.trim() } : {}),
    ...(extra.description !== undefined ? { description: extra.description } : {}),
    decisionDate: s.decisionDate.trim(),
    elections,
    ...(annual.length ? { annual } : {}),
    ...(payments.length ? { payments } : {}),
    ...(breakPoints.length ? { breakPoints } : {}),
    ...(budget !== undefined ? { annualBudget: budget } : {}),
    ...(spend !== undefined ? { annualContractSpend: spend } : {}),
  };
  if (!s.contract.trim()) problems.push("Contract name: give the contract's name.");
  if (!s.decisionDate.trim())
    problems.push("Decision date: give the day the decision was taken, such as 2021-03-31.");
  if (s.elections === "custom" && !/^\d+$/.test(s.customTermYears.trim()))
    problems.push("Years between elections: a whole number, such as 4.");

  let report: HorizonReport | null = null;
  try {
    const input = parseContract(file);
    if (problems.length === 0) report = accountabilityHorizon(input);
  } catch (err) {
    if (err instanceof InputError) {
      const details = (Array.isArray(err.details) ? err.details : []) as Array<{
        path?: string;
        message?: string;
      }>;
      for (const d of details.length ? details : [{ path: err.location.path, message: err.message }]) {
        const where = pathInWords(d.path ?? "$", rowsOf);
        // One problem a box: the form's own (a blank box, money it cannot read) comes first.
        if (problems.some((p) => p.startsWith(`${where}:`))) continue;
        problems.push(
          where === "The payment profile" && /payments|annual/.test(d.message ?? "")
            ? "Give at least one annual amount or dated payment."
            : `${where}: ${d.message ?? "not valid"}`,
        );
      }
    } else problems.push(err instanceof Error ? err.message : String(err));
  }
  return { file, problems: [...new Set(problems)], report };
}

interface FileRow {
  start?: string;
  date?: string;
  amount?: number;
  terminationCost?: number;
  label?: string;
}

const amountText = (pounds: number | undefined) =>
  pounds === undefined ? "" : penceToInput(poundsNumberToPence(pounds));

/** A stored payment profile (the file form) back into the form's boxes. */
export function horizonFormOf(f: Record<string, unknown>): { state: HorizonFormState; description?: string } {
  const list = (v: unknown) => (Array.isArray(v) ? (v as FileRow[]) : []);
  const el = f.elections;
  const custom = typeof el === "object" && el !== null ? (el as Record<string, unknown>) : null;
  const annual = list(f.annual).map((r) => ({
    date: r.start ?? "",
    amount: amountText(r.amount),
    label: r.label ?? "",
  }));
  const state: HorizonFormState = {
    contract: String(f.contract ?? ""),
    supplier: typeof f.supplier === "string" ? f.supplier : "",
    decisionDate: String(f.decisionDate ?? ""),
    elections: custom ? "custom" : "london-mayoral",
    customBody: custom ? String(custom.body ?? "") : "",
    customDates: custom && Array.isArray(custom.dates) ? (custom.dates as string[]).join(", ") : "",
    customTermYears: custom ? String(custom.termYears ?? "4") : "4",
    customNext: custom?.next === "same-day" ? "same-day" : "first-thursday-in-may",
    annual,
    payments: list(f.payments).map((r) => ({
      date: r.date ?? "",
      amount: amountText(r.amount),
      label: r.label ?? "",
    })),
    breaks: list(f.breakPoints).map((r) => ({
      date: r.date ?? "",
      amount: amountText(r.terminationCost),
      label: r.label ?? "",
    })),
    annualBudget: typeof f.annualBudget === "number" ? amountText(f.annualBudget) : "",
    annualContractSpend: typeof f.annualContractSpend === "number" ? amountText(f.annualContractSpend) : "",
  };
  return { state, ...(typeof f.description === "string" ? { description: f.description } : {}) };
}
