/**
 * A seeded generator of realistic national billing data with anomalies planted at known rates,
 * and the truth: which lines should be caught, by which rule, for how many days and how much.
 *
 * The world: a few contracts and two services (radio-frequency curfew tags, GPS tags) with a
 * price rise on the first of some month; subjects with one to three orders of weeks to years,
 * tags fitted a day or two after an order starts and removed when it ends, custody spells between
 * orders, deaths after the last order, trips abroad before the first. The supplier bills each
 * order monthly. An anomalous subject has exactly one kind of anomaly, so the truth follows from
 * how it was planted, without running the engine.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { dayNumber, isoDate } from "../shared/dates.ts";
import { penceToDecimal } from "../shared/money.ts";
import type { RuleId } from "./types.ts";

export type GeneratedTable =
  | "invoice_lines"
  | "orders"
  | "service_events"
  | "subjects"
  | "custody"
  | "deaths"
  | "departures"
  | "prices"
  | "truth";

export const GENERATED_HEADERS: Record<GeneratedTable, string[]> = {
  invoice_lines: [
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
  orders: ["order_id", "subject_id", "service_code", "start_date", "end_date"],
  service_events: ["order_id", "subject_id", "event", "date"],
  subjects: ["subject_id"],
  custody: ["subject_id", "from_date", "to_date"],
  deaths: ["subject_id", "date_of_death"],
  departures: ["subject_id", "departure_date", "return_date"],
  prices: ["contract_id", "service_code", "valid_from", "valid_to", "unit_price"],
  truth: ["line_id", "invoice_id", "subject_id", "rule", "days", "amount_at_risk"],
};

export interface GeneratorSink {
  row(table: GeneratedTable, fields: string[]): void;
}

export interface GenerateOptions {
  lines: number;
  seed: number;
  /** Share of subjects given each anomaly (default DEFAULT_RATES). */
  rates?: Partial<Record<RuleId, number>>;
  /** Contract ids to bill under (default four regional contracts). */
  contracts?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

/** Share of subjects planted with each anomaly. */
export const DEFAULT_RATES: Record<RuleId, number> = {
  B01: 0.01,
  B02: 0.015,
  B03: 0.015,
  B04: 0.01,
  B05: 0.015,
  B06: 0.008,
  B07: 0.01,
  B08: 0.015,
  B09: 0.015,
};

const DEFAULT_CONTRACTS = ["CTR-NORTH", "CTR-SOUTH", "CTR-EAST", "CTR-WEST"];
const SERVICES = ["EM-RF", "EM-GPS"];
const WORLD_START = dayNumber("2011-01-01");
const DATA_END = dayNumber("2013-12-31");
const TABLE_FROM = dayNumber("2009-01-01");
const TABLE_TO = dayNumber("2016-12-31");

export interface GenerateStats {
  lines: number;
  subjects: number;
  planted: Record<RuleId, number>;
}

export function generate(opts: GenerateOptions, sink: GeneratorSink): GenerateStats {
  const rng = xoroshiro128plus(opts.seed >>> 0);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const chance = (p: number) => uniformInt(rng, 0, 999_999) < p * 1_000_000;
  const rates = { ...DEFAULT_RATES, ...opts.rates };
  const CONTRACTS = opts.contracts?.length ? opts.contracts : DEFAULT_CONTRACTS;
  const planted = Object.fromEntries(Object.keys(DEFAULT_RATES).map((k) => [k, 0])) as Record<RuleId, number>;

  // Date text and month bounds, precomputed for the world's range.
  const iso: string[] = [];
  const monthEnd: number[] = [];
  const monthTag: string[] = [];
  for (let d = TABLE_FROM; d <= TABLE_TO; d++) {
    const s = isoDate(d);
    iso.push(s);
    monthTag.push(s.slice(0, 7));
  }
  for (let d = TABLE_FROM; d <= TABLE_TO; d++) {
    const i = d - TABLE_FROM;
    let e = i;
    while (e + 1 < monthTag.length && monthTag[e + 1] === monthTag[i]) e++;
    for (let k = i; k <= e; k++) monthEnd[k] = e + TABLE_FROM;
    d = e + TABLE_FROM;
  }
  const date = (d: number) => iso[d - TABLE_FROM]!;

  // Price schedule: each contract and service has a price that rises on the first of a month.
  const price = new Map<string, { change: number; p0: number; p1: number }>();
  for (const c of CONTRACTS) {
    for (const sv of SERVICES) {
      const base = sv === "EM-RF" ? int(900, 1300) : int(1400, 2200);
      let change = WORLD_START + int(300, 800);
      change = monthEnd[change - TABLE_FROM]! + 1;
      const p = { change, p0: base, p1: base + int(20, 150) };
      price.set(`${c}|${sv}`, p);
      sink.row("prices", [c, sv, "2010-01-01", date(change - 1), penceToDecimal(p.p0)]);
      sink.row("prices", [c, sv, date(change), "", penceToDecimal(p.p1)]);
    }
  }
  const priceOn = (c: string, sv: string, d: number) => {
    const p = price.get(`${c}|${sv}`)!;
    return d < p.change ? p.p0 : p.p1;
  };

  let lineCount = 0;
  let subjects = 0;
  let orderSeq = 0;
  const target = opts.lines;
  const pad = (n: number, w: number) => String(n).padStart(w, "0");

  /**
   * Bills days from..to of an order monthly (split also where the price changes) and reports
   * each line's truth via `truthOf(lineStart, lineEnd, days, unitPrice)`.
   */
  const bill = (
    subject: string,
    contract: string,
    service: string,
    order: string,
    from: number,
    to: number,
    truthOf: (a: number, b: number, days: number, unit: number) => [RuleId, number, number][],
    opt: { surcharge?: number; invoiceShift?: boolean } = {},
  ) => {
    let a = from;
    while (a <= to && lineCount < target) {
      const b = Math.min(to, monthEnd[a - TABLE_FROM]!);
      const days = b - a + 1;
      const unit = priceOn(contract, service, a) + (opt.surcharge ?? 0);
      const amount = days * unit;
      const month = opt.invoiceShift
        ? monthTag[monthEnd[a - TABLE_FROM]! + 1 - TABLE_FROM]!
        : monthTag[a - TABLE_FROM]!;
      const invoice = `INV-${contract}-${month}`;
      const lineId = `L${pad(++lineCount, 10)}`;
      sink.row("invoice_lines", [
        invoice,
        lineId,
        contract,
        subject,
        order,
        service,
        date(a),
        date(b),
        String(days),
        penceToDecimal(unit),
        penceToDecimal(amount),
      ]);
      for (const [rule, n, pence] of truthOf(a, b, days, unit))
        if (n > 0) sink.row("truth", [lineId, invoice, subject, rule, String(n), penceToDecimal(pence)]);
      a = b + 1;
    }
  };
  const overlap = (a: number, b: number, x: number, y: number) =>
    Math.max(0, Math.min(b, y) - Math.max(a, x) + 1);
  const clean = () => [] as [RuleId, number, number][];
  const ruleOrder = Object.keys(DEFAULT_RATES) as RuleId[];

  while (lineCount < target) {
    subjects++;
    const subject = `S${pad(subjects, 8)}`;
    const contract = CONTRACTS[int(0, CONTRACTS.length - 1)]!;
    let kind: RuleId | null = null;
    let u = int(0, 999_999) / 1_000_000;
    for (const r of ruleOrder) {
      if (u < rates[r]) {
        kind = r;
        break;
      }
      u -= rates[r];
    }
    if (kind) planted[kind]++;
    if (kind !== "B01") sink.row("subjects", [subject]);
    const newOrder = (service: string, start: number, end: number | null) => {
      const id = `O${pad(++orderSeq, 9)}`;
      sink.row("orders", [id, subject, service, date(start), end === null ? "" : date(end)]);
      return id;
    };
    const event = (order: string, ev: "start" | "stop", d: number) =>
      sink.row("service_events", [order, subject, ev, date(d)]);
    const duration = () => {
      // Weeks to years: mostly months, some long.
      const r = int(0, 99);
      return r < 30 ? int(14, 90) : r < 85 ? int(91, 365) : int(366, 900);
    };

    if (kind === null) {
      // A clean subject: one to three orders, in custody between some of them.
      const n = int(1, 3);
      let start = WORLD_START + int(0, DATA_END - WORLD_START - 60);
      let firstBill = -1;
      let lastBill = -1;
      let lastEndClosed = true;
      for (let k = 0; k < n && start < DATA_END - 30; k++) {
        const service = SERVICES[int(0, 1)]!;
        const end = start + duration();
        const closed = end <= DATA_END;
        const order = newOrder(service, start, closed ? end : null);
        const fit = start + int(0, 2);
        event(order, "start", fit);
        if (closed) event(order, "stop", end);
        const billTo = Math.min(end, DATA_END);
        if (firstBill < 0) firstBill = fit;
        lastBill = billTo;
        lastEndClosed = closed;
        bill(subject, contract, service, order, fit, billTo, clean);
        const gap = int(30, 400);
        if (gap > 40 && end + gap - 5 <= DATA_END && chance(0.4)) {
          sink.row("custody", [subject, date(end + 5), date(end + gap - 5)]);
        }
        start = end + gap;
      }
      if (firstBill > WORLD_START + 120 && chance(0.03)) {
        sink.row("departures", [subject, date(firstBill - int(60, 110)), date(firstBill - int(0, 50))]);
      }
      if (lastEndClosed && lastBill < DATA_END - 10 && chance(0.03)) {
        sink.row("deaths", [subject, date(int(lastBill + 1, DATA_END))]);
      }
      continue;
    }

    // An anomalous subject: one order (several for B08), one service, one kind of anomaly.
    const service = SERVICES[int(0, 1)]!;
    const start = WORLD_START + int(0, DATA_END - WORLD_START - 200);
    let end = start + duration();
    if (kind === "B02") end = Math.min(end, DATA_END - 95);
    if (kind === "B03" || kind === "B04" || kind === "B05" || kind === "B06" || kind === "B07")
      end = Math.max(end, start + 60);
    const closed = end <= DATA_END;
    const billTo = Math.min(end, DATA_END);
    const order = newOrder(service, start, closed ? end : null);
    const fit = start + int(0, 2);
    const at =
      (rule: RuleId, x: number, y: number) => (a: number, b: number, _days: number, unit: number) => {
        const k = overlap(a, b, x, y);
        return [[rule, k, k * unit]] as [RuleId, number, number][];
      };
    switch (kind) {
      case "B01": {
        event(order, "start", fit);
        if (closed) event(order, "stop", end);
        bill(subject, contract, service, order, fit, billTo, (_a, _b, days, unit) => [
          ["B01", days, days * unit],
        ]);
        break;
      }
      case "B02": {
        event(order, "start", fit);
        event(order, "stop", end);
        const extra = Math.min(DATA_END, end + int(20, 90));
        bill(subject, contract, service, order, fit, extra, at("B02", end + 1, extra));
        break;
      }
      case "B03": {
        event(order, "start", fit);
        const stop = fit + int(5, billTo - fit - 20);
        event(order, "stop", stop);
        bill(subject, contract, service, order, fit, billTo, at("B03", stop + 1, billTo));
        break;
      }
      case "B04": {
        if (chance(0.5)) {
          // Never fitted at all.
          bill(subject, contract, service, order, start, billTo, at("B04", start, billTo));
        } else {
          const late = start + int(5, 20);
          event(order, "start", late);
          if (closed) event(order, "stop", end);
          bill(subject, contract, service, order, start, billTo, at("B04", start, late - 1));
        }
        break;
      }
      case "B05": {
        event(order, "start", fit);
        if (closed) event(order, "stop", end);
        const x = fit + int(1, billTo - fit - 10);
        const y = Math.min(billTo, x + int(2, 60));
        sink.row("custody", [subject, date(x), date(y)]);
        bill(subject, contract, service, order, fit, billTo, at("B05", x, y));
        break;
      }
      case "B06": {
        event(order, "start", fit);
        if (closed) event(order, "stop", end);
        const death = fit + int(0, billTo - fit - 1);
        sink.row("deaths", [subject, date(death)]);
        bill(subject, contract, service, order, fit, billTo, at("B06", death + 1, billTo));
        break;
      }
      case "B07": {
        event(order, "start", fit);
        if (closed) event(order, "stop", end);
        const dep = fit + int(1, billTo - fit - 5);
        const stillAway = chance(0.2);
        const ret = stillAway ? billTo + 1 : Math.min(billTo + 1, dep + int(3, 40));
        sink.row("departures", [subject, date(dep), stillAway ? "" : date(ret)]);
        bill(subject, contract, service, order, fit, billTo, at("B07", dep, ret - 1));
        break;
      }
      case "B08": {
        event(order, "start", fit);
        if (closed) event(order, "stop", end);
        bill(subject, contract, service, order, fit, billTo, clean);
        if (chance(0.5)) {
          // Several orders for one person, each billed in full: every day after the first billing.
          const extra = int(1, 3);
          for (let k = 0; k < extra; k++) {
            const o = newOrder(service, start, closed ? end : null);
            event(o, "start", fit);
            if (closed) event(o, "stop", end);
            bill(subject, contract, service, o, fit, billTo, (_a, _b, days, unit) => [
              ["B08", days, days * unit],
            ]);
          }
        } else {
          // The same period billed again on the next month's invoice.
          const a = fit + int(0, billTo - fit);
          const b = Math.min(billTo, monthEnd[a - TABLE_FROM]!);
          bill(
            subject,
            contract,
            service,
            order,
            a,
            b,
            (_a, _b, days, unit) => [["B08", days, days * unit]],
            {
              invoiceShift: true,
            },
          );
        }
        break;
      }
      case "B09": {
        event(order, "start", fit);
        if (closed) event(order, "stop", end);
        const surcharge = int(5, 400);
        bill(
          subject,
          contract,
          service,
          order,
          fit,
          billTo,
          (_a, _b, days) => [["B09", days, days * surcharge]],
          {
            surcharge,
          },
        );
        break;
      }
    }
    if (opts.onProgress && subjects % 1000 === 0) opts.onProgress(lineCount, target);
  }
  opts.onProgress?.(lineCount, target);
  return { lines: lineCount, subjects, planted };
}
