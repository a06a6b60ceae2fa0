/**
 * An appraisal case as a spreadsheet, and back: the template a finance team fills in (XLSX with
 * Case, Options, Cash flows, Inputs and Correlations sheets; or the cash flows alone as CSV) and
 * the reader that turns a filled one into the engine's case. Cash flows are one row per option,
 * category and label, one column per year, in pounds (costs negative). Nothing is stored here:
 * a bad cell is refused by sheet, row and column (src/io/sheet.ts) and the case is checked by the
 * engine's schema; the caller saves a valid case as a draft.
 */
import { CASHFLOW_CATEGORIES } from "../decide/appraisal/types.ts";
import type { AppraisalCase } from "../decide/case/case-schema.ts";
import { parseCase } from "../decide/case/parse-case.ts";
import {
  type BadCell,
  badCellsError,
  readWorkbookWithColumns,
  type SheetData,
  type SheetRow,
  type SheetSpec,
  writeSheetCsv,
  writeWorkbook,
} from "../io/sheet.ts";
import { InputError } from "../shared/errors.ts";

/** Years a template has columns for: 0 (now, undiscounted) to MAX_YEAR. */
export const MAX_YEAR = 60;
/** Year columns a template shows at least (ten years of cash flows after year 0). */
const MIN_SHOWN_YEAR = 10;
const yearKey = (y: number) => `y${y}`;
const yearHeader = (y: number) => `Year ${y}`;

export const CASE_SHEET: SheetSpec = {
  name: "Case",
  columns: [
    { key: "name", header: "Name", kind: "text", required: true, width: 40 },
    { key: "description", header: "Description", kind: "text", width: 40 },
    { key: "discounting", header: "Discounting", kind: "text", required: true, width: 16 },
    { key: "rate", header: "Fixed rate", kind: "percent" },
    { key: "baseline", header: "Baseline option", kind: "text", width: 18 },
    { key: "target", header: "Savings target", kind: "pence", width: 18 },
    { key: "basis", header: "Target basis", kind: "text" },
    { key: "iterations", header: "Iterations", kind: "integer" },
    { key: "seed", header: "Seed", kind: "integer" },
    { key: "range", header: "Sensitivity range", kind: "percent" },
  ],
};

export const OPTIONS_SHEET: SheetSpec = {
  name: "Options",
  columns: [
    { key: "id", header: "Option id", kind: "text", required: true, width: 18 },
    { key: "name", header: "Name", kind: "text", width: 30 },
    { key: "description", header: "Description", kind: "text", width: 30 },
    { key: "category", header: "Optimism bias category", kind: "text", width: 26 },
    { key: "mitigation", header: "Mitigation", kind: "percent" },
  ],
};

export const CASH_FLOWS_SHEET: SheetSpec = {
  name: "Cash flows",
  columns: [
    { key: "option", header: "Option id", kind: "text", required: true, width: 18 },
    { key: "category", header: "Category", kind: "text", required: true, width: 12 },
    { key: "label", header: "Label", kind: "text", width: 24 },
    { key: "input", header: "Input", kind: "text" },
    ...Array.from({ length: MAX_YEAR + 1 }, (_, y) => ({
      key: yearKey(y),
      header: yearHeader(y),
      kind: "pence" as const,
      width: 14,
    })),
  ],
};

export const INPUTS_SHEET: SheetSpec = {
  name: "Inputs",
  optional: true,
  columns: [
    { key: "id", header: "Input id", kind: "text", required: true, width: 16 },
    { key: "label", header: "Label", kind: "text", width: 24 },
    { key: "type", header: "Distribution", kind: "text", required: true, width: 14 },
    { key: "min", header: "Min", kind: "decimal" },
    { key: "mode", header: "Mode", kind: "decimal" },
    { key: "max", header: "Max", kind: "decimal" },
    { key: "mean", header: "Mean", kind: "decimal" },
    { key: "sd", header: "SD", kind: "decimal" },
    { key: "meanlog", header: "Meanlog", kind: "decimal" },
    { key: "sdlog", header: "Sdlog", kind: "decimal" },
    { key: "base", header: "Base", kind: "decimal" },
  ],
};

export const CORRELATIONS_SHEET: SheetSpec = {
  name: "Correlations",
  optional: true,
  columns: [
    { key: "a", header: "Input A", kind: "text", required: true },
    { key: "b", header: "Input B", kind: "text", required: true },
    { key: "rho", header: "Correlation", kind: "decimal", required: true },
  ],
};

const SPECS = [CASE_SHEET, OPTIONS_SHEET, CASH_FLOWS_SHEET, INPUTS_SHEET, CORRELATIONS_SHEET];

/** Pounds (the file form's JSON number) to integer pence, and back. */
const toPence = (pounds: number) => Math.round(pounds * 100);
const toPounds = (pence: number) => pence / 100;
/** A percent as read ("3.5") to a fraction (0.035), by moving the point: no float multiply. */
const fraction = (percent: string) => Number(`${percent}e-2`);
const percentOf = (f: number) => Number(`${f}e2`);

// ---- writing ----

function cashFlowRows(c: AppraisalCase): { rows: SheetData["rows"]; lastYear: number } {
  const rows: SheetData["rows"] = [];
  let lastYear = MIN_SHOWN_YEAR;
  for (const o of c.options) {
    const byRow = new Map<string, SheetData["rows"][number]>();
    for (const cf of o.cashflows) {
      const key = JSON.stringify([cf.category, cf.label ?? "", cf.input ?? ""]);
      let row = byRow.get(key);
      if (!row) {
        row = { option: o.id, category: cf.category, label: cf.label ?? null, input: cf.input ?? null };
        byRow.set(key, row);
        rows.push(row);
      }
      const k = yearKey(cf.year);
      row[k] = (typeof row[k] === "number" ? row[k] : 0) + toPence(cf.amount);
      lastYear = Math.max(lastYear, cf.year);
    }
  }
  return { rows, lastYear };
}

function sheetsOf(c: AppraisalCase): SheetData[] {
  const flows = cashFlowRows(c);
  const years = Math.min(flows.lastYear, MAX_YEAR);
  return [
    {
      ...CASE_SHEET,
      rows: [
        {
          name: c.name,
          description: c.description ?? null,
          discounting: c.discounting === "green-book" ? "green-book" : "fixed",
          rate: c.discounting === "green-book" ? null : String(percentOf(c.discounting.rate)),
          baseline: c.baseline ?? null,
          target: c.savingsTarget ? toPence(c.savingsTarget.amount) : null,
          basis: c.savingsTarget ? c.savingsTarget.basis : null,
          iterations: c.monteCarlo?.iterations ?? null,
          seed: c.monteCarlo?.seed ?? null,
          range: c.sensitivity ? String(percentOf(c.sensitivity.range)) : null,
        },
      ],
    },
    {
      ...OPTIONS_SHEET,
      rows: c.options.map((o) => ({
        id: o.id,
        name: o.name ?? null,
        description: o.description ?? null,
        category: o.optimismBias?.category ?? null,
        mitigation: o.optimismBias ? String(percentOf(o.optimismBias.mitigation)) : null,
      })),
    },
    {
      ...CASH_FLOWS_SHEET,
      columns: CASH_FLOWS_SHEET.columns.slice(0, 4 + years + 1),
      rows: flows.rows,
    },
    {
      ...INPUTS_SHEET,
      rows: (c.inputs ?? []).map((u) => {
        const d = u.distribution as Record<string, unknown>;
        const dec = (k: string) => (typeof d[k] === "number" ? String(d[k]) : null);
        return {
          id: u.id,
          label: u.label ?? null,
          type: String(d.type),
          min: dec("min"),
          mode: dec("mode"),
          max: dec("max"),
          mean: dec("mean"),
          sd: dec("sd"),
          meanlog: dec("meanlog"),
          sdlog: dec("sdlog"),
          base: u.base !== undefined ? String(u.base) : null,
        };
      }),
    },
    {
      ...CORRELATIONS_SHEET,
      rows: (c.correlations ?? []).map((r) => ({ a: r.a, b: r.b, rho: String(r.rho) })),
    },
  ];
}

/** The case as a workbook to fill in (XLSX), or its cash flows alone (CSV). */
export async function caseWorkbook(document: unknown, format: "xlsx" | "csv"): Promise<Buffer> {
  const sheets = sheetsOf(parseCase(document));
  if (format === "csv") return Buffer.from(writeSheetCsv(sheets[2]!), "utf8");
  return writeWorkbook(sheets);
}

/** A blank template: the headers, ten years of columns, and one example row per sheet. */
export function blankCaseWorkbook(): Promise<Buffer> {
  const example = {
    name: "What is being decided",
    discounting: "green-book",
    baseline: "in-house",
    options: [
      { id: "in-house", name: "Keep in house", cashflows: [{ year: 0, category: "opex", amount: -1_000_000 }] },
    ],
  };
  return caseWorkbook(example, "xlsx");
}

// ---- reading ----

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown) => (typeof v === "string" && v !== "" ? Number(v) : typeof v === "number" ? v : undefined);

const DISTRIBUTIONS: Record<string, string[]> = {
  uniform: ["min", "max"],
  triangular: ["min", "mode", "max"],
  pert: ["min", "mode", "max"],
  normal: ["mean", "sd"],
  lognormal: ["mean", "sd"],
};

/**
 * Reads a filled template into the engine's case. A CSV holds the cash flows only: they replace
 * those of `base` (required then). Throws InputError `bad_cells` naming every bad cell, or
 * `invalid_case` when the engine's schema refuses the case the cells make.
 */
export async function readCaseWorkbook(
  bytes: Uint8Array,
  fileName: string,
  base?: unknown,
): Promise<AppraisalCase> {
  const csv = !(bytes[0] === 0x50 && bytes[1] === 0x4b);
  const specs = csv ? [CASH_FLOWS_SHEET] : SPECS;
  const { sheets, columns } = await readWorkbookWithColumns(bytes, fileName, specs);
  const bad: BadCell[] = [];
  const cell = (sheet: SheetSpec, row: SheetRow, key: string, expected: string) => {
    const col = sheet.columns.find((c) => c.key === key)!;
    bad.push({
      sheet: sheet.name,
      row: row.$row ?? 0,
      column: columns[sheet.name]?.[key] ?? "?",
      header: col.header,
      expected,
      found: JSON.stringify(row[key] ?? ""),
    });
  };

  let head: Record<string, unknown>;
  let options: AppraisalCase["options"];
  if (csv) {
    if (!base)
      throw new InputError(`${fileName}: a CSV holds the cash flows only; upload the XLSX template, or start from a case`, {
        location: { file: fileName },
      });
    const b = parseCase(base);
    head = { ...b, options: undefined };
    options = b.options.map((o) => ({ ...o, cashflows: [] }));
  } else {
    const [c] = sheets[CASE_SHEET.name] ?? [];
    if (!c) throw new InputError(`${fileName}: the "Case" sheet has no row under its headers`, { location: { file: fileName } });
    const discounting = String(c.discounting).toLowerCase();
    if (discounting !== "green-book" && discounting !== "fixed")
      cell(CASE_SHEET, c, "discounting", '"green-book" or "fixed"');
    if (discounting === "fixed" && c.rate === null) cell(CASE_SHEET, c, "rate", "a rate such as 3.5% when the discounting is fixed");
    if (c.target !== null && !["cash", "pv", null].includes(c.basis as string | null))
      cell(CASE_SHEET, c, "basis", '"cash" or "pv"');
    head = {
      name: c.name,
      ...(text(c.description) ? { description: c.description } : {}),
      discounting: discounting === "fixed" && c.rate !== null ? { rate: fraction(String(c.rate)) } : "green-book",
      ...(text(c.baseline) ? { baseline: c.baseline } : {}),
      ...(typeof c.target === "number"
        ? { savingsTarget: { amount: toPounds(c.target), basis: text(c.basis) ?? "cash" } }
        : {}),
      ...(c.iterations !== null || c.seed !== null
        ? {
            monteCarlo: {
              ...(c.iterations !== null ? { iterations: c.iterations } : {}),
              ...(c.seed !== null ? { seed: c.seed } : {}),
            },
          }
        : {}),
      ...(c.range !== null ? { sensitivity: { range: fraction(String(c.range)) } } : {}),
    };
    options = (sheets[OPTIONS_SHEET.name] ?? []).map((o) => ({
      id: String(o.id),
      ...(text(o.name) ? { name: String(o.name) } : {}),
      ...(text(o.description) ? { description: String(o.description) } : {}),
      ...(text(o.category)
        ? {
            optimismBias: {
              category: String(o.category),
              mitigation: o.mitigation !== null ? fraction(String(o.mitigation)) : 0,
            },
          }
        : {}),
      cashflows: [],
    })) as AppraisalCase["options"];
    const inputs = (sheets[INPUTS_SHEET.name] ?? []).map((u) => {
      const type = String(u.type).toLowerCase();
      const params = DISTRIBUTIONS[type];
      if (!params) {
        cell(INPUTS_SHEET, u, "type", `one of ${Object.keys(DISTRIBUTIONS).join(", ")}`);
        return null;
      }
      const logParams = type === "lognormal" && u.mean === null && u.meanlog !== null;
      const need = logParams ? ["meanlog", "sdlog"] : params;
      for (const k of need) if (u[k] === null) cell(INPUTS_SHEET, u, k, `a number: a ${type} distribution needs ${need.join(", ")}`);
      return {
        id: String(u.id),
        ...(text(u.label) ? { label: String(u.label) } : {}),
        distribution: { type, ...Object.fromEntries(need.map((k) => [k, num(u[k])])) },
        ...(u.base !== null ? { base: num(u.base) } : {}),
      };
    });
    if (inputs.length) head.inputs = inputs;
    const correlations = (sheets[CORRELATIONS_SHEET.name] ?? []).map((r) => ({
      a: String(r.a),
      b: String(r.b),
      rho: num(r.rho),
    }));
    if (correlations.length) head.correlations = correlations;
  }

  const byId = new Map(options.map((o) => [o.id, o]));
  for (const r of sheets[CASH_FLOWS_SHEET.name] ?? []) {
    const option = byId.get(String(r.option));
    if (!option) {
      cell(CASH_FLOWS_SHEET, r, "option", `an option id from the Options sheet (${[...byId.keys()].join(", ")})`);
      continue;
    }
    const category = String(r.category).toLowerCase();
    if (!(CASHFLOW_CATEGORIES as readonly string[]).includes(category)) {
      cell(CASH_FLOWS_SHEET, r, "category", `one of ${CASHFLOW_CATEGORIES.join(", ")}`);
      continue;
    }
    for (let y = 0; y <= MAX_YEAR; y++) {
      const v = r[yearKey(y)];
      if (typeof v !== "number") continue;
      option.cashflows.push({
        year: y,
        category: category as AppraisalCase["options"][number]["cashflows"][number]["category"],
        amount: toPounds(v),
        ...(text(r.input) ? { input: String(r.input) } : {}),
        ...(text(r.label) ? { label: String(r.label) } : {}),
      });
    }
  }
  if (bad.length) throw badCellsError(fileName, bad);
  const document = { ...head, options };
  try {
    return parseCase(JSON.parse(JSON.stringify(document)), fileName);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(`${fileName}: the case the sheets make is not valid: ${e.location.path ?? "$"}: ${e.message}; nothing was stored`, {
        code: "invalid_case",
        location: e.location,
        details: e.details,
      });
    throw e;
  }
}

/** The case a workbook makes, in the file form as the API sends it (no defaults filled in). */
export function caseDocument(c: AppraisalCase): Record<string, unknown> {
  return JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
}
