/**
 * The columnar dataset the engine reconciles. Identifiers are interned to small integers and
 * every per-row value lives in a typed array, so ten million invoice lines fit in a few hundred
 * megabytes and no object is ever created per billed day.
 */
import { InputError } from "../shared/errors.ts";
import { dayNumber } from "../shared/dates.ts";
import { GrowFloat64, GrowInt32, Interner } from "./grow.ts";
import { normalize } from "./intervals.ts";
import { type BillingRecords, OPEN, type OptionalRegister } from "./types.ts";

export interface LineColumns {
  count: number;
  invoice: Int32Array;
  lineId: string[];
  contract: Int32Array;
  subject: Int32Array;
  service: Int32Array;
  order: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Integer pence. */
  amount: Float64Array;
}

export interface Dataset {
  subjects: string[];
  services: string[];
  contracts: string[];
  invoices: string[];
  orderIds: string[];
  /** 1 when the subject is in the identity register. */
  registered: Uint8Array;
  present: Record<OptionalRegister, boolean>;
  lines: LineColumns;
  /** Orders, indexed by interned order id; defined[o] is 0 for ids only seen on lines or events. */
  orders: {
    defined: Uint8Array;
    subject: Int32Array;
    service: Int32Array;
    start: Int32Array;
    end: Int32Array;
    /** First start event's day, OPEN when the order never started. */
    firstStart: Int32Array;
    /** Monitored intervals of order o: monFrom/monTo[monOff[o] .. monOff[o+1]). */
    monOff: Int32Array;
    monFrom: Int32Array;
    monTo: Int32Array;
    /** Raw events for evidence: evOff per order, evDay, evStart (1 start, 0 stop), sorted by day. */
    evOff: Int32Array;
    evDay: Int32Array;
    evStart: Uint8Array;
  };
  /** Orders of subject s: ordersOfSubject[subjOrderOff[s] .. subjOrderOff[s+1]). */
  subjOrderOff: Int32Array;
  ordersOfSubject: Int32Array;
  /** Day of death per subject (OPEN when none). */
  death: Int32Array;
  /** Custody spells per subject, inclusive. */
  custodyOff: Int32Array;
  custodyFrom: Int32Array;
  custodyTo: Int32Array;
  /** Days away per subject, inclusive: departure .. return - 1. */
  awayOff: Int32Array;
  awayFrom: Int32Array;
  awayTo: Int32Array;
  /** Price schedule per (contract, service) key, as disjoint segments (highest price where rows overlap). */
  priceKey: Map<number, number>;
  priceOff: Int32Array;
  priceFrom: Int32Array;
  priceTo: Int32Array;
  price: Float64Array;
}

export function priceKeyOf(contract: number, service: number): number {
  return contract * 1_000_003 + service;
}

/** Builds a CSR index: for `count` groups, the rows of each group in input order. */
function csr(count: number, keys: Int32Array, n: number): { off: Int32Array; idx: Int32Array } {
  const off = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) off[keys[i]! + 1]!++;
  for (let g = 0; g < count; g++) off[g + 1]! += off[g]!;
  const fill = off.slice(0, count);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[fill[keys[i]!]!++] = i;
  return { off, idx };
}

export class DatasetBuilder {
  private readonly subjects = new Interner();
  private readonly services = new Interner();
  private readonly contracts = new Interner();
  private readonly invoices = new Interner();
  private readonly orderIds = new Interner();
  private readonly registered = new GrowInt32();
  private readonly present: Record<OptionalRegister, boolean> = {
    custody: false,
    deaths: false,
    departures: false,
  };
  private readonly l = {
    invoice: new GrowInt32(),
    lineId: [] as string[],
    contract: new GrowInt32(),
    subject: new GrowInt32(),
    service: new GrowInt32(),
    order: new GrowInt32(),
    start: new GrowInt32(),
    end: new GrowInt32(),
    amount: new GrowFloat64(),
  };
  private readonly o = {
    id: new GrowInt32(),
    subject: new GrowInt32(),
    service: new GrowInt32(),
    start: new GrowInt32(),
    end: new GrowInt32(),
  };
  private readonly orderSeen = new Set<number>();
  private readonly ev = { order: new GrowInt32(), day: new GrowInt32(), start: new GrowInt32() };
  private readonly cu = { subject: new GrowInt32(), from: new GrowInt32(), to: new GrowInt32() };
  private readonly de = { subject: new GrowInt32(), day: new GrowInt32() };
  private readonly aw = { subject: new GrowInt32(), from: new GrowInt32(), to: new GrowInt32() };
  private readonly pr = {
    contract: new GrowInt32(),
    service: new GrowInt32(),
    from: new GrowInt32(),
    to: new GrowInt32(),
    price: new GrowFloat64(),
  };

  get lineCount(): number {
    return this.l.lineId.length;
  }

  /** Marks an optional register as supplied (even when it has no rows). */
  markPresent(register: OptionalRegister): void {
    this.present[register] = true;
  }

  addLine(
    invoiceId: string,
    lineId: string,
    contractId: string,
    subjectId: string,
    orderId: string,
    serviceCode: string,
    start: number,
    end: number,
    amountPence: number,
  ): void {
    const l = this.l;
    l.invoice.push(this.invoices.id(invoiceId));
    l.lineId.push(lineId);
    l.contract.push(this.contracts.id(contractId));
    l.subject.push(this.subjects.id(subjectId));
    l.service.push(this.services.id(serviceCode));
    l.order.push(this.orderIds.id(orderId));
    l.start.push(start);
    l.end.push(end);
    l.amount.push(amountPence);
  }

  /** Returns false when the order id was already defined (the caller reports it). */
  addOrder(orderId: string, subjectId: string, serviceCode: string, start: number, end: number): boolean {
    const id = this.orderIds.id(orderId);
    if (this.orderSeen.has(id)) return false;
    this.orderSeen.add(id);
    this.o.id.push(id);
    this.o.subject.push(this.subjects.id(subjectId));
    this.o.service.push(this.services.id(serviceCode));
    this.o.start.push(start);
    this.o.end.push(end);
    return true;
  }

  addEvent(orderId: string, isStart: boolean, day: number): void {
    this.ev.order.push(this.orderIds.id(orderId));
    this.ev.day.push(day);
    this.ev.start.push(isStart ? 1 : 0);
  }

  addSubject(subjectId: string): void {
    const s = this.subjects.id(subjectId);
    while (this.registered.length <= s) this.registered.push(0);
    this.registered.data[s] = 1;
  }

  addCustody(subjectId: string, from: number, to: number): void {
    this.cu.subject.push(this.subjects.id(subjectId));
    this.cu.from.push(from);
    this.cu.to.push(to);
  }

  addDeath(subjectId: string, day: number): void {
    this.de.subject.push(this.subjects.id(subjectId));
    this.de.day.push(day);
  }

  /** `returnDay` OPEN when still away. */
  addDeparture(subjectId: string, departure: number, returnDay: number): void {
    this.aw.subject.push(this.subjects.id(subjectId));
    this.aw.from.push(departure);
    this.aw.to.push(returnDay === OPEN ? OPEN : returnDay - 1);
  }

  addPrice(contractId: string, serviceCode: string, from: number, to: number, pence: number): void {
    this.pr.contract.push(this.contracts.id(contractId));
    this.pr.service.push(this.services.id(serviceCode));
    this.pr.from.push(from);
    this.pr.to.push(to);
    this.pr.price.push(pence);
  }

  finish(): Dataset {
    const nS = this.subjects.size;
    const nO = this.orderIds.size;
    const registered = new Uint8Array(nS);
    registered.set(this.registered.data.subarray(0, Math.min(this.registered.length, nS)));

    // Orders by interned id.
    const defined = new Uint8Array(nO);
    const oSubject = new Int32Array(nO).fill(-1);
    const oService = new Int32Array(nO).fill(-1);
    const oStart = new Int32Array(nO);
    const oEnd = new Int32Array(nO);
    for (let i = 0; i < this.o.id.length; i++) {
      const id = this.o.id.data[i]!;
      defined[id] = 1;
      oSubject[id] = this.o.subject.data[i]!;
      oService[id] = this.o.service.data[i]!;
      oStart[id] = this.o.start.data[i]!;
      oEnd[id] = this.o.end.data[i]!;
    }

    // Events per order, sorted by day (a start before a stop on the same day), then monitored
    // intervals: from each start to the next stop on or after it, inclusive.
    const nE = this.ev.order.length;
    const evIdx = csr(nO, this.ev.order.data, nE);
    const evDay = new Int32Array(nE);
    const evStart = new Uint8Array(nE);
    const firstStart = new Int32Array(nO).fill(OPEN);
    const monOffG = new GrowInt32(nO + 1);
    const monFromG = new GrowInt32();
    const monToG = new GrowInt32();
    const scratch: number[] = [];
    for (let o = 0; o < nO; o++) {
      monOffG.push(monFromG.length);
      const a = evIdx.off[o]!;
      const b = evIdx.off[o + 1]!;
      if (a === b) continue;
      const order: number[] = [];
      for (let k = a; k < b; k++) order.push(evIdx.idx[k]!);
      order.sort(
        (x, y) =>
          this.ev.day.data[x]! - this.ev.day.data[y]! || this.ev.start.data[y]! - this.ev.start.data[x]!,
      );
      for (let k = 0; k < order.length; k++) {
        evDay[a + k] = this.ev.day.data[order[k]!]!;
        evStart[a + k] = this.ev.start.data[order[k]!]!;
      }
      scratch.length = 0;
      for (let k = a; k < b; k++) {
        if (evStart[k] !== 1) continue;
        const from = evDay[k]!;
        if (from < firstStart[o]!) firstStart[o] = from;
        let to = OPEN;
        for (let m = k + 1; m < b; m++) {
          if (evStart[m] === 0 && evDay[m]! >= from) {
            to = evDay[m]!;
            break;
          }
        }
        scratch.push(from, to);
      }
      const merged = normalize(scratch);
      for (let k = 0; k < merged.length; k += 2) {
        monFromG.push(merged[k]!);
        monToG.push(merged[k + 1]!);
      }
    }
    monOffG.push(monFromG.length);

    // Orders by subject (only defined orders).
    const defIds = this.o.id.trimmed();
    const subjKeys = new Int32Array(defIds.length);
    for (let i = 0; i < defIds.length; i++) subjKeys[i] = oSubject[defIds[i]!]!;
    const so = csr(nS, subjKeys, defIds.length);
    const ordersOfSubject = new Int32Array(defIds.length);
    for (let i = 0; i < defIds.length; i++) ordersOfSubject[i] = defIds[so.idx[i]!]!;

    const death = new Int32Array(nS).fill(OPEN);
    for (let i = 0; i < this.de.subject.length; i++) {
      const s = this.de.subject.data[i]!;
      death[s] = Math.min(death[s]!, this.de.day.data[i]!);
    }

    const spells = (g: { subject: GrowInt32; from: GrowInt32; to: GrowInt32 }) => {
      const c = csr(nS, g.subject.data, g.subject.length);
      const from = new Int32Array(g.subject.length);
      const to = new Int32Array(g.subject.length);
      for (let s = 0; s < nS; s++) {
        const a = c.off[s]!;
        const b = c.off[s + 1]!;
        if (a === b) continue;
        const pairs: number[] = [];
        for (let k = a; k < b; k++) pairs.push(g.from.data[c.idx[k]!]!, g.to.data[c.idx[k]!]!);
        const m = normalize(pairs);
        // Keep the CSR slot sizes: pad merged spells with empty (from > to) entries.
        for (let k = 0; k < b - a; k++) {
          from[a + k] = k * 2 < m.length ? m[k * 2]! : 1;
          to[a + k] = k * 2 < m.length ? m[k * 2 + 1]! : 0;
        }
      }
      return { off: c.off, from, to };
    };
    const cu = spells(this.cu);
    const aw = spells(this.aw);

    // Prices: per key, disjoint segments carrying the highest price valid on each day.
    const nP = this.pr.contract.length;
    const priceKey = new Map<number, number>();
    const keyOfRow = new Int32Array(nP);
    for (let i = 0; i < nP; i++) {
      const k = priceKeyOf(this.pr.contract.data[i]!, this.pr.service.data[i]!);
      let g = priceKey.get(k);
      if (g === undefined) {
        g = priceKey.size;
        priceKey.set(k, g);
      }
      keyOfRow[i] = g;
    }
    const pk = csr(priceKey.size, keyOfRow, nP);
    const pOff = new GrowInt32(priceKey.size + 1);
    const pFrom = new GrowInt32();
    const pTo = new GrowInt32();
    const pPrice = new GrowFloat64();
    for (let g = 0; g < priceKey.size; g++) {
      pOff.push(pFrom.length);
      const rows: number[] = [];
      for (let k = pk.off[g]!; k < pk.off[g + 1]!; k++) rows.push(pk.idx[k]!);
      const points = new Set<number>();
      for (const r of rows) {
        points.add(this.pr.from.data[r]!);
        if (this.pr.to.data[r]! !== OPEN) points.add(this.pr.to.data[r]! + 1);
      }
      const sorted = [...points].sort((x, y) => x - y);
      for (let i = 0; i < sorted.length; i++) {
        const x = sorted[i]!;
        const y = i + 1 < sorted.length ? sorted[i + 1]! - 1 : OPEN;
        let best = -1;
        let found = false;
        for (const r of rows) {
          if (this.pr.from.data[r]! <= x && x <= this.pr.to.data[r]!) {
            if (!found || this.pr.price.data[r]! > best) best = this.pr.price.data[r]!;
            found = true;
          }
        }
        if (!found) continue;
        const last = pFrom.length - 1;
        if (last >= pOff.data[g]! && pTo.data[last] === x - 1 && pPrice.data[last] === best)
          pTo.data[last] = y;
        else {
          pFrom.push(x);
          pTo.push(y);
          pPrice.push(best);
        }
      }
    }
    pOff.push(pFrom.length);

    const l = this.l;
    return {
      subjects: this.subjects.names,
      services: this.services.names,
      contracts: this.contracts.names,
      invoices: this.invoices.names,
      orderIds: this.orderIds.names,
      registered,
      present: { ...this.present },
      lines: {
        count: l.lineId.length,
        invoice: l.invoice.trimmed(),
        lineId: l.lineId,
        contract: l.contract.trimmed(),
        subject: l.subject.trimmed(),
        service: l.service.trimmed(),
        order: l.order.trimmed(),
        start: l.start.trimmed(),
        end: l.end.trimmed(),
        amount: l.amount.trimmed(),
      },
      orders: {
        defined,
        subject: oSubject,
        service: oService,
        start: oStart,
        end: oEnd,
        firstStart,
        monOff: monOffG.trimmed(),
        monFrom: monFromG.trimmed(),
        monTo: monToG.trimmed(),
        evOff: evIdx.off,
        evDay,
        evStart,
      },
      subjOrderOff: so.off,
      ordersOfSubject,
      death,
      custodyOff: cu.off,
      custodyFrom: cu.from,
      custodyTo: cu.to,
      awayOff: aw.off,
      awayFrom: aw.from,
      awayTo: aw.to,
      priceKey,
      priceOff: pOff.trimmed(),
      priceFrom: pFrom.trimmed(),
      priceTo: pTo.trimmed(),
      price: pPrice.trimmed(),
    };
  }
}

function day(text: string, path: string): number {
  try {
    return dayNumber(text);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.message, { location: { path } });
    throw err;
  }
}
function optDay(text: string | null, path: string, open = OPEN): number {
  return text === null || text === "" ? open : day(text, path);
}
function pence(v: number, path: string): number {
  if (!Number.isSafeInteger(v))
    throw new InputError(`expected integer pence, got ${v}`, { location: { path } });
  return v;
}

/** Builds the columnar dataset from plain typed records (for the API and tests). */
export function buildDataset(r: BillingRecords): Dataset {
  const b = new DatasetBuilder();
  for (const s of r.subjects) b.addSubject(s);
  r.invoiceLines.forEach((x, i) => {
    const p = `$.invoiceLines[${i}]`;
    const start = day(x.periodStart, `${p}.periodStart`);
    const end = day(x.periodEnd, `${p}.periodEnd`);
    if (end < start)
      throw new InputError(`expected a date on or after periodStart, got "${x.periodEnd}"`, {
        location: { path: `${p}.periodEnd` },
      });
    b.addLine(
      x.invoiceId,
      x.lineId,
      x.contractId,
      x.subjectId,
      x.orderId,
      x.serviceCode,
      start,
      end,
      pence(x.amount, `${p}.amount`),
    );
  });
  r.orders.forEach((x, i) => {
    const p = `$.orders[${i}]`;
    const ok = b.addOrder(
      x.orderId,
      x.subjectId,
      x.serviceCode,
      day(x.startDate, `${p}.startDate`),
      optDay(x.endDate, `${p}.endDate`),
    );
    if (!ok)
      throw new InputError(`order "${x.orderId}" is defined twice`, { location: { path: `${p}.orderId` } });
  });
  r.serviceEvents.forEach((x, i) => {
    b.addEvent(x.orderId, x.event === "start", day(x.date, `$.serviceEvents[${i}].date`));
  });
  if (r.custody) {
    b.markPresent("custody");
    r.custody.forEach((x, i) => {
      b.addCustody(
        x.subjectId,
        day(x.fromDate, `$.custody[${i}].fromDate`),
        optDay(x.toDate, `$.custody[${i}].toDate`),
      );
    });
  }
  if (r.deaths) {
    b.markPresent("deaths");
    r.deaths.forEach((x, i) => {
      b.addDeath(x.subjectId, day(x.dateOfDeath, `$.deaths[${i}].dateOfDeath`));
    });
  }
  if (r.departures) {
    b.markPresent("departures");
    r.departures.forEach((x, i) => {
      b.addDeparture(
        x.subjectId,
        day(x.departureDate, `$.departures[${i}].departureDate`),
        optDay(x.returnDate, `$.departures[${i}].returnDate`),
      );
    });
  }
  r.prices.forEach((x, i) => {
    b.addPrice(
      x.contractId,
      x.serviceCode,
      day(x.validFrom, `$.prices[${i}].validFrom`),
      optDay(x.validTo, `$.prices[${i}].validTo`),
      pence(x.unitPrice, `$.prices[${i}].unitPrice`),
    );
  });
  return b.finish();
}
