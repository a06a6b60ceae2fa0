/**
 * Demo value data for the SSCL business support services contract (`sscl-bss`): the award it is
 * measured against, its variations, the savings plan that tracks the £101.4m claim, and an exit
 * plan. Each figure says whether it is public record (with its source) or a demo figure.
 *
 * Public record: £234.5m over 10 years, 7+3, from October 2015, and £101.4m net savings over the
 * contract term (MOPAC PCD 560); spend "faster than profiled in the original Business Case" (PCD
 * 560); the contract to end September 2025 (PCD 1357) and extended by two years to September 2027
 * (PCD 1639); awarded under the Public Contracts Regulations 2015 (procured in 2014-15, before the
 * Procurement Act 2023 came into force on 24 February 2025).
 * Demo (invented): every payment, retained cost and the year-by-year profile of the claim; the
 * in-house baseline (the sum of the three services' demo annual costs in scenario.ts); the index
 * values (rounded figures in the manner of CPI, not the ONS series); the extension's £23.45m a
 * year; the day of each variation; the whole exit plan except its break points' dates, which
 * follow the horizon document (docs/decide/examples/met-sscl-contract.json).
 */
import type { ExitPlanInput } from "../manage/exit.ts";
import type { SavingsPlanInput } from "../manage/savings.ts";
import type { AwardBaseline, VariationEntry } from "../manage/variation.ts";
import { PUBLIC } from "./scenario.ts";

export const CONTRACT_ID = "sscl-bss";
const M = 100_000_000; // £1m in pence
const m = (pounds: number) => Math.round(pounds * M);

export const baseline: AwardBaseline = {
  contractId: CONTRACT_ID,
  awardValuePence: 23_450_000_000,
  startDate: "2015-10-01",
  awardEndDate: "2022-09-30",
  awardMaxEndDate: "2025-09-30",
  works: false,
  regime: "PCR2015",
  source: `${PUBLIC.mopac}: £234.5m over 10 years (7+3) from October 2015; the days of the month are demo values`,
  demo: false,
};

export const variations: VariationEntry[] = [
  {
    kind: "option",
    changedOn: "2021-11-10",
    approvedOn: "2021-11-10",
    approvedBy: "Deputy Mayor for Policing and Crime",
    reason: "The three-year option provided for on award taken, to September 2025 (demo date)",
    description:
      "Option to extend from September 2022 to September 2025, within the 7+3 years awarded (PCD 560; PCD 1357 gives the end as September 2025). Its value is inside the £234.5m. The date is a demo value.",
    valueDeltaPence: 0,
    endAfter: "2025-09-30",
    demo: true,
  },
  {
    kind: "change",
    changedOn: "2024-06-01",
    approvedOn: "2024-06-01",
    approvedBy: "Deputy Mayor for Policing and Crime",
    reason:
      "Extension of the current services while Met Business Services is implemented and the services re-procured (PCD 1639, paraphrased)",
    description:
      "Two more years, from September 2025 to September 2027, beyond the maximum term provided for on award (PCD 1357, PCD 1639). The value, £46.9m (two years at £23.45m), is a DEMO figure: PCD 1639 funds the extension from existing budgets without publishing its amount. The date is a demo value.",
    valueDeltaPence: 4_690_000_000,
    endAfter: "2027-09-30",
    demo: true,
  },
];

/** Index values by contract year (October to September): demo figures in the manner of CPI. */
const YEARS: [label: string, index: string, claimed: number, paid: number | null, retained: number][] = [
  ["2015-16", "100.3", 2.0, 21.0, 12.0],
  ["2016-17", "101.9", 6.0, 25.5, 8.0],
  ["2017-18", "104.6", 10.0, 27.5, 4.5],
  ["2018-19", "106.5", 11.9, 28.5, 4.5],
  ["2019-20", "108.3", 11.9, 29.0, 4.5],
  ["2020-21", "109.0", 11.9, 29.5, 4.5],
  ["2021-22", "113.5", 11.9, 31.5, 4.5],
  ["2022-23", "125.0", 11.9, 35.0, 5.0],
  ["2023-24", "131.6", 11.9, 37.5, 5.0],
  ["2024-25", "134.6", 12.0, 39.0, 5.0],
  ["2025-26 (extension: not in the business case)", "138.9", 0, 40.5, 5.0],
  ["2026-27 (extension: not in the business case)", "142.0", 0, null, 5.0],
];

export const savingsPlan: SavingsPlanInput = {
  contractId: CONTRACT_ID,
  baselineAnnualPence: m(38.5),
  indexName: "Demo price index in the manner of CPI (contract years, October 2015 = 100.3); not the ONS series",
  baseIndex: "100.3",
  claimedTotalPence: m(101.4),
  source: `${PUBLIC.mopac}: £101.4m net savings over the 10-year term (public). DEMO: the baseline (£38.5m a year: finance £18.4m + HR £15.9m + procurement £4.2m, scenario.ts), the year-by-year profile of the claim, every payment and retained cost, and the index. The business case covers 10 years to September 2025; the contract runs to September 2027.`,
  demo: true,
  years: YEARS.map(([label, index, claimed, paid, retained], i) => ({
    label,
    start: `${2015 + i}-10-01`,
    end: `${2016 + i}-09-30`,
    claimedPence: m(claimed),
    index,
    paymentsPence: paid === null ? null : m(paid),
    retainedPence: m(retained),
    demo: true,
  })),
};

export const exitPlan: ExitPlanInput = {
  contractId: CONTRACT_ID,
  assets:
    "The Met's configuration of the supplier's ERP platform, interfaces to Met systems, and process documentation (demo)",
  data: "HR, payroll, pensions, finance ledger and procurement records since October 2015, held on the supplier's platform, to be extracted in agreed formats (demo)",
  staff:
    "Staff working on the Met's services would transfer back under TUPE; most of the 445 posts left London in 2016, so the service would be rebuilt rather than brought back (demo)",
  staffCount: 300,
  monthsNeeded: 18,
  exitCostPence: 900_000_000,
  source:
    "DEMO: 18 months and £9m agree with the delivery model assessment's return-in-house assessment (src/demo/decide.ts, invented); break dates follow the horizon document",
  demo: true,
  breakPoints: [
    { date: "2018-10-01", label: "break for convenience after three years", noticeMonths: 6, terminationFeePence: 1_500_000_000, demo: true },
    { date: "2022-10-01", label: "end of the initial 7-year term", noticeMonths: 6, terminationFeePence: 0, demo: true },
    { date: "2025-10-01", label: "end of the 3-year extension option", noticeMonths: 6, terminationFeePence: 0, demo: true },
  ],
};
