/**
 * Billing assurance: reconcile every invoice line against the authority's own registers.
 *
 *   const ds = buildDataset(records);            // or DatasetBuilder for streaming input
 *   const { exceptions, summary } = reconcile(ds);
 *   const evidence = explainException(ds, exceptions[0].line, exceptions[0].rule);
 */
import { type Dataset, buildDataset } from "./dataset.ts";
import { type ExceptionTable, type ReconcileOptions, reconcileDataset } from "./reconcile.ts";
import { type BillingException, type BillingRecords, type BillingSummary, RULE_IDS } from "./types.ts";

export { DatasetBuilder, buildDataset, type Dataset } from "./dataset.ts";
export { explainException, type ExceptionEvidence } from "./explain.ts";
export { reconcileDataset, type ExceptionTable, type ReconcileOptions } from "./reconcile.ts";
export { roundDiv } from "./rounding.ts";
export { BILLING_RULES, DAY_RULES, LINE_RULES } from "./rules/index.ts";
export * from "./types.ts";
export { generate, type GenerateOptions, type GeneratorSink } from "./generate.ts";

/** Exceptions as objects (fine up to a few million). */
export function listExceptions(ds: Dataset, t: ExceptionTable): BillingException[] {
  const out: BillingException[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) {
    const l = t.line[i]!;
    out[i] = {
      line: l,
      lineId: ds.lines.lineId[l]!,
      invoiceId: ds.invoices[ds.lines.invoice[l]!]!,
      subjectId: ds.subjects[ds.lines.subject[l]!]!,
      rule: RULE_IDS[t.rule[i]!]!,
      days: t.days[i]!,
      amountAtRisk: t.amount[i]!,
    };
  }
  return out;
}

/** Reconciles typed records or a built dataset. */
export function reconcile(
  input: BillingRecords | Dataset,
  opts: ReconcileOptions = {},
): { dataset: Dataset; exceptions: BillingException[]; summary: BillingSummary } {
  const dataset = "invoiceLines" in input ? buildDataset(input) : input;
  const r = reconcileDataset(dataset, opts);
  return { dataset, exceptions: listExceptions(dataset, r.exceptions), summary: r.summary };
}
