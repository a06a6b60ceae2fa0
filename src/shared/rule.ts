/**
 * What every rule in nous is, whatever it checks: red-flag indicators (src/flags), billing rules
 * (src/billing), data-quality checks (src/ocds/quality) and gate checks (src/decide/gates). Each
 * rule file exports one descriptor saying which rule it is, what it detects and why that
 * matters; each family keeps one registry (an array built from those files), and lists, titles,
 * settings and docs are derived from it. How a rule computes differs by family and stays with
 * the family; the fold shape below is the one used by folds over one item at a time.
 */

/** The four families of rules. */
export type RuleFamily = "flag" | "billing" | "quality" | "gate";

/** The identity and meaning of one rule, the same in every family. */
export interface RuleDescriptor<Id extends string = string> {
  /** Stable identifier, e.g. "R018", "B03", "period-order" or "G-ROLE". */
  readonly id: Id;
  readonly family: RuleFamily;
  /** Short human name, e.g. "Single bid received". */
  readonly name: string;
  /** One sentence: what the rule detects. */
  readonly detects: string;
  /** One or two sentences: why what it detects matters. */
  readonly whyItMatters: string;
  /** Settings the rule reads (as `section.key`), where the family has settings. */
  readonly settings?: readonly string[];
}

/** A rule's title as lists and the API show it, keyed by id, in registry order. */
export function ruleTitles<Id extends string>(rules: readonly RuleDescriptor<Id>[]): Record<Id, string> {
  const out = {} as Record<Id, string>;
  for (const r of rules) out[r.id] = r.name;
  return out;
}

/** A fold over items one at a time (used by the data-quality checks). */
export interface Rule<Item, Acc, Result> {
  /** Stable identifier, e.g. "period-order". */
  readonly id: string;
  /** Short human name. */
  readonly name: string;
  init(): Acc;
  /** Folds one item into the accumulator; may mutate it and must return it. */
  fold(acc: Acc, item: Item): Acc;
  /** Merges two partial accumulators (from two workers or two chunks). */
  reduce(a: Acc, b: Acc): Acc;
  finalize(acc: Acc): Result;
}

/** Runs one rule over an iterable in a single pass. */
export function runRule<Item, Acc, Result>(rule: Rule<Item, Acc, Result>, items: Iterable<Item>): Result {
  let acc = rule.init();
  for (const item of items) acc = rule.fold(acc, item);
  return rule.finalize(acc);
}
