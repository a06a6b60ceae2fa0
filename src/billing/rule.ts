/**
 * The two kinds of billing rule. Every rule is a RuleDescriptor (src/shared/rule.ts) plus how it
 * computes. A day rule says, from the registers alone, which days of a subject-service can never
 * be due. A line rule looks at the days of each line that passed every day rule, visiting the
 * group's lines in billing order, and keeps whatever it needs between lines (days already
 * billed, the line's prices). Reconcile applies the registry's rules in its order; a day takes
 * the first rule that fails it.
 */
import type { RuleDescriptor } from "../shared/rule.ts";
import type { Dataset } from "./dataset.ts";
import type { GroupContext } from "./group.ts";
import type { Days } from "./intervals.ts";
import type { OptionalRegister } from "./types.ts";

export interface BillingDescriptor<Id extends string = string> extends RuleDescriptor<Id> {
  readonly family: "billing";
  /** The short hyphenated name used in file names and the rules table, e.g. "billed-twice". */
  readonly slug: string;
  /** The optional register the rule needs; without it the rule is skipped. */
  readonly register?: OptionalRegister;
}

/** A rule that decides, from the registers, whether a subject-service day can be due at all. */
export interface DayRule<Id extends string = string> extends BillingDescriptor<Id> {
  readonly kind: "day";
  /** Days within lo..hi (normalized) on which this rule says the day is not due. */
  notDue(g: GroupContext, lo: number, hi: number): Days;
}

/** Receives a stretch of days a..b (inclusive). */
export type Stretch = (a: number, b: number) => void;

/** A rule over the still-due days of each line, the lines of a group visited in billing order. */
export interface LineRule<Id extends string = string, State = unknown> extends BillingDescriptor<Id> {
  readonly kind: "line";
  /** State for one subject-service group, made before its first line. */
  group(ds: Dataset, service: number): State;
  /** Called before the days of a line are checked. */
  startLine(s: State, line: number): void;
  /**
   * Days x..y of the current line passed every earlier rule: reports, in day order, each
   * stretch this rule fails to `fail` and each other stretch to `pass`.
   */
  check(s: State, x: number, y: number, fail: Stretch, pass: Stretch): void;
  /** Called after the days of a line are checked. */
  endLine(s: State, line: number): void;
  /**
   * Pence at risk on the current line for the `days` days this rule failed. Absent: those
   * days' share of the line's amount, like the day rules.
   */
  pence?(s: State, days: number, lineDays: number): number;
}

// biome-ignore lint/suspicious/noExplicitAny: each line rule has its own state type.
export type BillingRule = DayRule | LineRule<string, any>;
