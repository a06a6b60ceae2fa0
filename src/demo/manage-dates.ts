/**
 * The demo contracts' terms, options, break points, notice periods and the suppliers' dated
 * owners, loaded by src/app/manage-dates-demo.ts. Each figure names its source; every invented
 * one is marked "demo" in its note and the term's `demo` flag is set.
 *
 * Public record (MOPAC decisions on the SSCL contract, src/demo/scenario.ts PUBLIC.mopac): the
 * SSCL contract went live in October 2015 for 7 years with an option of 3 more, and was extended
 * from September 2025 to September 2027 (MOPAC decisions PCD 1357 and PCD 1639). SSCL was a
 * joint venture of Sopra Steria (75%) and the Cabinet Office (25%) until the Cabinet Office sold
 * its 25% to Sopra Steria in November 2023.
 * Demo (invented): the day of each date within its month, every notice period, the break points,
 * the electronic monitoring and custody healthcare contracts' terms (both contracts are invented).
 */
import type { TermBody } from "../contract/manage-dates.ts";
import type { OwnershipShare } from "../manage/ownership.ts";

export const SSCL_SOURCE =
  "MOPAC decision records on the SSCL contract: 7 years with an option of 3 more from October 2015; extended from September 2025 to September 2027 (PCD 1357, PCD 1639)";

export interface DemoTerm {
  contractId: string;
  term: Omit<TermBody, "reason">;
}

export const terms: DemoTerm[] = [
  {
    contractId: "sscl-bss",
    term: {
      initialEndDate: "2022-09-30",
      endNoticeMonths: 9,
      options: [
        {
          id: "option-3-years",
          fromDate: "2022-09-30",
          toDate: "2025-09-30",
          state: "taken",
          noticeMonths: 6,
          note: "The option of 3 more years on the 7-year term (MOPAC). Taken: the contract ran to September 2025, the start of the extension. Notice period: demo figure.",
        },
        {
          id: "extension-2027",
          fromDate: "2025-09-30",
          toDate: "2027-09-30",
          state: "taken",
          noticeMonths: 6,
          note: "Extension from September 2025 to September 2027 (MOPAC PCD 1357, PCD 1639). Notice period: demo figure.",
        },
      ],
      breakPoints: [
        {
          id: "break-2026",
          on: "2026-03-31",
          noticeMonths: 6,
          note: "Demo: an invented break point in the extension period.",
        },
      ],
      source: `${SSCL_SOURCE}. Demo: the days within each month, the notice periods, the break point, and the 9 months before the end by which what follows must be decided.`,
    },
  },
  {
    contractId: "em-tagging",
    term: {
      initialEndDate: "2026-03-31",
      endNoticeMonths: 12,
      options: [
        {
          id: "option-2-years",
          fromDate: "2026-03-31",
          toDate: "2028-03-31",
          state: "declined",
          noticeMonths: 6,
          decidedOn: "2025-09-15",
          note: "Demo: an invented option of 2 more years, declined; the contract ended on 31 March 2026.",
        },
      ],
      breakPoints: [
        {
          id: "break-2023",
          on: "2023-03-31",
          noticeMonths: 6,
          note: "Demo: an invented break point, not used.",
        },
      ],
      source: "invented for the demo: the contract and every date of its term",
    },
  },
  {
    contractId: "custody-healthcare-2027",
    term: {
      initialEndDate: "2032-03-31",
      endNoticeMonths: 18,
      options: [
        {
          id: "option-2-years",
          fromDate: "2032-03-31",
          toDate: "2034-03-31",
          state: "pending",
          noticeMonths: 6,
          note: "Demo: the invented tender's option of 2 more years.",
        },
      ],
      breakPoints: [
        {
          id: "break-2029",
          on: "2029-03-31",
          noticeMonths: 6,
          note: "Demo: an invented break after two years.",
        },
      ],
      source: "invented for the demo: the tender and every date of its term",
    },
  },
];

export interface DemoOwners {
  supplier: string;
  shares: Omit<OwnershipShare, "supplier">[];
}

const SALE =
  "The Cabinet Office sold its 25% of SSCL to Sopra Steria in November 2023 (public record); the day within November is a demo value";

export const owners: DemoOwners[] = [
  {
    supplier: "Shared Services Connected Ltd",
    shares: [
      {
        owner: "Sopra Steria",
        shareBp: 7500,
        fromDate: null,
        toDate: "2023-11-29",
        source: `Joint venture 75/25. ${SALE}`,
        demo: false,
      },
      {
        owner: "Cabinet Office",
        shareBp: 2500,
        fromDate: null,
        toDate: "2023-11-29",
        source: `Joint venture 75/25. ${SALE}`,
        demo: false,
      },
      {
        owner: "Sopra Steria",
        shareBp: 10_000,
        fromDate: "2023-11-30",
        toDate: null,
        source: SALE,
        demo: false,
      },
    ],
  },
  {
    supplier: "Tagwatch Monitoring Ltd (fictional)",
    shares: [
      {
        owner: "Tagwatch Holdings (fictional)",
        shareBp: 10_000,
        fromDate: null,
        toDate: null,
        source: "invented for the demo",
        demo: true,
      },
    ],
  },
];
