/**
 * Demo billing data for the electronic monitoring contract (`em-tagging`, Tagwatch Monitoring
 * Ltd, fictional): every line, register row and workflow step here is invented for the demo.
 * The registers are generated at load time by the engine's seeded generator (src/billing/
 * generate.ts), so nothing is shipped as files; the anomaly kinds follow the National Audit
 * Office's 2013 findings on electronic monitoring (billing after removal, for people in custody,
 * abroad or dead, per order rather than per person).
 */
import { GENERATED_HEADERS, type GeneratedTable, generate } from "../billing/generate.ts";
import type { RuleId } from "../billing/types.ts";
import { csvRow, verbatim } from "../shared/csv.ts";

export const BILLING_DEMO = {
  contractId: "em-tagging",
  /** Invoice lines generated: a few thousand keeps the demo load quick. */
  lines: 3000,
  seed: 2019,
  /**
   * The generator's world runs 2011-2013; the contract starts in 2019. Eight years keeps every
   * date on the same day of the same month (the leap-year cycle divides eight).
   */
  yearShift: 8,
  reason: "demo scenario loaded: invented invoices for the electronic monitoring contract",
  /** Generated figures are invented: the whole data set is demo. */
  demo: true,
} as const;

const DATE = /^(\d{4})(-\d{2}-\d{2})$/;
const MONTH_SUFFIX = /(\d{4})(-\d{2})$/;

/**
 * The eight registers as CSV texts keyed by file name, as an upload would carry them. They are
 * read back by nous's own parser, so the fields are verbatim (quoted, never formula-prefixed).
 */
export function demoBillingFiles(): Record<string, string> {
  const out = new Map<GeneratedTable, string[]>();
  const shift = (v: string): string => {
    const d = DATE.exec(v);
    if (d) return `${Number(d[1]) + BILLING_DEMO.yearShift}${d[2]}`;
    return v;
  };
  generate(
    { lines: BILLING_DEMO.lines, seed: BILLING_DEMO.seed, contracts: [BILLING_DEMO.contractId] },
    {
      row(table, fields) {
        if (table === "truth") return;
        let rows = out.get(table);
        if (!rows) {
          rows = [csvRow(GENERATED_HEADERS[table].map(verbatim))];
          out.set(table, rows);
        }
        const f = fields.map(shift);
        if (table === "invoice_lines")
          f[0] = f[0]!.replace(
            MONTH_SUFFIX,
            (_, y: string, m: string) => `${Number(y) + BILLING_DEMO.yearShift}${m}`,
          );
        rows.push(csvRow(f.map(verbatim)));
      },
    },
  );
  const files: Record<string, string> = {};
  for (const t of Object.keys(GENERATED_HEADERS) as GeneratedTable[]) {
    if (t === "truth") continue;
    files[`${t}.csv`] = `${(out.get(t) ?? [csvRow(GENERATED_HEADERS[t].map(verbatim))]).join("\n")}\n`;
  }
  return files;
}

export interface DemoBillingStep {
  /** The n-th exception (0-based, in id order) of this rule. */
  rule: RuleId;
  nth: number;
  action: "dispute" | "recover" | "accept";
  actor: string;
  reason: string;
  creditNote?: string;
  at: string;
}

/** Workflow already under way at demo load, so the queue shows every state (all invented). */
export const demoBillingSteps: DemoBillingStep[] = [
  {
    rule: "B06",
    nth: 0,
    action: "dispute",
    actor: "contracts",
    reason: "Death registered before the billed days; raised with Tagwatch at the monthly contract meeting",
    at: "2022-02-07T10:15:00Z",
  },
  {
    rule: "B05",
    nth: 0,
    action: "dispute",
    actor: "contracts",
    reason: "Subject was remanded in custody for these days (prison register); charge disputed",
    at: "2022-02-07T10:20:00Z",
  },
  {
    rule: "B05",
    nth: 0,
    action: "recover",
    actor: "finance",
    reason: "Tagwatch accepted the dispute and issued a credit note",
    creditNote: "CN-TW-2022-0041",
    at: "2022-03-01T09:00:00Z",
  },
  {
    rule: "B08",
    nth: 0,
    action: "recover",
    actor: "contracts",
    reason: "Same days billed on two invoices; credited on the next invoice",
    creditNote: "CN-TW-2022-0038",
    at: "2022-02-21T14:30:00Z",
  },
  {
    rule: "B09",
    nth: 0,
    action: "accept",
    actor: "finance",
    reason: "Price uplift agreed by contract variation 3, not yet entered in the price register; approved for payment",
    at: "2022-02-14T11:00:00Z",
  },
  {
    rule: "B03",
    nth: 0,
    action: "dispute",
    actor: "contracts",
    reason: "Tag removal recorded by the supplier's own field team; billing continued after it",
    at: "2022-02-08T16:45:00Z",
  },
];
