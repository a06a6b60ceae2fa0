/**
 * One spreadsheet cell to one typed value, with the words a person needs when it is wrong.
 * Shared by the XLSX and the CSV readers in sheet.ts, so a cell means the same in either file.
 *
 * Kinds, and what each accepts:
 * - text: anything; trimmed. A CSV cell nous neutralised on export (`'=SUM(...)`) loses the `'`.
 * - date: a date cell, `2026-03-31`, or the UK's `31/03/2026`; to `YYYY-MM-DD`.
 * - pence: pounds as a number cell or as text (`1,250,000.50`, `£48,000,000`, `-12.05`);
 *   to integer pence. Never through a binary float: the cell's number is read as its shortest
 *   decimal text first (Excel keeps 15 significant digits).
 * - integer: a whole number (`1,200` allowed).
 * - decimal: a number, to a decimal string (`98.5`).
 * - percent: `12.5`, `12.5%`, or a cell formatted as a percentage (which holds 0.125); to the
 *   percentage as a decimal string (`12.5`).
 */
import { MAX_PENCE } from "../shared/money.ts";

export type CellKind = "text" | "date" | "pence" | "integer" | "decimal" | "percent";
/** What a cell becomes: a string (text, date, decimal, percent), a number (pence, integer), or null when empty. */
export type CellValue = string | number | null;

/** A cell as the readers hand it over: a string (CSV, XLSX text), a number or a date (XLSX). */
export type RawCell =
  | { type: "empty" }
  | { type: "text"; text: string }
  | { type: "number"; value: number; percentFormat: boolean }
  | { type: "date"; date: Date }
  | { type: "bad"; why: string };

export type CellResult = { ok: true; value: CellValue } | { ok: false; expected: string };

export const EXPECTED: Record<CellKind, string> = {
  text: "text",
  date: "a date such as 2026-03-31 or 31/03/2026",
  pence: "an amount in pounds such as 1,250,000.00",
  integer: "a whole number such as 12",
  decimal: "a number such as 98.5",
  percent: "a percentage such as 12.5%",
};

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A finite double to its decimal text without float noise or exponent: 0.1+0.2 -> "0.3", 1e21 -> "1000000000000000000000". */
export function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  let s = Number(n.toPrecision(15)).toString();
  const e = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (e) {
    const digits = (e[2] ?? "") + (e[3] ?? "");
    const point = (e[2] ?? "").length + Number(e[4]);
    if (point <= 0) s = `${e[1]}0.${"0".repeat(-point)}${digits}`;
    else if (point >= digits.length) s = `${e[1]}${digits}${"0".repeat(point - digits.length)}`;
    else s = `${e[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return s;
}

/** Moves a decimal string's point two places right: "0.125" -> "12.5". */
function timesHundred(s: string): string {
  const m = DECIMAL.exec(s);
  if (!m) return s;
  const frac = (m[3] ?? "").padEnd(2, "0");
  const whole = `${(m[2] ?? "").replace(/^0+(?=\d)/, "")}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = frac.slice(2).replace(/0+$/, "");
  return `${m[1] ?? ""}${whole}${rest ? `.${rest}` : ""}`;
}

function plainNumber(text: string): string | null {
  const t = text.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  return DECIMAL.test(t) ? t.replace(/^(-?)0+(?=\d)/, "$1") : null;
}

function toPence(decimal: string): number | null {
  const m = DECIMAL.exec(decimal);
  if (!m || (m[3] ?? "").length > 2) return null;
  const v = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(v) || v > MAX_PENCE) return null;
  return m[1] ? -v : v;
}

function isoOf(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

function dateText(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** Reads one cell as `kind`. Empty cells are null; whether that is allowed is the caller's rule. */
export function readCell(raw: RawCell, kind: CellKind): CellResult {
  const bad = { ok: false as const, expected: EXPECTED[kind] };
  if (raw.type === "empty") return { ok: true, value: null };
  if (raw.type === "bad") return { ok: false, expected: `${EXPECTED[kind]} (${raw.why})` };
  if (raw.type === "text" && raw.text.trim() === "") return { ok: true, value: null };
  switch (kind) {
    case "text": {
      if (raw.type === "text") return { ok: true, value: raw.text.trim().replace(/^'(?=[=+\-@\t\r])/, "") };
      if (raw.type === "date") return { ok: true, value: raw.date.toISOString().slice(0, 10) };
      return { ok: true, value: numberText(raw.value) ?? "" };
    }
    case "date": {
      if (raw.type === "date")
        return Number.isNaN(raw.date.getTime())
          ? bad
          : { ok: true, value: raw.date.toISOString().slice(0, 10) };
      if (raw.type === "text") {
        const d = dateText(raw.text);
        return d ? { ok: true, value: d } : bad;
      }
      return bad;
    }
    case "pence": {
      let s: string | null = null;
      if (raw.type === "number") s = numberText(raw.value);
      else if (raw.type === "text") s = plainNumber(raw.text.trim().replace(/^(-?)£/, "$1"));
      const p = s === null ? null : toPence(s);
      return p === null ? bad : { ok: true, value: p };
    }
    case "integer": {
      const s =
        raw.type === "number" ? numberText(raw.value) : raw.type === "text" ? plainNumber(raw.text) : null;
      if (s === null || !/^-?\d+$/.test(s) || !Number.isSafeInteger(Number(s))) return bad;
      return { ok: true, value: Number(s) };
    }
    case "decimal": {
      const s =
        raw.type === "number" ? numberText(raw.value) : raw.type === "text" ? plainNumber(raw.text) : null;
      return s === null ? bad : { ok: true, value: s };
    }
    case "percent": {
      if (raw.type === "number") {
        const s = numberText(raw.value);
        if (s === null) return bad;
        return { ok: true, value: raw.percentFormat ? timesHundred(s) : s };
      }
      if (raw.type === "text") {
        const s = plainNumber(raw.text.trim().replace(/\s*%$/, ""));
        return s === null ? bad : { ok: true, value: s };
      }
      return bad;
    }
  }
}

/** Column number (1-based) to its letters: 1 -> A, 27 -> AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
