/**
 * Demo performance and obligations for the three demo contracts (scenario.ts). Every figure here
 * is invented for the demo and stored with its demo flag: the KPIs' targets and tolerances, every
 * result, the service-credit regimes (the monthly charges are demo figures derived from each
 * contract's value as scenario.ts gives it) and the obligations. They agree with the rest of the
 * demo: SSCL's three KPIs are those of src/demo/manage.ts, and the year to 31 March 2026 has the
 * HR cases KPI failing as the rating recorded there says ("backlog after the case system
 * migration"); the electronic monitoring contract ended on 31 March 2026, so it owes its last
 * month's results and two exit obligations are overdue; the custody healthcare contract is still
 * out to tender, so its KPIs and regime are those of the tender with no results yet.
 */
import { CONTRACT_ID as SSCL, type kpis as ssclKpis } from "./manage.ts";

export { SSCL };
export const EM = "em-tagging";
export const CUSTODY = "custody-healthcare-2027";

const months = (from: string, values: readonly string[]) => {
  // Month ends from `from` (a YYYY-MM), one per value.
  const [y0, m0] = from.split("-").map(Number) as [number, number];
  return values.map((value, i) => {
    const m = m0 - 1 + i;
    const y = y0 + Math.floor(m / 12);
    const mo = (m % 12) + 1;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { periodEnd: `${y}-${String(mo).padStart(2, "0")}-${String(last).padStart(2, "0")}`, value };
  });
};

/** How the SSCL KPIs (recorded by src/demo/manage.ts) are measured (demo figures). */
export const ssclMeasures: Record<
  (typeof ssclKpis)[number]["id"],
  {
    targetValue: string;
    tolerance: string;
    period: "monthly" | "quarterly";
    weight: number;
    source: "supplier" | "authority";
    unit: string;
    measuredFrom: string;
  }
> = {
  "sscl-bss-kpi-invoices": {
    targetValue: "98",
    tolerance: "1",
    period: "monthly",
    weight: 2,
    source: "supplier",
    unit: "%",
    measuredFrom: "2025-04-01",
  },
  "sscl-bss-kpi-payroll": {
    targetValue: "99.5",
    tolerance: "0.3",
    period: "monthly",
    weight: 3,
    source: "supplier",
    unit: "%",
    measuredFrom: "2025-04-01",
  },
  "sscl-bss-kpi-cases": {
    targetValue: "95",
    tolerance: "2",
    period: "quarterly",
    weight: 1,
    source: "authority",
    unit: "%",
    measuredFrom: "2025-04-01",
  },
};

/**
 * Results, April 2025 to October 2026 (November 2026 is not reported yet, so it shows overdue
 * from 1 December 2026). March 2026, during the case system migration, fails all three.
 */
export const ssclResults = [
  ...months("2025-04", [
    "98.4",
    "98.9",
    "97.6",
    "98.2",
    "98.7",
    "99.1",
    "98.3",
    "97.2",
    "98.0",
    "98.5",
    "98.1",
    "96.4",
    "98.2",
    "98.6",
    "98.9",
    "97.8",
    "98.4",
    "98.8",
    "99.0",
  ]).map((r) => ({ kpiId: "sscl-bss-kpi-invoices", ...r })),
  ...months("2025-04", [
    "99.6",
    "99.7",
    "99.5",
    "99.3",
    "99.8",
    "99.6",
    "99.1",
    "99.6",
    "99.7",
    "99.5",
    "99.6",
    "98.9",
    "99.6",
    "99.7",
    "99.5",
    "99.8",
    "99.6",
    "99.4",
    "99.7",
  ]).map((r) => ({ kpiId: "sscl-bss-kpi-payroll", ...r })),
  ...[
    ["2025-06-30", "93.5"],
    ["2025-09-30", "94.1"],
    ["2025-12-31", "91.8"],
    ["2026-03-31", "86.2"],
    ["2026-06-30", "90.4"],
    ["2026-09-30", "93.6"],
  ].map(([periodEnd, value]) => ({
    kpiId: "sscl-bss-kpi-cases",
    periodEnd: periodEnd as string,
    value: value as string,
  })),
];

/** The authority checked the supplier's figures to March 2026; later ones rest on its word. */
export const SSCL_VERIFIED_UNTIL = "2026-03-31";

export const emKpis = [
  {
    id: "em-kpi-fitting",
    title: "Tags fitted within 24 hours of the order (demo)",
    description: "Share of new curfew orders with the tag fitted within 24 hours",
    target: "99% within 24 hours (demo figure)",
    targetValue: "99",
    tolerance: "1",
    period: "monthly",
    weight: 2,
    source: "supplier",
    unit: "%",
    measuredFrom: "2025-04-01",
  },
  {
    id: "em-kpi-alerts",
    title: "Curfew breaches alerted within 30 minutes (demo)",
    description: "Share of curfew breaches reported to the responsible officer within 30 minutes",
    target: "98% within 30 minutes (demo figure)",
    targetValue: "98",
    tolerance: "2",
    period: "monthly",
    weight: 3,
    source: "authority",
    unit: "%",
    measuredFrom: "2025-04-01",
  },
  {
    id: "em-kpi-billing",
    title: "Invoice lines disputed (demo)",
    description: "Share of invoice lines disputed by the authority after reconciliation (lower is better)",
    target: "At most 1% of lines disputed (demo figure)",
    targetValue: "1",
    tolerance: "0.5",
    direction: "lower",
    period: "quarterly",
    weight: 1,
    source: "authority",
    unit: "%",
    measuredFrom: "2025-04-01",
  },
] as const;

/** Results April 2025 to February 2026: the last month of the contract (March 2026) was never reported. */
export const emResults = [
  ...months("2025-04", [
    "99.2",
    "98.7",
    "97.1",
    "99.4",
    "99.0",
    "96.8",
    "99.3",
    "98.4",
    "99.1",
    "97.5",
    "99.2",
  ]).map((r) => ({ kpiId: "em-kpi-fitting", ...r })),
  ...months("2025-04", [
    "98.6",
    "97.2",
    "95.4",
    "98.1",
    "98.9",
    "94.7",
    "97.5",
    "98.3",
    "96.9",
    "98.4",
    "95.8",
  ]).map((r) => ({ kpiId: "em-kpi-alerts", ...r })),
  ...[
    ["2025-06-30", "1.8"],
    ["2025-09-30", "2.4"],
    ["2025-12-31", "1.3"],
  ].map(([periodEnd, value]) => ({
    kpiId: "em-kpi-billing",
    periodEnd: periodEnd as string,
    value: value as string,
  })),
];

export const custodyKpis = [
  {
    id: "custody-kpi-response",
    title: "Healthcare professional attends within 60 minutes (demo)",
    description: "Share of requests from a custody suite attended within 60 minutes (as in the tender)",
    target: "95% within 60 minutes (demo figure)",
    targetValue: "95",
    tolerance: "2",
    period: "monthly",
    weight: 3,
    source: "supplier",
    unit: "%",
    measuredFrom: "2027-04-01",
  },
  {
    id: "custody-kpi-forensic",
    title: "Forensic samples taken within 4 hours of request (demo)",
    description: "Share of forensic examinations completed within 4 hours",
    target: "90% within 4 hours (demo figure)",
    targetValue: "90",
    tolerance: "3",
    period: "quarterly",
    weight: 2,
    source: "authority",
    unit: "%",
    measuredFrom: "2027-04-01",
  },
  {
    id: "custody-kpi-records",
    title: "Clinical records complete at audit (demo)",
    description: "Share of sampled clinical records complete when audited",
    target: "98% complete (demo figure)",
    targetValue: "98",
    tolerance: "1",
    period: "quarterly",
    weight: 1,
    source: "authority",
    unit: "%",
    measuredFrom: "2027-04-01",
  },
] as const;

/**
 * Regimes (demo figures). The monthly charges spread each contract's value as scenario.ts gives
 * it over its months: SSCL £234.5m over 120 months (7 + 3 years), electronic monitoring £48m over
 * 84 months, custody healthcare £60m over 60 months.
 */
export const regimes = [
  {
    contractId: SSCL,
    kind: "percent",
    monthlyChargePence: 195_416_667,
    creditBp: 200,
    pointsPerFailure: 0,
    pencePerPoint: 0,
    capBp: 500,
    missingCountsAsFailure: true,
    notes: "Demo regime: 2% of the monthly charge per failed KPI, at most 5% a month.",
  },
  {
    contractId: EM,
    kind: "points",
    monthlyChargePence: 57_142_857,
    creditBp: 0,
    pointsPerFailure: 5,
    pencePerPoint: 250_000,
    capBp: 300,
    missingCountsAsFailure: true,
    notes: "Demo regime: 5 points per failed KPI at £2,500 a point, at most 3% of the monthly charge.",
  },
  {
    contractId: CUSTODY,
    kind: "percent",
    monthlyChargePence: 100_000_000,
    creditBp: 150,
    pointsPerFailure: 0,
    pencePerPoint: 0,
    capBp: 600,
    missingCountsAsFailure: false,
    notes: "Demo regime as tendered: 1.5% per failed KPI, at most 6% a month.",
  },
] as const;

export const obligations = [
  {
    contractId: SSCL,
    id: "sscl-ob-open-book",
    kind: "openBook",
    title: "Annual open-book review of the supplier's costs (demo)",
    owner: "Contract manager, MOPAC (demo)",
    dueDate: "2026-10-31",
    recurrence: "annual",
    notes: "Demo obligation: not yet held this year.",
  },
  {
    contractId: SSCL,
    id: "sscl-ob-service-report",
    kind: "report",
    title: "Quarterly service report from the supplier (demo)",
    owner: "Contract manager, MOPAC (demo)",
    dueDate: "2026-07-31",
    recurrence: "quarterly",
    notes: "Demo obligation: the July report came in; the October one has not.",
    completions: [
      {
        completedOn: "2026-08-04",
        evidence: "Quarterly service report Q1 2026/27, received 4 August 2026 (demo)",
      },
    ],
  },
  {
    contractId: SSCL,
    id: "sscl-ob-insurance",
    kind: "insurance",
    title: "Professional indemnity insurance certificate renewed (demo)",
    owner: "Commercial lead, MOPAC (demo)",
    dueDate: "2027-01-31",
    recurrence: "annual",
    notes: "",
  },
  {
    contractId: SSCL,
    id: "sscl-ob-step-in",
    kind: "stepIn",
    title: "Test the step-in plan for payroll (demo)",
    owner: "Head of HR operations, MPS (demo)",
    dueDate: "2027-03-31",
    recurrence: "annual",
    notes: "",
  },
  {
    contractId: EM,
    id: "em-ob-final-report",
    kind: "report",
    title: "Final performance report after expiry (demo)",
    owner: "Contract manager, MoJ (demo)",
    dueDate: "2026-05-31",
    recurrence: "none",
    notes: "",
  },
  {
    contractId: EM,
    id: "em-ob-data-return",
    kind: "audit",
    title: "Audit of subject data returned and deleted after expiry (demo)",
    owner: "Data protection officer, MoJ (demo)",
    dueDate: "2026-06-30",
    recurrence: "none",
    notes: "",
  },
  {
    contractId: CUSTODY,
    id: "custody-ob-insurance",
    kind: "insurance",
    title: "Medical malpractice insurance evidence from the preferred bidder (demo)",
    owner: "Commercial lead, MOPAC (demo)",
    dueDate: "2027-03-01",
    recurrence: "none",
    notes: "",
  },
] as const;
