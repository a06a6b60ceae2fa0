/**
 * A deliberately naive reference implementation of billing reconciliation, written straight from
 * the specification (rules B01–B09 and their order, outputs and formats) and sharing no code with
 * src/billing or the engine's CSV reader. It expands every line into days and checks every rule on
 * every day with plain loops, so it is slow but easy to check by eye. The differential test runs
 * it beside the engine on random nasty data sets and asserts both give the same bytes.
 *
 * Readings of the text that the specification leaves open (kept identical to the engine):
 * - B08 orders billings by invoice_id, then line_id, as plain strings (code-unit order, so
 *   "L10" < "L2"); two lines with the same ids keep their order in the file.
 * - Amounts at risk are exact sums of day fractions (amount / days), rounded once per line and
 *   rule to the nearest penny, halves away from zero; summary.atRisk is the sum of the rows.
 * - A stop on the same day as a start ends that start's monitoring on that day (the day itself
 *   is monitored).
 * - Where several price rows are valid on a day, the highest price applies. A day counts for B09
 *   only when something is actually at risk (a charge of zero or less is never above price).
 * - Several dates of death for a subject: the earliest counts.
 * - Events are matched to orders by order_id alone.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Row = Record<string, string>;

/** The registers as CSV rows (text values); an optional register is undefined when absent. */
export interface RefWorld {
  invoiceLines: Row[];
  orders: Row[];
  serviceEvents: Row[];
  subjects: Row[];
  prices: Row[];
  custody?: Row[];
  deaths?: Row[];
  departures?: Row[];
}

export interface RefException {
  lineId: string;
  invoiceId: string;
  subjectId: string;
  rule: string;
  days: number;
  /** Integer pence. */
  pence: bigint;
}

/** A CSV record: its fields and the line of the file it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A plain RFC 4180 reader: BOM, CRLF, quotes with "" escapes, blank lines skipped. */
export function parseCsvRecords(text: string): CsvRecord[] {
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const records: CsvRecord[] = [];
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    record.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    // A blank line is no record; a line holding only "" is a record with one empty field.
    const blank = record.length === 0 && field === "" && !wasQuoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields: record });
    record = [];
    line++;
    recordLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "" && !wasQuoted) {
      inQuotes = true;
      wasQuoted = true;
    } else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endRecord();
      i++;
    } else if (c === "\n" || c === "\r") endRecord();
    else field += c;
  }
  if (field !== "" || record.length > 0 || wasQuoted) endRecord();
  return records;
}

/** Rows of a CSV text as objects keyed by the (trimmed) header names. */
export function parseCsv(text: string): Row[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) return [];
  const names = header.fields.map((h) => h.trim());
  return rows.map((r) => {
    const o: Row = {};
    names.forEach((n, i) => {
      if (!(n in o)) o[n] = r.fields[i] ?? "";
    });
    return o;
  });
}

/** A row the specification calls bad: where it is and which column is wrong. */
export interface RefReject {
  file: string;
  line: number;
  column: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function isDate(v: string): boolean {
  const m = ISO.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

type Check = [
  column: string,
  kind: "id" | "date" | "opt-date" | "money" | "number" | "event",
  after?: string,
];

/** Each file's columns in the order they are checked, and what each must hold. */
const CHECKS: Record<string, Check[]> = {
  "subjects.csv": [["subject_id", "id"]],
  "orders.csv": [
    ["order_id", "id"],
    ["subject_id", "id"],
    ["service_code", "id"],
    ["start_date", "date"],
    ["end_date", "opt-date", "start_date"],
  ],
  "service_events.csv": [
    ["order_id", "id"],
    ["subject_id", "id"],
    ["event", "event"],
    ["date", "date"],
  ],
  "custody.csv": [
    ["subject_id", "id"],
    ["from_date", "date"],
    ["to_date", "opt-date", "from_date"],
  ],
  "deaths.csv": [
    ["subject_id", "id"],
    ["date_of_death", "date"],
  ],
  "departures.csv": [
    ["subject_id", "id"],
    ["departure_date", "date"],
    ["return_date", "opt-date", "departure_date"],
  ],
  "prices.csv": [
    ["contract_id", "id"],
    ["service_code", "id"],
    ["valid_from", "date"],
    ["valid_to", "opt-date", "valid_from"],
    ["unit_price", "money"],
  ],
  "invoice_lines.csv": [
    ["invoice_id", "id"],
    ["line_id", "id"],
    ["contract_id", "id"],
    ["subject_id", "id"],
    ["order_id", "id"],
    ["service_code", "id"],
    ["period_start", "date"],
    ["period_end", "date", "period_start"],
    ["units", "number"],
    ["unit_price", "money"],
    ["amount", "money"],
  ],
};

/** The first wrong column of a row, or null when the row is good. */
function badColumn(file: string, names: string[], fields: string[]): string | null {
  if (fields.length > names.length) return "row";
  for (const [col, kind, after] of CHECKS[file]!) {
    const i = names.indexOf(col);
    if (i >= fields.length) return col;
    const v = fields[i]!;
    const ok =
      kind === "id"
        ? v !== ""
        : kind === "date"
          ? isDate(v)
          : kind === "opt-date"
            ? v === "" || isDate(v)
            : kind === "money"
              ? /^-?\d{1,13}(\.\d{1,2})?$/.test(v)
              : kind === "number"
                ? /^-?\d+(\.\d+)?$/.test(v)
                : v === "start" || v === "stop";
    if (!ok) return col;
    if (after && v !== "" && v < fields[names.indexOf(after)]!) return col;
  }
  return null;
}

/** The files in the order they are read (so the first bad row is the one a run stops at). */
export const FILE_ORDER = [
  "subjects.csv",
  "orders.csv",
  "service_events.csv",
  "custody.csv",
  "deaths.csv",
  "departures.csv",
  "prices.csv",
  "invoice_lines.csv",
];

/**
 * Reads a data folder into a RefWorld, setting bad rows aside (a wrong or missing value, an end
 * before its start, a second definition of an order, more fields than the header).
 */
export function readRefFolder(dir: string): { world: RefWorld; rejects: RefReject[] } {
  const rejects: RefReject[] = [];
  const files: Record<string, Row[] | undefined> = {};
  for (const f of FILE_ORDER) {
    const path = join(dir, f);
    if (!existsSync(path)) continue;
    const [header, ...records] = parseCsvRecords(readFileSync(path, "utf8"));
    const names = header!.fields.map((h) => h.trim());
    const rows: Row[] = [];
    const orderIds = new Set<string>();
    for (const r of records) {
      let bad = badColumn(f, names, r.fields);
      const o: Row = {};
      names.forEach((n, i) => {
        if (!(n in o)) o[n] = r.fields[i] ?? "";
      });
      if (bad === null && f === "orders.csv") {
        if (orderIds.has(o.order_id!)) bad = "order_id";
        else orderIds.add(o.order_id!);
      }
      if (bad !== null) rejects.push({ file: f, line: r.line, column: bad });
      else rows.push(o);
    }
    files[f] = rows;
  }
  return {
    world: {
      invoiceLines: files["invoice_lines.csv"]!,
      orders: files["orders.csv"]!,
      serviceEvents: files["service_events.csv"]!,
      subjects: files["subjects.csv"]!,
      prices: files["prices.csv"]!,
      custody: files["custody.csv"],
      deaths: files["deaths.csv"],
      departures: files["departures.csv"],
    },
    rejects,
  };
}

/** "YYYY-MM-DD" to days since 1970-01-01. */
export function dayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`bad date "${iso}"`);
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(t.getTime() / 86_400_000);
}

/** Pounds text ("12", "12.5", "-3.05") to integer pence. */
export function penceOf(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`bad money "${text}"`);
  const v = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -v : v;
}

/** Integer pence to "123.45" / "-0.05". */
export function poundsOf(p: bigint): string {
  const neg = p < 0n;
  const a = neg ? -p : p;
  const s = `${a / 100n}.${String(a % 100n).padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

/** num / den (den > 0) to the nearest integer, halves away from zero. */
export function roundHalfAway(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  let q = a / den;
  if (2n * (a % den) >= den) q += 1n;
  return neg ? -q : q;
}

const INF = Number.POSITIVE_INFINITY;
const openEnd = (s: string | undefined) => (s === undefined || s === "" ? INF : dayOf(s));

export const RULES = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09"];

/** Reconciles a world day by day; exceptions in line (file) order then rule order. */
export function referenceReconcile(w: RefWorld): {
  exceptions: RefException[];
  summary: Record<string, unknown>;
} {
  const subjects = new Set(w.subjects.map((r) => r.subject_id!));

  // Monitored intervals of each order: from each start to the first stop on or after it.
  const eventsByOrder = new Map<string, { start: boolean; day: number }[]>();
  for (const e of w.serviceEvents) {
    const list = eventsByOrder.get(e.order_id!) ?? [];
    list.push({ start: e.event === "start", day: dayOf(e.date!) });
    eventsByOrder.set(e.order_id!, list);
  }
  const monitoredOn = (orderId: string, d: number): boolean => {
    const evs = eventsByOrder.get(orderId) ?? [];
    for (const s of evs) {
      if (!s.start || s.day > d) continue;
      let stop = INF;
      for (const t of evs) if (!t.start && t.day >= s.day && t.day < stop) stop = t.day;
      if (d <= stop) return true;
    }
    return false;
  };
  const startedBy = (orderId: string, d: number): boolean =>
    (eventsByOrder.get(orderId) ?? []).some((e) => e.start && e.day <= d);

  const deathOf = new Map<string, number>();
  for (const r of w.deaths ?? []) {
    const d = dayOf(r.date_of_death!);
    deathOf.set(r.subject_id!, Math.min(d, deathOf.get(r.subject_id!) ?? INF));
  }

  // Billing order for B08: invoice_id, line_id (plain strings), then file order.
  const idx = w.invoiceLines.map((_, i) => i);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  idx.sort(
    (a, b) =>
      cmp(w.invoiceLines[a]!.invoice_id!, w.invoiceLines[b]!.invoice_id!) ||
      cmp(w.invoiceLines[a]!.line_id!, w.invoiceLines[b]!.line_id!) ||
      a - b,
  );

  const billed = new Set<string>();
  // Per line: rule -> [days, numerator of pence over the line's days].
  const perLine: Map<string, [number, bigint]>[] = w.invoiceLines.map(() => new Map());
  for (const i of idx) {
    const l = w.invoiceLines[i]!;
    const subject = l.subject_id!;
    const service = l.service_code!;
    const a = dayOf(l.period_start!);
    const b = dayOf(l.period_end!);
    const n = BigInt(b - a + 1);
    const amount = penceOf(l.amount!);
    const add = (rule: string, num: bigint) => {
      const cur = perLine[i]!.get(rule) ?? [0, 0n];
      perLine[i]!.set(rule, [cur[0] + 1, cur[1] + num]);
    };
    for (let d = a; d <= b; d++) {
      const key = `${subject}|${service}|${d}`;
      const again = billed.has(key);
      billed.add(key);
      if (!subjects.has(subject)) {
        add("B01", amount);
        continue;
      }
      if (w.deaths && d > (deathOf.get(subject) ?? INF)) {
        add("B06", amount);
        continue;
      }
      if (
        w.custody?.some(
          (c) => c.subject_id === subject && dayOf(c.from_date!) <= d && d <= openEnd(c.to_date),
        )
      ) {
        add("B05", amount);
        continue;
      }
      if (
        w.departures?.some(
          (x) => x.subject_id === subject && dayOf(x.departure_date!) <= d && d < openEnd(x.return_date),
        )
      ) {
        add("B07", amount);
        continue;
      }
      const covering = w.orders.filter(
        (o) =>
          o.subject_id === subject &&
          o.service_code === service &&
          dayOf(o.start_date!) <= d &&
          d <= openEnd(o.end_date),
      );
      if (covering.length === 0) {
        add("B02", amount);
        continue;
      }
      const started = covering.filter((o) => startedBy(o.order_id!, d));
      if (started.length === 0) {
        add("B04", amount);
        continue;
      }
      if (!started.some((o) => monitoredOn(o.order_id!, d))) {
        add("B03", amount);
        continue;
      }
      if (again) {
        add("B08", amount);
        continue;
      }
      let price: bigint | null = null;
      for (const p of w.prices) {
        if (p.contract_id !== l.contract_id || p.service_code !== service) continue;
        if (dayOf(p.valid_from!) <= d && d <= openEnd(p.valid_to)) {
          const v = penceOf(p.unit_price!);
          if (price === null || v > price) price = v;
        }
      }
      // Charge per day is amount / n; above price by (amount - n × price) / n.
      const over = price === null ? amount : amount - n * price;
      if (over > 0n) add("B09", over);
    }
  }

  const exceptions: RefException[] = [];
  const byRule: Record<string, { lines: number; days: number; amount: bigint }> = {};
  for (const r of RULES) byRule[r] = { lines: 0, days: 0, amount: 0n };
  let atRisk = 0n;
  let subjectDays = 0;
  let billedTotal = 0n;
  w.invoiceLines.forEach((l, i) => {
    const n = dayOf(l.period_end!) - dayOf(l.period_start!) + 1;
    subjectDays += n;
    billedTotal += penceOf(l.amount!);
    for (const rule of RULES) {
      const got = perLine[i]!.get(rule);
      if (!got) continue;
      const pence = roundHalfAway(got[1], BigInt(n));
      exceptions.push({
        lineId: l.line_id!,
        invoiceId: l.invoice_id!,
        subjectId: l.subject_id!,
        rule,
        days: got[0],
        pence,
      });
      byRule[rule]!.lines++;
      byRule[rule]!.days += got[0];
      byRule[rule]!.amount += pence;
      atRisk += pence;
    }
  });
  const skipped: string[] = [];
  if (!w.custody) skipped.push("B05");
  if (!w.deaths) skipped.push("B06");
  if (!w.departures) skipped.push("B07");
  return {
    exceptions,
    summary: {
      lines: w.invoiceLines.length,
      subjectDays,
      billed: poundsOf(billedTotal),
      atRisk: poundsOf(atRisk),
      byRule: Object.fromEntries(
        RULES.map((r) => [
          r,
          { lines: byRule[r]!.lines, days: byRule[r]!.days, amount: poundsOf(byRule[r]!.amount) },
        ]),
      ),
      skippedRules: skipped,
    },
  };
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** exceptions.csv as the specification lays it out. */
export function referenceExceptionsCsv(ex: RefException[]): string {
  let out = "line_id,invoice_id,subject_id,rule,days,amount_at_risk\n";
  for (const e of ex)
    out += `${csvField(e.lineId)},${csvField(e.invoiceId)},${csvField(e.subjectId)},${e.rule},${e.days},${poundsOf(e.pence)}\n`;
  return out;
}
