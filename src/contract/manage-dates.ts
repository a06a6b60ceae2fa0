/**
 * Dates that act, in the API: a contract's term with its options and break points, the deadlines
 * they imply and its status derived from them; the iCalendar feed of every deadline; what needs
 * each role's attention; and the register with its CSV export. Anyone reads what is published,
 * staff read everything; the contract side records a term. Status is always the one derived from
 * the dates and today's date in Europe/London (src/manage/status.ts), never a stored flag.
 */
import { z } from "zod";
import { CONTRACT_STATUSES } from "../manage/status.ts";
import { NOTICE_KINDS, OPTION_STATES, MAX_NOTICE_MONTHS } from "../manage/term.ts";
import { DEADLINE_KINDS } from "../manage/deadlines.ts";
import { IdParams, isoDate, reason } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { ANYONE, CONTRACT_SIDE, STAFF } from "./roles.ts";

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as readonly [T, ...T[]]);

const Months = z.number().int().min(0).max(MAX_NOTICE_MONTHS).describe("Whole months of notice");

export const Option = z.object({
  id: z.string(),
  fromDate: z.string().describe("The end date the option extends from"),
  toDate: z.string().describe("The last day of the term if it is taken"),
  state: enumOf(OPTION_STATES),
  noticeMonths: z.number().int(),
  decidedOn: z.string().nullable(),
  note: z.string(),
});

export const BreakPoint = z.object({
  id: z.string(),
  on: z.string().describe("The date the contract may end at this break"),
  noticeMonths: z.number().int(),
  note: z.string(),
});

export const GivenNotice = z.object({ kind: enumOf(NOTICE_KINDS), givenOn: z.string(), endsOn: z.string() });

export const Term = z.object({
  initialEndDate: z.string(),
  endNoticeMonths: z.number().int(),
  options: z.array(Option),
  breakPoints: z.array(BreakPoint),
  notice: GivenNotice.nullable(),
  source: z.string(),
  demo: z.boolean(),
});

export const Deadline = z.object({
  kind: enumOf(DEADLINE_KINDS),
  refId: z.string().describe('The option or break point it belongs to, or "term"'),
  date: z.string(),
  daysLeft: z.number().int().describe("Days from today (Europe/London); negative once past"),
  title: z.string(),
  detail: z.string(),
  uid: z.string().describe("The UID of its event in /api/calendar.ics"),
});
export type Deadline = z.infer<typeof Deadline>;

export const Owner = z.object({
  owner: z.string(),
  shareBp: z.number().int().describe("Share in basis points (7500 = 75%)"),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  source: z.string(),
  demo: z.boolean(),
});

export const Status = enumOf(CONTRACT_STATUSES);

export const ContractDates = z.object({
  contractId: z.string(),
  today: z.string().describe("Today in Europe/London, the date the status and days left are from"),
  status: z
    .string()
    .describe("Derived from the dates and today; a contract not awarded shows its procurement stage"),
  derivedStatus: Status,
  startDate: z.string().nullable(),
  currentEnd: z.string().nullable().describe("The last day the contract runs to, with the options taken"),
  maximumEnd: z.string().nullable().describe("The last day it could run to, every option not declined taken"),
  term: Term.nullable(),
  deadlines: z.array(Deadline),
  owners: z.array(Owner).describe("The supplier's owners over time, each share dated"),
});
export type ContractDates = z.infer<typeof ContractDates>;

export const TermBody = z
  .object({
    reason,
    initialEndDate: isoDate,
    endNoticeMonths: Months,
    options: z
      .array(
        z
          .object({
            id: z.string().min(1),
            fromDate: isoDate,
            toDate: isoDate,
            state: enumOf(OPTION_STATES),
            noticeMonths: Months,
            decidedOn: isoDate.nullable().optional(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    breakPoints: z
      .array(
        z
          .object({ id: z.string().min(1), on: isoDate, noticeMonths: Months, note: z.string().optional() })
          .strict(),
      )
      .max(50)
      .optional(),
    notice: z
      .object({ kind: enumOf(NOTICE_KINDS), givenOn: isoDate, endsOn: isoDate })
      .strict()
      .nullable()
      .optional(),
    source: z.string().optional(),
  })
  .strict();
export type TermBody = z.infer<typeof TermBody>;

export const OwnersBody = z
  .object({
    reason,
    owners: z
      .array(
        z
          .object({
            owner: z.string().min(1).max(200),
            shareBp: z.number().int().min(1).max(10_000).describe("Share in basis points (7500 = 75%)"),
            fromDate: isoDate
              .nullable()
              .optional()
              .describe("First day held; null: from before the record starts"),
            toDate: isoDate.nullable().optional().describe("Last day held; null: still held"),
            source: z.string().max(500).optional(),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type OwnersBody = z.infer<typeof OwnersBody>;

export const AttentionItem = z.object({
  kind: enumOf([
    "deadline",
    "past-end",
    "change-notice",
    "billing-exception",
    "kpi-failing",
    "kpi-overdue",
    "obligation-overdue",
  ] as const),
  id: z.string(),
  contractId: z.string().nullable(),
  recordId: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  severity: enumOf(["high", "medium", "low"] as const),
  link: z.string().describe("The dashboard path of the record"),
});

export const Attention = z.object({
  today: z.string(),
  role: z.string(),
  horizonDays: z.number().int().describe("Deadlines this many days ahead are listed"),
  items: z.array(AttentionItem),
});
export type Attention = z.infer<typeof Attention>;

export const RegisterRow = z.object({
  id: z.string(),
  title: z.string(),
  buyer: z.string(),
  supplier: z.string(),
  owners: z.string().describe('The supplier\'s owners today: "Sopra Steria 100%"'),
  ownersHistory: z.string().describe("Every dated share, oldest first"),
  valuePence: z.number().int().nullable(),
  savingsClaimedPence: z.number().int().nullable(),
  startDate: z.string().nullable(),
  currentEnd: z.string().nullable(),
  maximumEnd: z.string().nullable(),
  status: z.string(),
  nextDeadline: Deadline.nullable(),
  latestRating: z
    .object({
      periodEnd: z.string(),
      rating: z.string().describe("The worst KPI rating of the latest period"),
      kpis: z.number().int(),
    })
    .nullable(),
  published: z.boolean(),
  demoFields: z.array(z.string()),
  source: z.string(),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

export const getContractDates = defineOperation({
  operationId: "getContractDates",
  method: "GET",
  path: "/contracts/:id/dates",
  summary: "A contract's term, options, break points, deadlines, derived status and dated owners",
  tags: ["manage"],
  roles: ANYONE,
  params: IdParams,
  response: ContractDates,
});

export const putContractTerm = defineOperation({
  operationId: "putContractTerm",
  method: "PUT",
  path: "/contracts/:id/term",
  summary:
    "Record a contract's term: initial end, extension options, break points, notice periods, a notice given",
  description:
    "Replaces the whole term. Answers the contract's dates as the deadlines and status now follow from it.",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: TermBody,
  errors: ["bad_input"],
  response: ContractDates,
});

export const putContractOwners = defineOperation({
  operationId: "putContractOwners",
  method: "PUT",
  path: "/contracts/:id/owners",
  summary: "Record who owns the contract's supplier: each owner's share, dated",
  description:
    "Replaces the supplier's owners (every contract with the same supplier shows them). Refused, naming the field, when on any day the shares add up to more than 100% or a share ends before it starts. Answers the contract's dates with the owners now recorded.",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: OwnersBody,
  errors: ["bad_input"],
  response: ContractDates,
});

export const getAttention = defineOperation({
  operationId: "getAttention",
  method: "GET",
  path: "/attention",
  summary:
    "What needs the caller's attention: deadlines in the next 90 days, contracts past their end, changes needing a UK10 notice, open billing exceptions, failing KPIs and overdue obligations",
  tags: ["manage"],
  roles: STAFF,
  response: Attention,
});

export const getCalendar = defineOperation({
  operationId: "getCalendar",
  method: "GET",
  path: "/calendar.ics",
  summary: "Every contract deadline as an iCalendar feed (RFC 5545) to subscribe to",
  description:
    "One all-day event per deadline, with a UID stable across requests. The public sees published contracts only; staff see all. Calendar applications send no cookie, so a staff feed passes an API token as `?token=` (create one on the account page); a token that is not valid is refused (401), never answered with the public feed.",
  tags: ["manage"],
  roles: ANYONE,
  query: z.object({ token: z.string().max(200).optional() }).strict(),
  response: z.string(),
  produces: "text/calendar",
});

export const listRegister = defineOperation({
  operationId: "listRegister",
  method: "GET",
  path: "/register",
  summary:
    "The contract register: supplier and its owners, value, term, derived status, next deadline, latest rating",
  tags: ["contracts"],
  roles: ANYONE,
  response: z.array(RegisterRow),
});

export const exportContractsCsv = defineOperation({
  operationId: "exportContractsCsv",
  method: "GET",
  path: "/contracts.csv",
  summary: "The contract register as CSV",
  description:
    "The register's columns, money in pounds to the penny. Starts with a byte order mark; a text cell that would read as a formula (= + - @) starts with '.",
  tags: ["contracts"],
  roles: ANYONE,
  response: z.string(),
  produces: "text/csv",
});
