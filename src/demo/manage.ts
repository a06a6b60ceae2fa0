/**
 * Demo contract events for the SSCL business support contract (`sscl-bss` in scenario.ts), so
 * its UK6, UK7, UK9 and UK10 notices can be produced.
 *
 * Public record (MOPAC PCD 560, PCD 1357, PCD 1639; see scenario.ts PUBLIC): the contract started
 * in October 2015 for 7 years with an option of 3 more, to September 2025, and was extended by two
 * years to September 2027.
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
    changedOn: "2024-06-01",
    works: false,
    valueBeforePence: 23_450_000_000,
    valueAfterPence: 23_450_000_000,
    startDate: "2015-10-01",
    endBefore: "2025-09-30",
    endAfter: "2027-09-30",
    description:
      "Term extended by two years, from September 2025 to September 2027 (public record: MOPAC PCD 1357, PCD 1639). The value after the change is not published and is shown unchanged here; the variation history (src/demo/manage-value.ts) carries a demo amount. The day of the change is a demo value.",
    rationale:
      "Extension of the current services while Met Business Services is implemented and the services re-procured (PCD 1639, paraphrased)",
    demo: true,
  },
];
