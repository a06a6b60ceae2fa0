/**
 * The contract form's model, without React: what was typed in each section (owners, term,
 * payment mechanism) turned into the bodies the API takes, checked by the engine's own rules
 * (src/manage/ownership.ts, term.ts, payment-mechanism.ts, the ones the server runs), and the
 * result those rules derive (current and maximum end, next deadlines, owners today) before saving.
 * Every problem is put in the words of the form: "Option 1", "Owners", never `$.options[0]`.
 */
import type { OwnersBody, TermBody } from "../../../src/contract/manage-dates.ts";
import type { PaymentMechanismBody } from "../../../src/contract/manage-payment.ts";
import { contractDeadlines, type Deadline } from "../../../src/manage/deadlines.ts";
import { checkOwnership, ownersEntered, ownersText } from "../../../src/manage/ownership.ts";
import {
  type IndexationKind,
  type InvoicingFrequency,
  type PaymentMechanism,
  type PricingBasis,
  paymentMechanismProblems,
} from "../../../src/manage/payment-mechanism.ts";
import {
  type ContractTerm,
  currentEnd,
  maximumEnd,
  newTerm,
  type OptionState,
} from "../../../src/manage/term.ts";
import { InputError } from "../../../src/shared/errors.ts";
import { parsePercentInput } from "../percent-input.ts";

export interface OwnerRow {
  key: string;
  owner: string;
  share: string;
  fromDate: string;
  toDate: string;
  source: string;
}

export interface OptionRow {
  key: string;
  id: string;
  fromDate: string;
  toDate: string;
  noticeMonths: string;
  state: OptionState;
  decidedOn: string;
  note: string;
}

export interface BreakRow {
  key: string;
  id: string;
  on: string;
  noticeMonths: string;
  note: string;
}

export interface TermTyped {
  initialEndDate: string;
  endNoticeMonths: string;
  options: OptionRow[];
  breakPoints: BreakRow[];
  /** Kept as stored: the form does not change a notice given (the contract page records one). */
  notice: TermBody["notice"];
  source: string;
}

export interface PaymentTyped {
  pricingBasis: PricingBasis | "";
  painShare: string;
  gainShare: string;
  invoicing: InvoicingFrequency;
  paymentTermsDays: string;
  indexation: IndexationKind;
  indexationRate: string;
  indexationReviewOn: string;
  serviceCreditCap: string;
  note: string;
}

export const EMPTY_PAYMENT: PaymentTyped = {
  pricingBasis: "",
  painShare: "",
  gainShare: "",
  invoicing: "monthly",
  paymentTermsDays: "30",
  indexation: "none",
  indexationRate: "",
  indexationReviewOn: "",
  serviceCreditCap: "",
  note: "",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A JSON path of the engines put as the form names the field. */
export function fieldWords(path: string | undefined): string {
  if (!path) return "";
  const words: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^\$\.owners\[(\d+)\]/, (m) => `Owner ${Number(m[1]) + 1}`],
    [/^\$\.owners$/, () => "Owners"],
    [/^\$\.options\[(\d+)\]/, (m) => `Option ${Number(m[1]) + 1}`],
    [/^\$\.breakPoints\[(\d+)\]/, (m) => `Break point ${Number(m[1]) + 1}`],
    [/^\$\.initialEndDate/, () => "Initial term ends"],
    [/^\$\.endNoticeMonths/, () => "Months to decide what follows"],
    [/^\$\.notice/, () => "Notice given"],
  ];
  for (const [re, say] of words) {
    const m = re.exec(path);
    if (m) return say(m);
  }
  return "";
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An engine's refusal in the form's words: "Option 1: the option ends (…) before …". */
function said(e: unknown): string {
  if (e instanceof InputError) {
    const where = fieldWords(e.location.path);
    return where ? `${where}: ${e.message}.` : `${capital(e.message)}.`;
  }
  return e instanceof Error ? e.message : String(e);
}

const months = (text: string, label: string): number | string => {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return `${label} is a whole number of months, such as 6.`;
  return Number(t);
};

export type Checked<T> = { ok: T } | { problem: string };

/** The owners as typed, checked by the ownership rules; the body the API takes. */
export function checkOwners(rows: readonly OwnerRow[], supplier: string): Checked<OwnersBody["owners"]> {
  const out: OwnersBody["owners"] = [];
  for (const [i, r] of rows.entries()) {
    const who = `Owner ${i + 1}`;
    if (!r.owner.trim()) return { problem: `${who}: give the owner's name.` };
    if (r.owner.trim().length > 200) return { problem: `${who}: the name is at most 200 characters.` };
    const share = parsePercentInput(r.share);
    if ("empty" in share) return { problem: `${who}: give the share, such as 75%.` };
    if ("problem" in share) return { problem: `${who}: ${share.problem}` };
    if (share.bp < 1 || share.bp > 10_000) return { problem: `${who}: a share is from 0.01% to 100%.` };
    for (const [k, label] of [
      ["fromDate", "held from"],
      ["toDate", "held to"],
    ] as const)
      if (r[k] && !DATE.test(r[k]))
        return { problem: `${who}: the date ${label} is a date such as 2023-11-30.` };
    out.push({
      owner: r.owner.trim(),
      shareBp: share.bp,
      fromDate: r.fromDate || null,
      toDate: r.toDate || null,
      source: r.source,
    });
  }
  try {
    checkOwnership(supplier, ownersEntered(out));
  } catch (e) {
    return { problem: said(e) };
  }
  return { ok: out };
}

/** The owners the typed rows give on `today`, as the register writes them. */
export function ownersPreview(owners: OwnersBody["owners"], supplier: string, today: string): string {
  const shares = owners.map((o) => ({
    supplier,
    owner: o.owner,
    shareBp: o.shareBp,
    fromDate: o.fromDate ?? null,
    toDate: o.toDate ?? null,
    source: "",
    demo: false,
  }));
  return ownersText(shares, supplier, today);
}

/** Whether anything of the term is typed (a blank term section records nothing). */
export const termTyped = (t: TermTyped) =>
  t.initialEndDate.trim() !== "" || t.options.length > 0 || t.breakPoints.length > 0;

/** The term as typed, checked by the term rules; the body the API takes and the term it makes. */
export function checkTerm(
  t: TermTyped,
  contractId: string,
  startDate: string | null,
): Checked<{ body: Omit<TermBody, "reason">; term: ContractTerm }> {
  if (!DATE.test(t.initialEndDate)) return { problem: "Initial term ends: give a date such as 2029-03-31." };
  const endNotice = months(t.endNoticeMonths, "Months to decide what follows");
  if (typeof endNotice === "string") return { problem: endNotice };
  const options: NonNullable<TermBody["options"]> = [];
  for (const [i, o] of t.options.entries()) {
    const who = `Option ${i + 1}`;
    if (!DATE.test(o.fromDate) || !DATE.test(o.toDate))
      return {
        problem: `${who}: give the end it extends from and the new end, as dates such as 2029-03-31.`,
      };
    const n = months(o.noticeMonths, `${who}: the notice`);
    if (typeof n === "string") return { problem: n };
    if (o.decidedOn && !DATE.test(o.decidedOn)) return { problem: `${who}: the decision date is a date.` };
    options.push({
      id: o.id,
      fromDate: o.fromDate,
      toDate: o.toDate,
      state: o.state,
      noticeMonths: n,
      decidedOn: o.decidedOn || null,
      note: o.note,
    });
  }
  const breakPoints: NonNullable<TermBody["breakPoints"]> = [];
  for (const [i, b] of t.breakPoints.entries()) {
    const who = `Break point ${i + 1}`;
    if (!DATE.test(b.on))
      return { problem: `${who}: give the date the contract may end, such as 2027-03-31.` };
    const n = months(b.noticeMonths, `${who}: the notice`);
    if (typeof n === "string") return { problem: n };
    breakPoints.push({ id: b.id, on: b.on, noticeMonths: n, note: b.note });
  }
  const body = {
    initialEndDate: t.initialEndDate,
    endNoticeMonths: endNotice,
    options,
    breakPoints,
    notice: t.notice ?? null,
    source: t.source,
  };
  try {
    return { ok: { body, term: newTerm(contractId, startDate, body) } };
  } catch (e) {
    return { problem: said(e) };
  }
}

/** What the term gives, by the engines the server uses: its ends and the deadlines from today. */
export function termPreview(
  term: ContractTerm,
  c: { id: string; title: string; awardedOn: string | null; startDate: string | null },
  today: string,
): { currentEnd: string; maximumEnd: string; next: Deadline[] } {
  const all = contractDeadlines({
    ...c,
    endDate: null,
    term,
    terminatedOn: null,
    terminatedByExpiry: false,
  });
  return {
    currentEnd: currentEnd(term),
    maximumEnd: maximumEnd(term),
    next: all.filter((d) => d.date >= today).slice(0, 3),
  };
}

const optionalShare = (text: string, label: string): number | null | string => {
  const p = parsePercentInput(text);
  if ("empty" in p) return null;
  if ("problem" in p) return `${label}: ${p.problem}`;
  return p.bp;
};

/** The payment mechanism as typed, checked by its rules: the body, or every problem in words. */
export function checkPayment(
  p: PaymentTyped,
  startDate: string | null,
): { ok: Omit<PaymentMechanismBody, "reason"> } | { problems: string[] } | null {
  if (!p.pricingBasis) return null;
  const problems: string[] = [];
  const share = (text: string, label: string) => {
    const v = optionalShare(text, label);
    if (typeof v === "string") {
      problems.push(v);
      return null;
    }
    return v;
  };
  const days = p.paymentTermsDays.trim();
  if (!/^\d{1,4}$/.test(days)) problems.push("Payment terms are a whole number of days, such as 30.");
  const m: PaymentMechanism = {
    pricingBasis: p.pricingBasis,
    painShareBp: share(p.painShare, "Pain share"),
    gainShareBp: share(p.gainShare, "Gain share"),
    invoicing: p.invoicing,
    paymentTermsDays: /^\d{1,4}$/.test(days) ? Number(days) : 30,
    indexation: p.indexation,
    indexationRateBp: share(p.indexationRate, "Yearly uplift"),
    indexationReviewOn: p.indexationReviewOn || null,
    serviceCreditCapBp: share(p.serviceCreditCap, "Service credit cap"),
    note: p.note,
  };
  problems.push(...paymentMechanismProblems(m, startDate).map((x) => x.message));
  return problems.length ? { problems } : { ok: m };
}
