/**
 * What the day rules see: one subject, one service, and the registers about them. The sets of
 * days covered by an order, started and monitored are computed once per group and shared.
 */
import type { Dataset } from "./dataset.ts";
import { type Days, clip, normalize } from "./intervals.ts";

export class GroupContext {
  private coveredSet: Days | null = null;
  private startedSet: Days | null = null;
  private monitoredSet: Days | null = null;
  /** Orders of the subject for the service. */
  readonly orders: number[] = [];

  constructor(
    readonly ds: Dataset,
    readonly subject: number,
    readonly service: number,
  ) {
    const { subjOrderOff, ordersOfSubject, orders } = ds;
    for (let k = subjOrderOff[subject]!; k < subjOrderOff[subject + 1]!; k++) {
      const o = ordersOfSubject[k]!;
      if (orders.service[o] === service) this.orders.push(o);
    }
  }

  /** Days some order of the subject for the service covers (start ≤ d ≤ end). */
  covered(): Days {
    if (this.coveredSet === null) {
      const pairs: number[] = [];
      for (const o of this.orders) pairs.push(this.ds.orders.start[o]!, this.ds.orders.end[o]!);
      this.coveredSet = normalize(pairs);
    }
    return this.coveredSet;
  }

  /** Days some covering order had started by (a start event on or before the day). */
  started(): Days {
    if (this.startedSet === null) {
      const pairs: number[] = [];
      const { start, end, firstStart } = this.ds.orders;
      for (const o of this.orders) pairs.push(Math.max(start[o]!, firstStart[o]!), end[o]!);
      this.startedSet = normalize(pairs);
    }
    return this.startedSet;
  }

  /** Days some covering order was monitored (from a start to the next stop, inclusive). */
  monitored(): Days {
    if (this.monitoredSet === null) {
      const pairs: number[] = [];
      const { start, end, monOff, monFrom, monTo } = this.ds.orders;
      for (const o of this.orders) {
        for (let k = monOff[o]!; k < monOff[o + 1]!; k++) {
          const a = Math.max(start[o]!, monFrom[k]!);
          const b = Math.min(end[o]!, monTo[k]!);
          if (a <= b) pairs.push(a, b);
        }
      }
      this.monitoredSet = normalize(pairs);
    }
    return this.monitoredSet;
  }

  /** A subject's spells from a CSR register, clipped to lo..hi. */
  spells(off: Int32Array, from: Int32Array, to: Int32Array, lo: number, hi: number): Days {
    const out: Days = [];
    for (let k = off[this.subject]!; k < off[this.subject + 1]!; k++) {
      const a = Math.max(from[k]!, lo);
      const b = Math.min(to[k]!, hi);
      if (a <= b) out.push(a, b);
    }
    return out;
  }

  clip(set: Days, lo: number, hi: number): Days {
    return clip(set, lo, hi);
  }
}
