/**
 * Accountability horizon: how far a contract reaches into future administrations. For each
 * administration it gives the contract payments falling in its term, their share of the whole
 * contract, and (when given) their share of a stated annual budget and of the body's total
 * contract spending; it counts the administrations after the deciding one that the decision
 * binds, and for each break point the cost of leaving and what leaving would release. The
 * London Assembly committee's concern: deals that "last beyond the next mayoral term and even
 * the one after that".
 */
import { dayNumber } from "../../shared/dates.ts";
import { type Administration, type ElectionCalendar, administrations } from "./elections.ts";
import { type PaymentProfile, allocate, profileEnd, profileStart, profileTotal } from "./payments.ts";

export interface BreakPoint {
  date: string;
  /** Pence payable to leave at this point. */
  terminationCost: number;
  label?: string;
}

export interface HorizonInput {
  contract: string;
  /** Day the decision was (or will be) taken: fixes the deciding administration. */
  decisionDate: string;
  payments: PaymentProfile;
  breakPoints?: BreakPoint[];
  elections: ElectionCalendar;
  /** The body's annual budget (pence), to express each term's commitment as a share of it. */
  annualBudget?: number;
  /** The body's total annual spending on contracts (pence). */
  annualContractSpend?: number;
}

export interface AdministrationCommitment extends Administration {
  /** Pence of this contract paid during the term. */
  committed: number;
  shareOfContract: number;
  /** committed / (annual budget x years of the term), or null without a budget. */
  shareOfBudget: number | null;
  shareOfContractSpend: number | null;
  /** Decided by this administration, or bound by an earlier one. */
  role: "before-decision" | "deciding" | "bound";
}

export interface BreakPointCost {
  date: string;
  label: string | null;
  terminationCost: number;
  /** Payments still due after the break, which leaving would release (before buying the service again). */
  paymentsAfter: number;
  paymentsBefore: number;
  /** Administrations after the deciding one still paying something if the contract ends here. */
  administrationsBoundIfLeft: number;
  /** Administration in office on the break date (who would have to take the decision). */
  administration: string | null;
}

export interface HorizonReport {
  contract: string;
  body: string;
  start: string;
  end: string;
  total: number;
  decidingAdministration: string | null;
  administrations: AdministrationCommitment[];
  /** Administrations after the deciding one with payments to make. */
  administrationsBound: number;
  /** Share of the contract paid after the deciding administration's term. */
  shareAfterDecidingTerm: number;
  breakPoints: BreakPointCost[];
  /** Payments outside every administration (before the first listed election). */
  unallocated: number;
}

const YEAR_DAYS = 365.25;

/** The earlier of two ISO dates (they sort as text). */
const earlier = (a: string, b: string): string => (a.localeCompare(b) <= 0 ? a : b);

export function accountabilityHorizon(input: HorizonInput): HorizonReport {
  const total = profileTotal(input.payments);
  const start = profileStart(input.payments);
  const end = profileEnd(input.payments);
  if (start > end) throw new RangeError(`${input.contract}: the payment profile is empty`);
  const from = earlier(input.decisionDate, start);
  const admins = administrations(input.elections, from, end);
  const { perPeriod, outside } = allocate(input.payments, admins);
  const decision = dayNumber(input.decisionDate);
  const decidingIdx = admins.findIndex((a) => decision >= dayNumber(a.from) && decision < dayNumber(a.to));

  const rows: AdministrationCommitment[] = admins.map((a, i) => {
    const committed = perPeriod[i]!;
    const years = (dayNumber(a.to) - dayNumber(a.from)) / YEAR_DAYS;
    return {
      ...a,
      committed,
      shareOfContract: total === 0 ? 0 : committed / total,
      shareOfBudget: input.annualBudget ? committed / (input.annualBudget * years) : null,
      shareOfContractSpend: input.annualContractSpend
        ? committed / (input.annualContractSpend * years)
        : null,
      role: i < decidingIdx ? "before-decision" : i === decidingIdx ? "deciding" : "bound",
    };
  });
  const bound = rows.filter((r) => r.role === "bound" && r.committed > 0);
  const after = bound.reduce((s, r) => s + r.committed, 0);

  const breakPoints: BreakPointCost[] = (input.breakPoints ?? [])
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((bp) => {
      const before = allocate(input.payments, [{ from: "1900-01-01", to: bp.date }]).perPeriod[0]!;
      const cut = admins.map((a) => ({ from: a.from, to: earlier(a.to, bp.date) }));
      const cutAlloc = allocate(input.payments, cut).perPeriod;
      const boundIfLeft = cutAlloc.filter((v, i) => i > decidingIdx && decidingIdx >= 0 && v > 0).length;
      const day = dayNumber(bp.date);
      const inOffice = admins.find((a) => day >= dayNumber(a.from) && day < dayNumber(a.to));
      return {
        date: bp.date,
        label: bp.label ?? null,
        terminationCost: bp.terminationCost,
        paymentsAfter: total - before,
        paymentsBefore: before,
        administrationsBoundIfLeft: boundIfLeft,
        administration: inOffice ? inOffice.label : null,
      };
    });

  return {
    contract: input.contract,
    body: input.elections.body,
    start,
    end,
    total,
    decidingAdministration: decidingIdx >= 0 ? admins[decidingIdx]!.label : null,
    administrations: rows,
    administrationsBound: bound.length,
    shareAfterDecidingTerm: total === 0 ? 0 : after / total,
    breakPoints,
    unallocated: outside,
  };
}
