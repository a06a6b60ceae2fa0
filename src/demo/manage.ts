/**
 * Demo contract events for the SSCL business support contract (`sscl-bss` in scenario.ts), so
 * its UK6, UK7, UK9 and UK10 notices can be produced.
 *
 * Public record (MOPAC, see scenario.ts PUBLIC.mopac): the contract started in October 2015 for
 * 7 years with an option of 3 more, and was extended to September 2027.
 * Demo (invented, flagged `demo` in the store): the three KPIs, their targets and every rating;
 * the day of the change; the value after the change (not published, shown unchanged).
 */
export const CONTRACT_ID = "sscl-bss";

export const kpis = [
  {
    id: "sscl-bss-kpi-invoices",
    title: "Supplier invoices paid on time (demo)",
    description: "Share of undisputed supplier invoices paid within 30 days of receipt",
    target: "98% within 30 days (demo figure)",
  },
  {
    id: "sscl-bss-kpi-payroll",
    title: "Payroll accuracy (demo)",
    description: "Share of payslips issued without an error needing correction",
    target: "99.5% of payslips correct (demo figure)",
  },
  {
    id: "sscl-bss-kpi-cases",
    title: "HR cases closed within service level (demo)",
    description: "Share of HR casework requests closed within the agreed service level",
    target: "95% within service level (demo figure)",
  },
] as const;

export const ratings = [
  { kpiId: "sscl-bss-kpi-invoices", periodEnd: "2025-03-31", rating: "good" },
  { kpiId: "sscl-bss-kpi-payroll", periodEnd: "2025-03-31", rating: "approachingTarget" },
  { kpiId: "sscl-bss-kpi-cases", periodEnd: "2025-03-31", rating: "requiresImprovement" },
  { kpiId: "sscl-bss-kpi-invoices", periodEnd: "2026-03-31", rating: "good" },
  { kpiId: "sscl-bss-kpi-payroll", periodEnd: "2026-03-31", rating: "good" },
  {
    kpiId: "sscl-bss-kpi-cases",
    periodEnd: "2026-03-31",
    rating: "inadequate",
    explanation: "Backlog after the case system migration (demo)",
  },
] as const;

export const changes = [
  {
    id: "sscl-bss-extension-2027",
    changedOn: "2021-11-10",
    works: false,
    valueBeforePence: 23_450_000_000,
    valueAfterPence: 23_450_000_000,
    startDate: "2015-10-01",
    endBefore: "2022-09-30",
    endAfter: "2027-09-30",
    description:
      "Term extended from September 2022 to September 2027 (public record). The value after the change is not published and is shown unchanged; the date of the change is the decision date in the scenario (day is a demo value).",
    rationale: "Extension while the future of business support services is decided (demo wording)",
    demo: true,
  },
];
