/**
 * Loads a billing data folder (the CSV registers) into the engine's columnar dataset, checking
 * every value. Optional registers that are absent are recorded as such so their rule is skipped.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Dataset, DatasetBuilder } from "../billing/dataset.ts";
import { OPEN, type OptionalRegister } from "../billing/types.ts";
import { InputError } from "../shared/errors.ts";
import { type CsvRow, type ReadCsvOptions, type RejectedRow, readCsv, readCsvText } from "./billing-csv.ts";

export const BILLING_FILES = {
  invoiceLines: "invoice_lines.csv",
  orders: "orders.csv",
  serviceEvents: "service_events.csv",
  subjects: "subjects.csv",
  custody: "custody.csv",
  deaths: "deaths.csv",
  departures: "departures.csv",
  prices: "prices.csv",
} as const;

export interface LoadOptions {
  /** Set bad rows aside instead of stopping. */
  collectRejects?: boolean;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface LoadResult {
  dataset: Dataset;
  rejects: RejectedRow[];
  rowsRead: Record<string, number>;
}

function notBefore(row: CsvRow, column: string, day: number, other: number, otherColumn: string): void {
  if (day !== OPEN && day < other)
    row.fail(column, `expected a date on or after ${otherColumn}, got "${row.text(column)}"`);
}

/** Where the registers come from: a folder on disk or CSV texts in memory. */
interface Source {
  /** The file's name as shown in messages, or null when it is absent. */
  label(file: string): string | null;
  size(file: string): number;
  read(file: string, cols: readonly string[], onRow: (r: CsvRow) => void, opts: ReadCsvOptions): number;
}

export function loadBillingFolder(dir: string, opts: LoadOptions = {}): LoadResult {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: not a data folder`);
  return load(
    {
      label: (f) => (existsSync(join(dir, f)) ? f : null),
      size: (f) => statSync(join(dir, f)).size,
      read: (f, cols, onRow, o) => readCsv(join(dir, f), f, cols, onRow, o),
    },
    opts,
    (f) => new InputError(`${join(dir, f)}: no such file (a billing data folder needs it)`),
  );
}

/**
 * Loads the registers from CSV texts keyed by file name (an upload): the same checks and
 * messages as a folder. Unknown file names are refused so a misnamed file is not silently ignored.
 */
export function loadBillingTexts(files: Record<string, string>, opts: LoadOptions = {}): LoadResult {
  const known = new Set<string>(Object.values(BILLING_FILES));
  for (const name of Object.keys(files)) {
    if (!known.has(name))
      throw new InputError(`unknown file "${name}": expected one of ${[...known].join(", ")}`, {
        location: { path: `files.${name}` },
      });
  }
  const bytes = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v, "utf8")]));
  return load(
    {
      label: (f) => (bytes.has(f) ? f : null),
      size: (f) => bytes.get(f)?.length ?? 0,
      read: (f, cols, onRow, o) => readCsvText(bytes.get(f)!, f, cols, onRow, o),
    },
    opts,
    (f) => new InputError("missing: an upload needs this file", { location: { file: f } }),
  );
}

function load(src: Source, opts: LoadOptions, missing: (file: string) => InputError): LoadResult {
  const b = new DatasetBuilder();
  const rejects: RejectedRow[] = [];
  const rowsRead: Record<string, number> = {};
  const files: string[] = Object.values(BILLING_FILES).filter((f) => src.label(f) !== null);
  const sizes = new Map<string, number>(files.map((f) => [f, src.size(f)]));
  const total = [...sizes.values()].reduce((a, x) => a + x, 0);
  let before = 0;
  const read = (
    file: string,
    cols: readonly string[],
    onRow: (r: CsvRow) => void,
    optional?: OptionalRegister,
  ) => {
    if (src.label(file) === null) {
      if (optional) return;
      throw missing(file);
    }
    if (optional) b.markPresent(optional);
    rowsRead[file] = src.read(file, cols, onRow, {
      onReject: opts.collectRejects ? (r) => rejects.push(r) : undefined,
      onBytes: opts.onProgress ? (done) => opts.onProgress!(before + done, total) : undefined,
    });
    before += sizes.get(file) ?? 0;
  };

  read(BILLING_FILES.subjects, ["subject_id"], (r) => b.addSubject(r.id("subject_id")));
  read(BILLING_FILES.orders, ["order_id", "subject_id", "service_code", "start_date", "end_date"], (r) => {
    const id = r.id("order_id");
    const subject = r.repeatedId("subject_id");
    const service = r.repeatedId("service_code");
    const start = r.date("start_date");
    const end = r.optDate("end_date");
    notBefore(r, "end_date", end, start, "start_date");
    if (!b.addOrder(id, subject, service, start, end)) r.fail("order_id", `order "${id}" is defined twice`);
  });
  read(BILLING_FILES.serviceEvents, ["order_id", "subject_id", "event", "date"], (r) => {
    const order = r.repeatedId("order_id");
    r.id("subject_id");
    const ev = r.text("event");
    if (ev !== "start" && ev !== "stop") r.fail("event", `expected start or stop, got "${ev}"`);
    b.addEvent(order, ev === "start", r.date("date"));
  });
  read(
    BILLING_FILES.custody,
    ["subject_id", "from_date", "to_date"],
    (r) => {
      const s = r.id("subject_id");
      const from = r.date("from_date");
      const to = r.optDate("to_date");
      notBefore(r, "to_date", to, from, "from_date");
      b.addCustody(s, from, to);
    },
    "custody",
  );
  read(
    BILLING_FILES.deaths,
    ["subject_id", "date_of_death"],
    (r) => b.addDeath(r.id("subject_id"), r.date("date_of_death")),
    "deaths",
  );
  read(
    BILLING_FILES.departures,
    ["subject_id", "departure_date", "return_date"],
    (r) => {
      const s = r.id("subject_id");
      const dep = r.date("departure_date");
      const ret = r.optDate("return_date");
      notBefore(r, "return_date", ret, dep, "departure_date");
      b.addDeparture(s, dep, ret);
    },
    "departures",
  );
  read(BILLING_FILES.prices, ["contract_id", "service_code", "valid_from", "valid_to", "unit_price"], (r) => {
    const c = r.id("contract_id");
    const sv = r.id("service_code");
    const from = r.date("valid_from");
    const to = r.optDate("valid_to");
    notBefore(r, "valid_to", to, from, "valid_from");
    b.addPrice(c, sv, from, to, r.pence("unit_price"));
  });
  read(
    BILLING_FILES.invoiceLines,
    [
      "invoice_id",
      "line_id",
      "contract_id",
      "subject_id",
      "order_id",
      "service_code",
      "period_start",
      "period_end",
      "units",
      "unit_price",
      "amount",
    ],
    (r) => {
      const inv = r.repeatedId("invoice_id");
      const lineId = r.id("line_id");
      const contract = r.repeatedId("contract_id");
      const subject = r.repeatedId("subject_id");
      const order = r.repeatedId("order_id");
      const service = r.repeatedId("service_code");
      const start = r.date("period_start");
      const end = r.date("period_end");
      notBefore(r, "period_end", end, start, "period_start");
      r.number("units");
      r.pence("unit_price");
      const amount = r.pence("amount");
      b.addLine(inv, lineId, contract, subject, order, service, start, end, amount);
    },
  );
  return { dataset: b.finish(), rejects, rowsRead };
}
