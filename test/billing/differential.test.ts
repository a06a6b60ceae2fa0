/**
 * Differential test: the engine (through the CLI's reader, reconciler and writer) against the
 * naive reference in reference.ts, on a few hundred small seeded data sets built to hit every
 * boundary the specification names: overlapping orders, open orders, start and stop on the same
 * day, stops before starts, events outside the order, one-day custody spells, deaths, departures
 * returning the same day, price schedules with gaps and mid-line changes, lines billed twice
 * within and across invoices, unknown subjects, one-day lines, amounts that do not divide evenly,
 * optional registers absent; and CSV written with shuffled and extra columns, CRLF, a BOM,
 * quoted fields, blank trailing lines and money as "12", "12.5" or "12.50".
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { listExceptions } from "../../src/billing/index.ts";
import { reconcileDataset } from "../../src/billing/reconcile.ts";
import { registerBilling } from "../../src/cli/commands/billing.ts";
import { loadBillingTexts } from "../../src/io/billing-load.ts";
import { summaryJson } from "../../src/io/billing-write.ts";
import { CSV_BOM } from "../../src/shared/csv.ts";
import { InputError } from "../../src/shared/errors.ts";
import {
  type RefWorld,
  type Row,
  readRefFolder,
  referenceExceptionsCsv,
  referenceReconcile,
} from "./reference.ts";

const work = mkdtempSync(join(tmpdir(), "nous-billing-diff-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** mulberry32: a tiny seeded generator, so a failing seed can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

/** Around a leap day, across 1970-01-01 (day 0), and around 2100's missing leap day. */
const BASES = [Date.UTC(2016, 1, 10), Date.UTC(1969, 11, 20), Date.UTC(2100, 1, 10)].map(
  (t) => t / 86_400_000,
);
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

function money(r: Rng, pence: number): string {
  const neg = pence < 0;
  const a = Math.abs(pence);
  const pounds = Math.floor(a / 100);
  const p = a % 100;
  let s: string;
  if (p === 0 && r.chance(0.5)) s = String(pounds);
  else if (p % 10 === 0 && r.chance(0.5)) s = `${pounds}.${p / 10}`;
  else s = `${pounds}.${String(p).padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

/** A small nasty world, as CSV rows of text. */
function generateWorld(seed: number): RefWorld {
  const r = rng(seed);
  const nSubjects = r.int(1, 4);
  const subjectPool = ["S1", "S2", "S10", 'S"4,x', "S5"];
  const subjects = subjectPool.slice(0, nSubjects);
  const services = r.chance(0.6) ? ["EM", "GPS"] : ["EM"];
  const contracts = r.chance(0.5) ? ["C1", "C2"] : ["C1"];
  const base = r.chance(0.8) ? BASES[0]! : r.pick(BASES);
  const day = (lo: number, hi: number) => base + r.int(lo, hi);

  const registered = subjects.filter((_, i) => i > 0 || r.chance(0.8));
  const orders: Row[] = [];
  const events: Row[] = [];
  let orderNo = 0;
  for (const s of subjects) {
    const n = r.int(r.chance(0.1) ? 0 : 1, 3);
    for (let k = 0; k < n; k++) {
      const id = `O${++orderNo}`;
      const start = day(-15, 35);
      const end = r.chance(0.3) ? null : start + (r.chance(0.1) ? 0 : r.int(0, 45));
      orders.push({
        order_id: id,
        subject_id: s,
        service_code: r.chance(0.75) ? services[0]! : r.pick(services),
        start_date: iso(start),
        end_date: end === null ? "" : iso(end),
      });
      const nEv = r.int(0, 5);
      const last = end ?? start + 40;
      for (let e = 0; e < nEv; e++) {
        const date = r.chance(0.15)
          ? start - r.int(1, 6)
          : r.chance(0.1)
            ? last + r.int(1, 6)
            : r.int(start, last);
        const event = e === 0 && r.chance(0.7) ? "start" : r.pick(["start", "stop"]);
        events.push({ order_id: id, subject_id: s, event, date: iso(date) });
        // The same day, the other event too (fitted and removed, or removed and refitted).
        if (r.chance(0.15))
          events.push({
            order_id: id,
            subject_id: s,
            event: event === "start" ? "stop" : "start",
            date: iso(date),
          });
      }
    }
  }
  if (r.chance(0.2))
    events.push({ order_id: "O-NONE", subject_id: "S1", event: "start", date: iso(day(-5, 5)) });
  for (let i = events.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [events[i], events[j]] = [events[j]!, events[i]!];
  }

  const custody: Row[] = [];
  const deaths: Row[] = [];
  const departures: Row[] = [];
  for (const s of subjects) {
    for (let k = r.int(0, 2); k > 0; k--) {
      const from = day(-10, 50);
      const to = r.chance(0.2) ? "" : iso(from + (r.chance(0.3) ? 0 : r.int(1, 10)));
      custody.push({ subject_id: s, from_date: iso(from), to_date: to });
    }
    if (r.chance(0.25)) deaths.push({ subject_id: s, date_of_death: iso(day(-5, 55)) });
    if (r.chance(0.05)) deaths.push({ subject_id: s, date_of_death: iso(day(-5, 55)) });
    for (let k = r.int(0, 2); k > 0; k--) {
      const dep = day(-10, 50);
      const ret = r.chance(0.2) ? "" : iso(dep + (r.chance(0.2) ? 0 : r.int(1, 10)));
      departures.push({ subject_id: s, departure_date: iso(dep), return_date: ret });
    }
  }

  // Price schedules: consecutive segments with the odd gap, sometimes open-ended, sometimes none.
  const prices: Row[] = [];
  const priceOf = new Map<string, number>();
  for (const c of contracts) {
    for (const sv of services) {
      if (r.chance(0.15)) continue;
      let from = day(-30, 0);
      const pence = r.pick([1000, 1050, 999, 1200]);
      priceOf.set(`${c}|${sv}`, pence);
      for (let k = r.int(1, 4); k > 0; k--) {
        const open = k === 1 && r.chance(0.5);
        const to = from + r.int(0, 30);
        prices.push({
          contract_id: c,
          service_code: sv,
          valid_from: iso(from),
          valid_to: open ? "" : iso(to),
          unit_price: money(r, r.pick([pence, pence + 50, pence - 100, 1000])),
        });
        from = to + 1 + (r.chance(0.3) ? r.int(1, 5) : 0);
      }
      // Now and then a row overlapping the others (the highest price valid on a day applies).
      if (r.chance(0.1)) {
        const a = day(-10, 40);
        prices.push({
          contract_id: c,
          service_code: sv,
          valid_from: iso(a),
          valid_to: iso(a + r.int(0, 10)),
          unit_price: money(r, r.pick([pence + 25, pence - 25])),
        });
      }
    }
  }

  const lines: Row[] = [];
  const invoices = ["INV1", "INV2", "INV10"];
  const nLines = r.chance(0.2) ? r.int(13, 30) : r.int(2, 12);
  for (let i = 0; i < nLines; i++) {
    if (lines.length > 0 && r.chance(0.2)) {
      // Billed again: the same stretch, or a shifted one, in this or another invoice.
      const src = r.pick(lines);
      const shift = r.chance(0.5) ? 0 : r.int(-5, 5);
      const n = Math.round((Date.parse(src.period_end!) - Date.parse(src.period_start!)) / 86_400_000);
      const a = Date.parse(src.period_start!) / 86_400_000 + shift;
      lines.push({
        ...src,
        invoice_id: r.pick(invoices),
        line_id: r.chance(0.2) ? src.line_id! : `L${r.int(1, 12)}`,
        period_start: iso(a),
        period_end: iso(a + n),
      });
      continue;
    }
    const s = r.chance(0.1) ? "GHOST" : r.pick(subjects);
    const sv = r.chance(0.8) ? services[0]! : r.pick(services);
    const c = r.pick(contracts);
    const a = day(-10, 50);
    const n = r.chance(0.2) ? 1 : r.int(1, 35);
    const unit = priceOf.get(`${c}|${sv}`) ?? 1000;
    let amount = n * unit + r.pick([0, 0, 1, -1, 7, 50 * n, -37, 3 * n + 1]);
    if (r.chance(0.05)) amount = 0;
    if (r.chance(0.05)) amount = -amount;
    if (r.chance(0.02)) amount = 99_999_999_999 - r.int(0, 99);
    // The largest amount the reader takes: days × amount is beyond 2^53.
    if (r.chance(0.01)) amount = 999_999_999_999_999 - r.int(0, 99);
    lines.push({
      invoice_id: r.pick(invoices),
      line_id: `L${r.int(1, 12)}`,
      contract_id: c,
      subject_id: s,
      order_id: r.chance(0.1) ? "O-UNKNOWN" : `O${r.int(1, Math.max(1, orderNo))}`,
      service_code: sv,
      period_start: iso(a),
      period_end: iso(a + n - 1),
      units: String(n),
      unit_price: money(r, unit),
      amount: money(r, amount),
    });
  }

  return {
    invoiceLines: lines,
    orders,
    serviceEvents: events,
    subjects: registered.map((s) => ({ subject_id: s })),
    prices,
    custody: r.chance(0.85) ? custody : undefined,
    deaths: r.chance(0.85) ? deaths : undefined,
    departures: r.chance(0.85) ? departures : undefined,
  };
}

const COLUMNS: Record<string, string[]> = {
  "invoice_lines.csv": [
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
  "orders.csv": ["order_id", "subject_id", "service_code", "start_date", "end_date"],
  "service_events.csv": ["order_id", "subject_id", "event", "date"],
  "subjects.csv": ["subject_id"],
  "custody.csv": ["subject_id", "from_date", "to_date"],
  "deaths.csv": ["subject_id", "date_of_death"],
  "departures.csv": ["subject_id", "departure_date", "return_date"],
  "prices.csv": ["contract_id", "service_code", "valid_from", "valid_to", "unit_price"],
};

/** Writes one register with this seed's quirks: column order, extra columns, quoting, CRLF, BOM. */
function writeCsv(r: Rng, path: string, columns: string[], rows: Row[]): void {
  const cols = [...columns];
  if (r.chance(0.3))
    for (let i = cols.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [cols[i], cols[j]] = [cols[j]!, cols[i]!];
    }
  const extra = r.chance(0.3);
  if (extra) cols.splice(r.int(0, cols.length), 0, "note");
  const quoteAll = r.chance(0.2);
  const eol = r.chance(0.3) ? "\r\n" : "\n";
  const field = (v: string) => (quoteAll || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const out: string[] = [cols.map(field).join(",")];
  for (const row of rows) {
    const fields = cols.map((c) => field(c === "note" ? r.pick(["", 'see, "ref"', "x\ny"]) : row[c]!));
    if (row.__truncate) fields.length = Math.max(0, fields.length - Number(row.__truncate));
    if (row.__extra) fields.push("x");
    out.push(fields.join(","));
  }
  let text = out.join(eol) + (r.chance(0.8) ? eol : "");
  if (r.chance(0.2)) text += eol;
  writeFileSync(path, (r.chance(0.2) ? "\uFEFF" : "") + text);
}

const BAD_VALUES: Record<string, string[]> = {
  id: [""],
  date: ["2015-02-29", "01/03/2016", "2016-13-01", "2016-2-1", ""],
  "opt-date": ["2016-02-30", "before"],
  money: ["ten", "1.005", "", "12,50", "£3", ".5"],
  number: ["x", "", "1e3"],
  event: ["fitted", "START", ""],
};
/** Columns that can be made bad, per file, and the kind of value each holds. */
const KINDS: Record<string, [string, string][]> = {
  "subjects.csv": [["subject_id", "id"]],
  "orders.csv": [
    ["order_id", "id"],
    ["start_date", "date"],
    ["end_date", "opt-date"],
  ],
  "service_events.csv": [
    ["order_id", "id"],
    ["event", "event"],
    ["date", "date"],
  ],
  "custody.csv": [
    ["from_date", "date"],
    ["to_date", "opt-date"],
  ],
  "deaths.csv": [["date_of_death", "date"]],
  "departures.csv": [["return_date", "opt-date"]],
  "prices.csv": [
    ["valid_to", "opt-date"],
    ["unit_price", "money"],
  ],
  "invoice_lines.csv": [
    ["line_id", "id"],
    ["period_start", "date"],
    ["period_end", "opt-date"],
    ["units", "number"],
    ["unit_price", "money"],
    ["amount", "money"],
  ],
};
const START_OF: Record<string, string> = {
  end_date: "start_date",
  to_date: "from_date",
  return_date: "departure_date",
  valid_to: "valid_from",
  period_end: "period_start",
};

/** Copies of a few rows made bad (a wrong value, too few or too many fields, an order twice). */
function injectBadRows(seed: number, w: RefWorld): RefWorld {
  const r = rng(seed ^ 0xbad);
  const out: RefWorld = { ...w };
  const keys: [keyof RefWorld, string][] = [
    ["subjects", "subjects.csv"],
    ["orders", "orders.csv"],
    ["serviceEvents", "service_events.csv"],
    ["custody", "custody.csv"],
    ["deaths", "deaths.csv"],
    ["departures", "departures.csv"],
    ["prices", "prices.csv"],
    ["invoiceLines", "invoice_lines.csv"],
  ];
  for (let k = r.int(1, 4); k > 0; k--) {
    const [key, file] = r.pick(keys);
    const rows = out[key];
    if (!rows || rows.length === 0) continue;
    const copy = [...rows];
    const bad: Row = { ...r.pick(rows) };
    const how = r.next();
    if (how < 0.15) bad.__truncate = String(r.int(1, 2));
    else if (how < 0.25) bad.__extra = "1";
    else if (!(how < 0.35 && key === "orders")) {
      // (an order row copied as it is is a second definition of the order)
      const [col, kind] = r.pick(KINDS[file]!);
      const v = r.pick(BAD_VALUES[kind]!);
      if (v === "before") {
        // An end before its start (or an impossible date where the row has no end).
        if (bad[col] === "") bad[col] = "2016-02-30";
        else bad[col] = iso(Date.parse(bad[START_OF[col]!]!) / 86_400_000 - 1);
      } else bad[col] = v;
    }
    copy.splice(r.int(0, copy.length), 0, bad);
    out[key] = copy;
  }
  return out;
}

function writeWorld(seed: number, w: RefWorld): string {
  const r = rng(seed ^ 0x5eed);
  const dir = join(work, `data-${seed}`);
  mkdirSync(dir, { recursive: true });
  const files: [string, Row[] | undefined][] = [
    ["invoice_lines.csv", w.invoiceLines],
    ["orders.csv", w.orders],
    ["service_events.csv", w.serviceEvents],
    ["subjects.csv", w.subjects],
    ["custody.csv", w.custody],
    ["deaths.csv", w.deaths],
    ["departures.csv", w.departures],
    ["prices.csv", w.prices],
  ];
  for (const [f, rows] of files) if (rows) writeCsv(r, join(dir, f), COLUMNS[f]!, rows);
  return dir;
}

/** Runs `nous billing reconcile` in this process (the CLI's own adapter code). */
async function reconcileInProcess(data: string, out: string, ...more: string[]): Promise<void> {
  const program = new Command().exitOverride();
  registerBilling(program);
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await program.parseAsync(["billing", "reconcile", "--data", data, "--out", out, "--quiet", ...more], {
      from: "user",
    });
  } finally {
    process.stdout.write = write;
  }
}

function expectSame(seed: number, data: string, out: string, rejectsFile?: string): void {
  const { world, rejects } = readRefFolder(data);
  const ref = referenceReconcile(world);
  const csv = readFileSync(join(out, "exceptions.csv"), "utf8");
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
  // The file starts with a BOM for Excel (src/shared/csv.ts); the rows are the specification's.
  expect(csv, `seed ${seed} (${data}): exceptions.csv`).toBe(
    CSV_BOM + referenceExceptionsCsv(ref.exceptions),
  );
  if (rejectsFile === undefined) {
    expect(rejects, `seed ${seed}: no bad rows were generated`).toEqual([]);
    expect(summary, `seed ${seed} (${data}): summary.json`).toEqual(ref.summary);
    return;
  }
  expect(summary, `seed ${seed} (${data}): summary.json`).toEqual({
    ...ref.summary,
    rejectedRows: rejects.length,
  });
  const got = readFileSync(rejectsFile, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").slice(0, 3).join(","));
  expect(got, `seed ${seed} (${data}): rejects`).toEqual(
    rejects.map((x) => `${x.file},${x.line},${x.column}`),
  );
}

const SEEDS = 200;

describe("billing engine against the naive reference", () => {
  it(`agrees on ${SEEDS} seeded nasty data sets (through the CLI adapter)`, async () => {
    let exceptions = 0;
    const rulesSeen = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const data = writeWorld(seed, generateWorld(seed));
      const out = join(work, `out-${seed}`);
      await reconcileInProcess(data, out);
      expectSame(seed, data, out);
      const rows = readFileSync(join(out, "exceptions.csv"), "utf8").trim().split("\n").slice(1);
      exceptions += rows.length;
      for (const row of rows) rulesSeen.add(row.split(",").at(-3)!);
    }
    // The generator really reaches every rule, and plenty of rows are compared.
    expect([...rulesSeen].sort()).toEqual(["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09"]);
    expect(exceptions).toBeGreaterThan(SEEDS * 2);
  }, 60_000);

  it("sets aside the same bad rows with --rejects, and agrees on the rest", async () => {
    let rejected = 0;
    for (let seed = 5001; seed <= 5060; seed++) {
      const data = writeWorld(seed, injectBadRows(seed, generateWorld(seed)));
      const out = join(work, `out-${seed}`);
      const rejects = join(work, `rejects-${seed}.csv`);
      await reconcileInProcess(data, out, "--rejects", rejects);
      expectSame(seed, data, out, rejects);
      rejected += readRefFolder(data).rejects.length;
    }
    expect(rejected).toBeGreaterThan(60);
  }, 60_000);

  it("without --rejects stops at the first bad row with file:line: column and writes nothing", async () => {
    let stopped = 0;
    for (let seed = 6001; seed <= 6030; seed++) {
      const data = writeWorld(seed, injectBadRows(seed, generateWorld(seed)));
      const first = readRefFolder(data).rejects[0];
      const out = join(work, `out-${seed}`);
      let err: unknown = null;
      try {
        await reconcileInProcess(data, out);
      } catch (e) {
        err = e;
      }
      if (first === undefined) {
        expect(err, `seed ${seed}`).toBeNull();
        continue;
      }
      stopped++;
      expect(err, `seed ${seed}`).toBeInstanceOf(InputError);
      const loc = (err as InputError).location;
      expect({ file: loc.file, line: loc.line, column: loc.path }, `seed ${seed} (${data})`).toEqual(first);
      expect(existsSync(out), `seed ${seed}: nothing written`).toBe(false);
    }
    expect(stopped).toBeGreaterThan(20);
  }, 60_000);

  it("reads an upload (CSV texts in memory) exactly as a folder", () => {
    for (let seed = 7001; seed <= 7030; seed++) {
      const data = writeWorld(seed, generateWorld(seed));
      const texts: Record<string, string> = {};
      for (const f of readdirSync(data)) texts[f] = readFileSync(join(data, f), "utf8");
      const { dataset } = loadBillingTexts(texts);
      const { exceptions, summary } = reconcileDataset(dataset);
      const ref = referenceReconcile(readRefFolder(data).world);
      const got = listExceptions(dataset, exceptions).map(
        (e) => `${e.lineId}|${e.invoiceId}|${e.subjectId}|${e.rule}|${e.days}|${e.amountAtRisk}`,
      );
      expect(got, `seed ${seed}`).toEqual(
        ref.exceptions.map((e) => `${e.lineId}|${e.invoiceId}|${e.subjectId}|${e.rule}|${e.days}|${e.pence}`),
      );
      expect(summaryJson(summary), `seed ${seed}`).toEqual(ref.summary);
    }
  }, 60_000);

  it("agrees through the real `nous` command on a few seeds", () => {
    for (const seed of [7, 42, 1001]) {
      const data = writeWorld(seed, generateWorld(seed));
      const out = join(work, `cli-out-${seed}`);
      const r = spawnSync(
        process.execPath,
        ["bin/nous.js", "billing", "reconcile", "--data", data, "--out", out, "--quiet"],
        { encoding: "utf8", env: { ...process.env, NOUS_QUIET: "1" } },
      );
      expect(r.status, r.stderr).toBe(0);
      expectSame(seed, data, out);
    }
  }, 60_000);
});
