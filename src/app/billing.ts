/**
 * Billing assurance, what each request does: upload a contract's registers and reconcile every
 * invoice line (the engine in src/billing/, the reader in src/io/), read the queue and the
 * totals with each rule's title from the engine's registry, move an exception through its
 * workflow, and export the exceptions as CSV. The API's routes and `nous billing store` call
 * these; src/store/billing.ts keeps the queries and the audit append.
 */
import { explainException } from "../billing/explain.ts";
import { reconcileDataset } from "../billing/reconcile.ts";
import { BILLING_RULES } from "../billing/rules/index.ts";
import { BILLING_TITLES, RULE_IDS } from "../billing/types.ts";
import {
  BILLING_TRANSITIONS,
  type BillingAction,
  type BillingException,
  type BillingRule,
  type BillingRun,
  type ContractBillingTotals,
  EXPORT_COLUMNS,
  type ExceptionDetail,
  type ExceptionPage,
  type ExportQuery,
  type GroupBy,
  MAX_EXPORT_ROWS,
} from "../contract/billing.ts";
import { BILLING_FILES, loadBillingTexts } from "../io/billing-load.ts";
import { csvDocument, num, text } from "../shared/csv.ts";
import { ConflictError, formatLocation, InputError } from "../shared/errors.ts";
import { penceToDecimal } from "../shared/money.ts";
import {
  type BillingActor,
  contractTotals,
  countExceptions,
  exceptionRowsInOrder,
  getException,
  insertRun,
  listExceptions,
  listRuns as listStoredRuns,
  type PlannedStep,
  type ReconciledRow,
  type RunToStore,
  recordStep,
  requireContract,
  type StoredException,
} from "../store/billing.ts";
import type { Store } from "../store/db.ts";

export type { BillingActor };

/** A rule's title, for people reading the queue (the id itself for a rule no longer known). */
export function ruleTitle(rule: string): string {
  return (BILLING_TITLES as Record<string, string>)[rule] ?? rule;
}

/** The billing rules, from the engine's registry, in id order. */
export function billingRules(): BillingRule[] {
  return [...BILLING_RULES]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((r) => ({
      id: r.id,
      name: r.name,
      detects: r.detects,
      whyItMatters: r.whyItMatters,
      register: "register" in r && r.register ? BILLING_FILES[r.register] : null,
    }));
}

const titled = (e: StoredException): BillingException => ({ ...e, ruleTitle: ruleTitle(e.rule) });

// ---- reconciling an upload ----

/**
 * Parses the uploaded CSV texts with the engine's reader (a bad value throws an InputError whose
 * message starts with the place, "invoice_lines.csv:17: period_end: ...", the reader's own error
 * as its cause), reconciles them and explains every exception.
 */
export function reconcileUpload(files: Record<string, string>): RunToStore {
  let loaded: ReturnType<typeof loadBillingTexts>;
  try {
    loaded = loadBillingTexts(files);
  } catch (e) {
    if (e instanceof InputError && e.location.file)
      throw new InputError(`${formatLocation(e.location)}: ${e.message}`, {
        location: e.location,
        details: e.location,
        cause: e,
      });
    throw e;
  }
  const { dataset, rowsRead } = loaded;
  const { exceptions: t, summary } = reconcileDataset(dataset);
  const L = dataset.lines;
  // Lines per subject, so each explanation looks at its own subject's lines only.
  const bySubject = new Map<number, number[]>();
  for (let i = 0; i < t.count; i++) {
    const s = L.subject[t.line[i]!]!;
    if (!bySubject.has(s)) bySubject.set(s, []);
  }
  for (let l = 0; l < L.count; l++) bySubject.get(L.subject[l]!)?.push(l);
  const rows: ReconciledRow[] = [];
  for (let i = 0; i < t.count; i++) {
    const line = t.line[i]!;
    const rule = RULE_IDS[t.rule[i]!]!;
    const ev = explainException(dataset, line, rule, bySubject.get(L.subject[line]!));
    rows.push({
      invoice_id: ev.line.invoiceId,
      line_id: ev.line.lineId,
      subject_id: ev.line.subjectId,
      service_code: ev.line.serviceCode,
      rule,
      days: t.days[i]!,
      amount_pence: t.amount[i]!,
      month: ev.line.periodStart.slice(0, 7),
      period_start: ev.line.periodStart,
      period_end: ev.line.periodEnd,
      evidence_json: JSON.stringify(ev),
    });
  }
  return {
    files: Object.entries(rowsRead).map(([file, rows]) => ({ file, rows })),
    lines: summary.lines,
    subjectDays: summary.subjectDays,
    billedPence: summary.billed,
    atRiskPence: summary.atRisk,
    byRule: summary.byRule,
    skippedRules: summary.skippedRules,
    exceptions: rows,
  };
}

/**
 * Reconciles an upload for a contract and stores the run, its exceptions and their evidence in
 * one audited transaction. An unknown contract or bad input throws before anything is written.
 */
export async function uploadRun(
  store: Store,
  contractId: string,
  files: Record<string, string>,
  actor: BillingActor,
  opts: { demo?: boolean; at?: string } = {},
): Promise<BillingRun> {
  await requireContract(store, contractId);
  return insertRun(store, contractId, reconcileUpload(files), actor, opts);
}

// ---- reads ----

/** A contract's runs, latest first. */
export function listRuns(store: Store, contractId: string): Promise<BillingRun[]> {
  return listStoredRuns(store, contractId);
}

/** The queue: the filters' exceptions, largest first, one page, and their groups. */
export async function exceptionQueue(
  store: Store,
  q: ExportQuery & { groupBy?: GroupBy; page?: number; pageSize?: number },
): Promise<ExceptionPage> {
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, q.pageSize ?? 50));
  const p = await listExceptions(store, { ...q, page, pageSize });
  return {
    ...p,
    items: p.items.map(titled),
    groups: p.groups.map((g) => (q.groupBy === "rule" ? { ...g, title: ruleTitle(g.key) } : g)),
  };
}

/** One exception with its evidence, its history and its run. */
export async function exceptionDetail(store: Store, id: string): Promise<ExceptionDetail> {
  const d = await getException(store, id);
  return { ...d, ruleTitle: ruleTitle(d.rule), evidence: d.evidence as ExceptionDetail["evidence"] };
}

/** A contract's totals of its latest run, overall and per rule with the rule's title. */
export async function billingTotals(store: Store, contractId: string): Promise<ContractBillingTotals> {
  const t = await contractTotals(store, contractId);
  return { ...t, byRule: t.byRule.map(({ rule, ...sums }) => ({ rule, title: ruleTitle(rule), ...sums })) };
}

// ---- the workflow ----

export interface StepInput {
  /** For recover: the supplier's credit note and the amount it gives back. */
  creditNote?: string;
  amountPence?: number;
  at?: string;
  demo?: boolean;
}

/**
 * Where `action` takes an exception as it stands, or why it may not: only the latest run's
 * exceptions move, each action from its own states, and a recovery needs a credit note and an
 * amount above 0 and at most the amount at risk.
 */
export function planStep(
  action: BillingAction,
  ex: StoredException,
  run: { current: boolean; contractId: string },
  input: StepInput,
  who?: { username: string; history: { actor: string; to: string }[] },
): PlannedStep {
  const t = BILLING_TRANSITIONS[action];
  // Separation of duties: the officer who agrees to pay a charge is not the one who disputed it.
  if (action === "accept" && who?.history.some((h) => h.to === "disputed" && h.actor === who.username))
    throw new InputError(
      `you disputed exception ${ex.id}, so another officer must accept it: the one who disputes a charge does not also approve paying it`,
      { code: "separation_of_duties", status: 403 },
    );
  if (!run.current)
    throw new ConflictError(
      `exception ${ex.id} belongs to an earlier run of ${run.contractId}; act on the latest run's exception`,
    );
  if (!t.from.includes(ex.state))
    throw new ConflictError(
      `cannot ${action} an exception that is ${ex.state}; ${action} applies to ${t.from.join(" or ")} exceptions`,
      { state: ex.state },
    );
  const data: Record<string, unknown> = { rule: ex.rule, amountPence: ex.amountPence };
  if (action === "recover") {
    const credit = (input.creditNote ?? "").trim();
    if (!credit)
      throw new InputError("creditNote: expected the supplier's credit note reference", {
        location: { path: "creditNote" },
      });
    const amount = input.amountPence;
    if (amount === undefined || !Number.isInteger(amount) || amount <= 0 || amount > ex.amountPence)
      throw new InputError(
        `amountPence: expected whole pence above 0 and at most the amount at risk (${ex.amountPence}), got ${amount ?? "nothing"}`,
        { location: { path: "amountPence" } },
      );
    return {
      to: t.to,
      set: { creditNote: credit, recoveredPence: amount },
      data: { ...data, creditNote: credit, recoveredPence: amount },
    };
  }
  if (action === "reopen") return { to: t.to, set: { creditNote: null, recoveredPence: 0 }, data };
  return { to: t.to, data };
}

/** Moves an exception through its workflow (audited, kept in its history); answers it as it now is. */
export async function moveException(
  store: Store,
  id: string,
  action: BillingAction,
  actor: BillingActor,
  input: StepInput = {},
): Promise<ExceptionDetail> {
  await recordStep(
    store,
    id,
    action,
    actor,
    (ex, run, history) => planStep(action, ex, run, input, { username: actor.username, history }),
    {
    at: input.at,
    demo: input.demo,
  });
  return exceptionDetail(store, id);
}

// ---- the export ----

/** The export's file name: exceptions.csv, or exceptions-<contract>.csv with the id made safe. */
export function exportFileName(contractId: string | undefined): string {
  return `exceptions${contractId ? `-${contractId.replace(/[^\w.-]/g, "_")}` : ""}.csv`;
}

/**
 * The exceptions the filters select as CSV, in invoice and line order, money in pounds to the
 * penny: what a finance team sends a supplier with a dispute, or loads into its ledger. It starts
 * with a BOM for Excel; a text cell that would read as a formula starts with `'` (src/shared/csv.ts).
 * More than MAX_EXPORT_ROWS rows is refused: a filter narrows them.
 */
export async function exceptionsCsv(store: Store, q: ExportQuery): Promise<string> {
  const n = await countExceptions(store, q);
  if (n > MAX_EXPORT_ROWS)
    throw new InputError(
      `the filters select ${n} exceptions, more than the ${MAX_EXPORT_ROWS} one export gives: filter by contract, rule or month`,
    );
  const rows = await exceptionRowsInOrder(store, q);
  // Ids, names and the credit note come from the supplier or a user: text cells, neutralised if
  // they would read as a formula. Days and money are numbers, so a spreadsheet can sum them.
  return csvDocument(
    EXPORT_COLUMNS,
    rows.map((r) => [
      text(r.contract_id),
      text(r.supplier),
      text(r.invoice_id),
      text(r.line_id),
      text(r.subject_id),
      text(r.service_code),
      text(r.period_start),
      text(r.period_end),
      text(r.rule),
      num(Number(r.days)),
      num(penceToDecimal(Number(r.amount_pence))),
      text(r.state),
      num(penceToDecimal(Number(r.recovered_pence))),
      text(r.credit_note ?? ""),
      text(r.id),
    ]),
    { bom: true },
  );
}
