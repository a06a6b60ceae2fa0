/**
 * The shape every rule in nous shares: red-flag indicators, billing rules and data-quality
 * checks. A rule is built from its settings, then folds over one item at a time (one release,
 * one invoice line), partial results from different workers reduce into one, and finalize turns
 * the merged partial into results. One pass over the data; no rule reads the whole input.
 */
export interface Rule<Item, Acc, Result> {
  /** Stable identifier, e.g. "R018" or "B03". */
  readonly id: string;
  /** Short human name, e.g. "single bid". */
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
