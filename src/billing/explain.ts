/**
 * Evidence for one exception: the line, the days the rule fired, and the register rows behind
 * it (the orders and their events, custody spells, the death, departures, the prices, and the
 * earlier billings of the same days). Recomputed from the dataset, so it always agrees with
 * reconcile.
 */
import { isoDate } from "../shared/dates.ts";
import { penceToDecimal } from "../shared/money.ts";
import type { Dataset } from "./dataset.ts";
import { GroupContext } from "./group.ts";
import { normalize } from "./intervals.ts";
import { activeRules, checkGroup } from "./reconcile.ts";
import { billingOrder } from "./rules/b08-billed-twice.ts";
import { priceGroup } from "./rules/b09-above-price.ts";
import { OPEN, type RuleId, ruleIndex } from "./types.ts";

export interface DayRange {
  from: string;
  to: string;
}

export interface ExceptionEvidence {
  rule: RuleId;
  line: {
    index: number;
    invoiceId: string;
    lineId: string;
    contractId: string;
    subjectId: string;
    orderId: string;
    serviceCode: string;
    periodStart: string;
    periodEnd: string;
    amount: string;
  };
  /** The days of the line on which this rule fired. */
  days: DayRange[];
  registered: boolean;
  dateOfDeath: string | null;
  custody: { from: string; to: string | null }[];
  departures: { departure: string; return: string | null }[];
  orders: {
    orderId: string;
    start: string;
    end: string | null;
    events: { event: "start" | "stop"; date: string }[];
  }[];
  /** Billings of the same subject and service, earlier in billing order, that cover some of the same days. */
  earlierBillings: { index: number; invoiceId: string; lineId: string; from: string; to: string }[];
  prices: { from: string; to: string | null; unitPrice: string }[];
}

const open = (d: number): string | null => (d === OPEN ? null : isoDate(d));

/**
 * `sameGroup`, when given, lists the lines of the line's subject and service (any order): a
 * caller explaining many exceptions indexes the lines once instead of scanning them per call.
 */
export function explainException(
  ds: Dataset,
  line: number,
  rule: RuleId,
  sameGroup?: readonly number[],
): ExceptionEvidence {
  const L = ds.lines;
  if (line < 0 || line >= L.count) throw new RangeError(`no line ${line}`);
  const s = L.subject[line]!;
  const v = L.service[line]!;
  const a = L.start[line]!;
  const b = L.end[line]!;
  const group: number[] = [];
  if (sameGroup) {
    for (const i of sameGroup) if (L.subject[i] === s && L.service[i] === v) group.push(i);
  } else for (let i = 0; i < L.count; i++) if (L.subject[i] === s && L.service[i] === v) group.push(i);
  group.sort(billingOrder(ds));
  const want = ruleIndex(rule);
  const pairs: number[] = [];
  checkGroup(
    ds,
    activeRules(ds),
    s,
    v,
    group,
    () => {},
    (l, r, from, to) => {
      if (l === line && r === want) pairs.push(from, to);
    },
  );
  const days = normalize(pairs);
  const g = new GroupContext(ds, s, v);
  const o = ds.orders;
  const earlier: ExceptionEvidence["earlierBillings"] = [];
  for (const i of group) {
    if (i === line) break;
    const x = Math.max(a, L.start[i]!);
    const y = Math.min(b, L.end[i]!);
    if (x <= y)
      earlier.push({
        index: i,
        invoiceId: ds.invoices[L.invoice[i]!]!,
        lineId: L.lineId[i]!,
        from: isoDate(x),
        to: isoDate(y),
      });
  }
  const custody: ExceptionEvidence["custody"] = [];
  for (let k = ds.custodyOff[s]!; k < ds.custodyOff[s + 1]!; k++)
    if (ds.custodyFrom[k]! <= ds.custodyTo[k]!)
      custody.push({ from: isoDate(ds.custodyFrom[k]!), to: open(ds.custodyTo[k]!) });
  const departures: ExceptionEvidence["departures"] = [];
  for (let k = ds.awayOff[s]!; k < ds.awayOff[s + 1]!; k++)
    if (ds.awayFrom[k]! <= ds.awayTo[k]!)
      departures.push({
        departure: isoDate(ds.awayFrom[k]!),
        return: ds.awayTo[k] === OPEN ? null : isoDate(ds.awayTo[k]! + 1),
      });
  const prices: ExceptionEvidence["prices"] = [];
  const pg = priceGroup(ds, L.contract[line]!, v);
  if (pg >= 0)
    for (let k = ds.priceOff[pg]!; k < ds.priceOff[pg + 1]!; k++)
      if (ds.priceTo[k]! >= a && ds.priceFrom[k]! <= b)
        prices.push({
          from: isoDate(ds.priceFrom[k]!),
          to: open(ds.priceTo[k]!),
          unitPrice: penceToDecimal(ds.price[k]!),
        });
  return {
    rule,
    line: {
      index: line,
      invoiceId: ds.invoices[L.invoice[line]!]!,
      lineId: L.lineId[line]!,
      contractId: ds.contracts[L.contract[line]!]!,
      subjectId: ds.subjects[s]!,
      orderId: ds.orderIds[L.order[line]!]!,
      serviceCode: ds.services[v]!,
      periodStart: isoDate(a),
      periodEnd: isoDate(b),
      amount: penceToDecimal(L.amount[line]!),
    },
    days: Array.from({ length: days.length / 2 }, (_, k) => ({
      from: isoDate(days[2 * k]!),
      to: isoDate(days[2 * k + 1]!),
    })),
    registered: ds.registered[s] === 1,
    dateOfDeath: open(ds.death[s]!),
    custody,
    departures,
    orders: g.orders.map((id) => {
      const events: { event: "start" | "stop"; date: string }[] = [];
      for (let k = o.evOff[id]!; k < o.evOff[id + 1]!; k++)
        events.push({ event: o.evStart[k] === 1 ? "start" : "stop", date: isoDate(o.evDay[k]!) });
      return { orderId: ds.orderIds[id]!, start: isoDate(o.start[id]!), end: open(o.end[id]!), events };
    }),
    earlierBillings: earlier,
    prices,
  };
}
