/**
 * What `nous manage ...` does, loaded only when one of those commands runs. Each command opens
 * the store, calls the use case the API calls (src/app/manage-dates.ts, manage-performance.ts,
 * manage-performance-import.ts) and writes what it answers: no rule of contract management is
 * decided here, only which use case, which day is "today" and how the answer is printed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { attentionFor, calendarFor, contractDates, register, registerCsv } from "../../app/manage-dates.ts";
import { contractPerformance, supplierScorecards } from "../../app/manage-performance.ts";
import {
  importResults,
  resultsTemplateCsv,
  resultsTemplateXlsx,
} from "../../app/manage-performance-import.ts";
import type { Deadline } from "../../contract/manage-dates.ts";
import { ROLES } from "../../contract/roles.ts";
import { isIsoDate, todayInLondon } from "../../shared/dates.ts";
import { InputError } from "../../shared/errors.ts";
import { withStore } from "../store.ts";

/** `--today`, checked, else today's date in Europe/London. */
export function todayOf(flag: string | undefined): string {
  if (flag === undefined) return todayInLondon();
  if (!isIsoDate(flag)) throw new InputError(`--today: expected a real date YYYY-MM-DD, got "${flag}"`);
  return flag;
}

/** `--format`, one of the formats the command writes. */
function formatOf<F extends string>(flag: string, allowed: readonly F[]): F {
  if ((allowed as readonly string[]).includes(flag)) return flag as F;
  throw new InputError(`--format: expected ${allowed.join(", ")}, got "${flag}"`);
}

const out = (text: string) => process.stdout.write(text);
const json = (value: unknown) => out(`${JSON.stringify(value, null, 2)}\n`);

/** Rows as left-aligned columns under a header, for a person reading a terminal. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

export async function registerCmd(o: {
  publishedOnly?: boolean;
  format: string;
  today?: string;
  db?: string;
}): Promise<void> {
  const format = formatOf(o.format, ["csv", "json"] as const);
  const today = todayOf(o.today);
  const published = o.publishedOnly === true;
  await withStore(o.db, async (store) => {
    if (format === "csv") out(await registerCsv(store, published, today));
    else json(await register(store, published, today));
  });
}

/** A deadline with the contract it belongs to. */
export interface ContractDeadline extends Deadline {
  contractId: string;
}

/** The options of `nous manage deadlines`. */
export interface DeadlinesOptions {
  within?: string;
  publishedOnly?: boolean;
  format: string;
  baseUrl?: string;
  today?: string;
  db?: string;
}

export async function deadlines(o: DeadlinesOptions): Promise<void> {
  const format = formatOf(o.format, ["table", "ics", "json"] as const);
  const today = todayOf(o.today);
  let within: number | null = null;
  if (o.within !== undefined) {
    if (!/^\d+$/.test(o.within))
      throw new InputError(`--within: expected a whole number of days, got "${o.within}"`);
    within = Number(o.within);
  }
  const published = o.publishedOnly === true;
  if (format === "ics") {
    // The feed is the one the dashboard serves: every deadline, for the calendar to keep.
    if (within !== null)
      throw new InputError("--within: the iCalendar feed carries every deadline; use it with table or json");
    if (o.today !== undefined)
      throw new InputError("--today: the iCalendar feed does not depend on the day; leave it out");
    const ics = await withStore(o.db, (store) =>
      calendarFor(store, published, { baseUrl: o.baseUrl ?? "", generatedAt: new Date() }),
    );
    out(ics);
    return;
  }
  const all = await withStore(o.db, async (store) => {
    const list: ContractDeadline[] = [];
    for (const row of await register(store, published, today)) {
      const dates = await contractDates(store, row.id, published, today);
      for (const d of dates.deadlines) list.push({ contractId: row.id, ...d });
    }
    return list;
  });
  const shown = all
    .filter((d) => within === null || (d.daysLeft >= 0 && d.daysLeft <= within))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
  if (format === "json") {
    json({ today, withinDays: within, deadlines: shown });
    return;
  }
  out(
    table(
      ["DATE", "DAYS", "CONTRACT", "KIND", "WHAT"],
      shown.map((d) => [d.date, String(d.daysLeft), d.contractId, d.kind, d.title]),
    ),
  );
}

export async function attention(o: {
  role: string;
  format: string;
  today?: string;
  db?: string;
}): Promise<void> {
  const format = formatOf(o.format, ["table", "json"] as const);
  const today = todayOf(o.today);
  if (!(ROLES as readonly string[]).includes(o.role))
    throw new InputError(`--role: expected ${ROLES.join(", ")}, got "${o.role}"`);
  const list = await withStore(o.db, (store) => attentionFor(store, o.role, { today }));
  if (format === "json") {
    json(list);
    return;
  }
  out(
    table(
      ["SEVERITY", "DUE", "DAYS", "CONTRACT", "KIND", "WHAT"],
      list.items.map((i) => [
        i.severity,
        i.dueDate ?? "",
        i.daysLeft === null ? "" : String(i.daysLeft),
        i.contractId ?? "",
        i.kind,
        i.title,
      ]),
    ),
  );
}

export async function performance(
  contract: string,
  o: { format: string; today?: string; db?: string },
): Promise<void> {
  const format = formatOf(o.format, ["table", "json"] as const);
  const today = todayOf(o.today);
  const perf = await withStore(o.db, (store) => contractPerformance(store, contract, today));
  if (format === "json") {
    json(perf);
    return;
  }
  const rows = perf.kpis.flatMap((k) => [
    ...k.results.map((r) => [
      k.id,
      r.periodEnd,
      r.value,
      r.outcome,
      r.rating,
      r.unverified ? "unverified" : "",
    ]),
    ...k.overdue.map((p) => [k.id, p, "", "overdue", "", ""]),
  ]);
  out(table(["KPI", "PERIOD END", "RESULT", "OUTCOME", "RATING", "CHECKED"], rows));
}

/** `--out`'s kind of spreadsheet, from its extension. */
function sheetKind(file: string): "xlsx" | "csv" {
  if (/\.xlsx$/i.test(file)) return "xlsx";
  if (/\.csv$/i.test(file)) return "csv";
  throw new InputError(`--out: expected a file name ending .xlsx or .csv, got "${file}"`);
}

export async function kpiTemplate(
  contract: string,
  o: { out: string; today?: string; db?: string },
): Promise<void> {
  const kind = sheetKind(o.out);
  const today = todayOf(o.today);
  const data = await withStore<string | Buffer>(o.db, (store) =>
    kind === "xlsx"
      ? resultsTemplateXlsx(store, contract, today)
      : resultsTemplateCsv(store, contract, today),
  );
  writeFileSync(o.out, data);
  out(`wrote the KPI results template for ${contract} to ${o.out}\n`);
}

export async function kpiImport(
  contract: string,
  file: string,
  o: { reason: string; user: string; db?: string },
): Promise<void> {
  if (!o.reason.trim()) throw new InputError("--reason: say why the results are stored");
  if (!o.user.trim()) throw new InputError("--user: expected a name");
  const bytes = readFileSync(file);
  // The use case is given the file's name as an upload gives it (and the audit trail keeps it);
  // an error it names that file in is put at the path given here.
  const name = basename(file);
  const stored = await withStore(o.db, async (store) => {
    try {
      return await importResults(store, contract, name, bytes, { username: o.user, reason: o.reason });
    } catch (e) {
      throw located(e, name, file);
    }
  });
  out(`stored ${stored.stored} KPI result${stored.stored === 1 ? "" : "s"} for ${contract} from ${file}\n`);
}

/**
 * The use case's error for a file starts with the file's name, for the API's reader; here it is
 * put in the CLI's one line as `FILE:ROW: message`, the message still naming sheet and column.
 */
function located(e: unknown, name: string, path: string): unknown {
  const prefix = `${name}: `;
  if (!(e instanceof InputError)) return e;
  if (e.location.file !== name && !e.message.startsWith(prefix)) return e;
  const message = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
  return new InputError(message, {
    code: e.code,
    location: { file: path, line: e.location.line },
    details: e.details,
  });
}

const percentOf = (score: number | null | undefined) =>
  score === null || score === undefined ? "" : `${score}%`;

export async function scorecardsCmd(o: { format: string; db?: string }): Promise<void> {
  const format = formatOf(o.format, ["table", "json"] as const);
  const cards = await withStore(o.db, (store) => supplierScorecards(store));
  if (format === "json") {
    json(cards);
    return;
  }
  const rows = cards.flatMap((c) =>
    c.series.map((s) => {
      const last = s.points.at(-1);
      return [
        c.supplier,
        s.contractId,
        last?.month ?? "",
        percentOf(last?.scorePercent),
        last?.rating ?? "",
        percentOf(c.latest?.scorePercent),
      ];
    }),
  );
  out(table(["SUPPLIER", "CONTRACT", "LATEST MONTH", "SCORE", "RATING", "SUPPLIER SCORE"], rows));
}
