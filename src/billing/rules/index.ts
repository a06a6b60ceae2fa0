/**
 * The billing rules registry: every rule, in the order they are applied (each day that is not
 * due takes the first rule that fails it). Rule ids, titles and the reconcile loop derive from
 * it; adding a rule means adding its file and one line here.
 */
import { ruleTitles } from "../../shared/rule.ts";
import type { BillingRule, DayRule, LineRule } from "../rule.ts";
import { unknownSubject } from "./b01-unknown-subject.ts";
import { noOrder } from "./b02-no-order.ts";
import { afterStop } from "./b03-after-stop.ts";
import { neverStarted } from "./b04-never-started.ts";
import { inCustody } from "./b05-in-custody.ts";
import { deceased } from "./b06-deceased.ts";
import { abroad } from "./b07-abroad.ts";
import { billedTwice } from "./b08-billed-twice.ts";
import { abovePrice } from "./b09-above-price.ts";

/** In application order: the day rules first, then the line rules. */
export const BILLING_RULES = [
  unknownSubject,
  deceased,
  inCustody,
  abroad,
  noOrder,
  neverStarted,
  afterStop,
  billedTwice,
  abovePrice,
] as const satisfies readonly BillingRule[];

export type RuleId = (typeof BILLING_RULES)[number]["id"];

/** Rule ids in id order: the order of exceptions within a line, of summaries and of exports. */
export const RULE_IDS = BILLING_RULES.map((r) => r.id).sort() as unknown as readonly [RuleId, ...RuleId[]];

const INDEX = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/** Index of a rule id in RULE_IDS (B01 -> 0 ... B09 -> 8). */
export function ruleIndex(id: RuleId): number {
  return INDEX.get(id) ?? -1;
}

/** The day rules, in application order. */
export const DAY_RULES: readonly DayRule<RuleId>[] = (BILLING_RULES as readonly BillingRule[]).filter(
  (r): r is DayRule<RuleId> => r.kind === "day",
);

/** The line rules, in application order (after every day rule). */
export const LINE_RULES: readonly LineRule<RuleId>[] = (BILLING_RULES as readonly BillingRule[]).filter(
  (r): r is LineRule<RuleId> => r.kind === "line",
);

/** Each rule's title, by id. */
export const BILLING_TITLES: Record<RuleId, string> = ruleTitles<RuleId>(BILLING_RULES);

export { abovePrice, billedTwice };
