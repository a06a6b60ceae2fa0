/**
 * Reconciliation: every billed day of every invoice line is checked against the registers, one
 * (subject, service) group at a time. Rules give the days that are not due as interval sets, so
 * the work is proportional to lines and register rows, never to the number of billed days.
 */
import type { Dataset } from "./dataset.ts";
import { GrowFloat64, GrowInt32 } from "./grow.ts";
import { GroupContext } from "./group.ts";
import type { Days } from "./intervals.ts";
import { mulDivRound } from "./rounding.ts";
import type { DayRule, LineRule, Stretch } from "./rule.ts";
import { billingOrder } from "./rules/b08-billed-twice.ts";
import { BILLING_RULES } from "./rules/index.ts";
import { type BillingSummary, RULE_IDS, type RuleId, ruleIndex } from "./types.ts";

/** Exceptions as columns, sorted by line (input order) then rule. */
export interface ExceptionTable {
  count: number;
  line: Int32Array;
  /** Index into RULE_IDS. */
  rule: Uint8Array;
  days: Int32Array;
  /** Integer pence. */
  amount: Float64Array;
}

export interface ReconcileOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Called with each stretch of days of a line that fails a rule (for evidence). */
export type DayTrace = (line: number, rule: number, from: number, to: number) => void;

/** The registry's rules that can run on a dataset (a rule whose register is absent is skipped). */
export interface ActiveRules {
  /** Day rules, in application order. */
  rules: DayRule<RuleId>[];
  /** Line rules, in application order, and each one's index into RULE_IDS. */
  lineRules: LineRule<RuleId>[];
  lineIndex: number[];
  skipped: RuleId[];
}

export function activeRules(ds: Dataset): ActiveRules {
  const rules: DayRule<RuleId>[] = [];
  const lineRules: LineRule<RuleId>[] = [];
  const lineIndex: number[] = [];
  const skipped: RuleId[] = [];
  for (const r of BILLING_RULES) {
    if (r.register && !ds.present[r.register]) skipped.push(r.id);
    else if (r.kind === "day") rules.push(r);
    else {
      lineRules.push(r as LineRule<RuleId>);
      lineIndex.push(ruleIndex(r.id));
    }
  }
  skipped.sort();
  return { rules, lineRules, lineIndex, skipped };
}

/**
 * Labels lo..hi with the first rule that fails each day: flat [from, to, ruleIndexOrMinus1, ...].
 */
export function dayStatus(g: GroupContext, rules: readonly DayRule[], lo: number, hi: number): number[] {
  const sets: Days[] = [];
  const ids: number[] = [];
  for (const r of rules) {
    const s = r.notDue(g, lo, hi);
    if (s.length > 0) {
      sets.push(s);
      ids.push(ruleIndex(r.id as RuleId));
    }
  }
  if (sets.length === 0) return [lo, hi, -1];
  const points: number[] = [lo, hi + 1];
  for (const s of sets) for (let i = 0; i < s.length; i += 2) points.push(s[i]!, s[i + 1]! + 1);
  points.sort((a, b) => a - b);
  const out: number[] = [];
  const ptr = new Array<number>(sets.length).fill(0);
  for (let i = 0; i < points.length - 1; i++) {
    const x = points[i]!;
    const next = points[i + 1]!;
    if (next === x || x > hi) continue;
    let rule = -1;
    for (let k = 0; k < sets.length; k++) {
      const s = sets[k]!;
      let p = ptr[k]!;
      while (p < s.length && s[p + 1]! < x) p += 2;
      ptr[k] = p;
      if (p < s.length && s[p]! <= x) {
        rule = ids[k]!;
        break;
      }
    }
    const last = out.length - 3;
    if (last >= 0 && out[last + 2] === rule && out[last + 1] === x - 1) out[last + 1] = next - 1;
    else out.push(x, next - 1, rule);
  }
  return out;
}

const nothing: Stretch = () => {};

/**
 * Checks one group's lines (already in billing order) and reports, per line, the days and
 * pence per rule through `emit`, in RULE_IDS order. Days that pass every day rule go through
 * the line rules in order: each one's passing stretches go to the next.
 */
export function checkGroup(
  ds: Dataset,
  active: ActiveRules,
  subject: number,
  service: number,
  lines: ArrayLike<number>,
  emit: (line: number, rule: number, days: number, amountPence: number) => void,
  trace?: DayTrace,
): void {
  const L = ds.lines;
  let lo = L.start[lines[0]!]!;
  let hi = L.end[lines[0]!]!;
  for (let i = 1; i < lines.length; i++) {
    lo = Math.min(lo, L.start[lines[i]!]!);
    hi = Math.max(hi, L.end[lines[i]!]!);
  }
  const g = new GroupContext(ds, subject, service);
  const status = dayStatus(g, active.rules, lo, hi);
  const counts = new Int32Array(RULE_IDS.length);
  const lineRules = active.lineRules;
  const nl = lineRules.length;
  const states = lineRules.map((r) => r.group(ds, service));
  let current = -1;
  const fails: Stretch[] = new Array(nl);
  const passes: Stretch[] = new Array(nl);
  for (let k = nl - 1; k >= 0; k--) {
    const ri = active.lineIndex[k]!;
    fails[k] = trace
      ? (p, q) => {
          counts[ri]! += q - p + 1;
          trace(current, ri, p, q);
        }
      : (p, q) => {
          counts[ri]! += q - p + 1;
        };
    if (k === nl - 1) passes[k] = nothing;
    else {
      const next = lineRules[k + 1]!;
      const st = states[k + 1];
      const f = fails[k + 1]!;
      const pa = passes[k + 1]!;
      passes[k] = (p, q) => next.check(st, p, q, f, pa);
    }
  }
  const own: (LineRule | undefined)[] = new Array(RULE_IDS.length);
  const ownState: unknown[] = new Array(RULE_IDS.length);
  for (let k = 0; k < nl; k++) {
    if (lineRules[k]!.pence) {
      own[active.lineIndex[k]!] = lineRules[k];
      ownState[active.lineIndex[k]!] = states[k];
    }
  }
  const first = nl > 0 ? lineRules[0]! : null;
  const firstState = states[0];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    current = l;
    const a = L.start[l]!;
    const b = L.end[l]!;
    const n = b - a + 1;
    const amount = L.amount[l]!;
    counts.fill(0);
    for (let k = 0; k < nl; k++) lineRules[k]!.startLine(states[k], l);
    for (let k = 0; k < status.length; k += 3) {
      const sa = status[k]!;
      const sb = status[k + 1]!;
      if (sb < a) continue;
      if (sa > b) break;
      const x = Math.max(a, sa);
      const y = Math.min(b, sb);
      const rule = status[k + 2]!;
      if (rule >= 0) {
        counts[rule]! += y - x + 1;
        if (trace) trace(l, rule, x, y);
      } else if (first) first.check(firstState, x, y, fails[0]!, passes[0]!);
    }
    for (let k = 0; k < nl; k++) lineRules[k]!.endLine(states[k], l);
    for (let r = 0; r < counts.length; r++) {
      const days = counts[r]!;
      if (days === 0) continue;
      const o = own[r];
      emit(l, r, days, o ? o.pence!(ownState[r], days, n) : mulDivRound(days, amount, n));
    }
  }
}

/** Reconciles a whole dataset: exceptions per line and rule, and the summary. */
export function reconcileDataset(
  ds: Dataset,
  opts: ReconcileOptions = {},
): { exceptions: ExceptionTable; summary: BillingSummary } {
  const L = ds.lines;
  const n = L.count;
  const active = activeRules(ds);
  const billing = billingOrder(ds);

  // Lines by subject (counting sort), then by service and billing order within a subject.
  const nS = ds.subjects.length;
  const off = new Int32Array(nS + 1);
  for (let i = 0; i < n; i++) off[L.subject[i]! + 1]!++;
  for (let s = 0; s < nS; s++) off[s + 1]! += off[s]!;
  const fill = off.slice(0, nS);
  const bySubject = new Int32Array(n);
  for (let i = 0; i < n; i++) bySubject[fill[L.subject[i]!]!++] = i;

  const exLine = new GrowInt32(1 << 16);
  const exRule = new GrowInt32(1 << 16);
  const exDays = new GrowInt32(1 << 16);
  const exAmount = new GrowFloat64(1 << 16);
  const emit = (line: number, rule: number, days: number, amount: number) => {
    exLine.push(line);
    exRule.push(rule);
    exDays.push(days);
    exAmount.push(amount);
  };
  const cmp = (x: number, y: number): number => L.service[x]! - L.service[y]! || billing(x, y);
  const step = Math.max(1, Math.floor(nS / 100));
  for (let s = 0; s < nS; s++) {
    const a = off[s]!;
    const b = off[s + 1]!;
    if (a === b) continue;
    const slice = bySubject.subarray(a, b);
    let sorted = true;
    for (let i = 1; i < slice.length && sorted; i++) if (cmp(slice[i - 1]!, slice[i]!) > 0) sorted = false;
    if (!sorted) slice.sort(cmp);
    let i = 0;
    while (i < slice.length) {
      const service = L.service[slice[i]!]!;
      let j = i + 1;
      while (j < slice.length && L.service[slice[j]!] === service) j++;
      checkGroup(ds, active, s, service, slice.subarray(i, j), emit);
      i = j;
    }
    if (opts.onProgress && s % step === 0) opts.onProgress(a, n);
  }
  opts.onProgress?.(n, n);

  // Sort exceptions by line; emission order within a line is already by rule.
  const m = exLine.length;
  const cnt = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) cnt[exLine.data[i]! + 1]!++;
  for (let i = 0; i < n; i++) cnt[i + 1]! += cnt[i]!;
  const table: ExceptionTable = {
    count: m,
    line: new Int32Array(m),
    rule: new Uint8Array(m),
    days: new Int32Array(m),
    amount: new Float64Array(m),
  };
  for (let i = 0; i < m; i++) {
    const p = cnt[exLine.data[i]!]!++;
    table.line[p] = exLine.data[i]!;
    table.rule[p] = exRule.data[i]!;
    table.days[p] = exDays.data[i]!;
    table.amount[p] = exAmount.data[i]!;
  }

  let subjectDays = 0;
  let billedTotal = 0;
  for (let i = 0; i < n; i++) {
    subjectDays += L.end[i]! - L.start[i]! + 1;
    billedTotal += L.amount[i]!;
  }
  const byRule = Object.fromEntries(
    RULE_IDS.map((id) => [id, { lines: 0, days: 0, amount: 0 }]),
  ) as BillingSummary["byRule"];
  let atRisk = 0;
  for (let i = 0; i < m; i++) {
    const t = byRule[RULE_IDS[table.rule[i]!]!];
    t.lines++;
    t.days += table.days[i]!;
    t.amount += table.amount[i]!;
    atRisk += table.amount[i]!;
  }
  return {
    exceptions: table,
    summary: { lines: n, subjectDays, billed: billedTotal, atRisk, byRule, skippedRules: active.skipped },
  };
}
