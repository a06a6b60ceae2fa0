/**
 * Dates that act, the use cases: a contract's dates (term, deadlines, status, owners), recording
 * a term or a supplier's owners, the iCalendar feed, what needs a role's attention, and the
 * register with its CSV export. Status and days left are from today's date in Europe/London
 * (todayInLondon), passed to the engines in src/manage; the store only reads and writes rows.
 */
import type {
  Attention,
  ContractDates,
  Deadline as DeadlineOut,
  OwnersBody,
  RegisterRow,
  TermBody,
} from "../contract/manage-dates.ts";
import { type AttentionItem, kindsForRole, rankAttention, severityForDaysLeft } from "../manage/attention.ts";
import {
  contractDeadlines,
  type DatedContract,
  type Deadline,
  daysLeft,
  nextDeadline,
} from "../manage/deadlines.ts";
import { calendarFeed, contractPath, deadlineUid } from "../manage/ical.ts";
import {
  checkOwnership,
  type OwnershipShare,
  ownersEntered,
  ownersText,
  percent,
} from "../manage/ownership.ts";
import { RATINGS } from "../manage/rating.ts";
import { CONTRACT_STATUSES, type ContractStatus, contractStatus } from "../manage/status.ts";
import { type ContractTerm, currentEnd, maximumEnd, newTerm } from "../manage/term.ts";
import { csvDocument, num, text } from "../shared/csv.ts";
import { daysBetween, todayInLondon } from "../shared/dates.ts";
import { penceToDecimal } from "../shared/money.ts";
import type { Actor } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { contractRow, heldReleaseIds } from "../store/manage.ts";
import {
  contractRows,
  latestRatings,
  openExceptionCounts,
  readOwnership,
  readTerms,
  replaceOwnership,
  replaceTerm,
  terminationDates,
} from "../store/manage-dates.ts";
import type { ContractRow } from "../store/schema.ts";
import { listContractEvents } from "./manage.ts";
import { performanceAttention } from "./manage-performance.ts";

/** Deadlines this many days ahead are listed as needing attention. */
export const ATTENTION_HORIZON_DAYS = 90;

interface Dated {
  row: ContractRow;
  dated: DatedContract;
}

function dated(
  row: ContractRow,
  terms: Awaited<ReturnType<typeof readTerms>>,
  ends: Awaited<ReturnType<typeof terminationDates>>,
): Dated {
  const end = ends.get(row.id);
  return {
    row,
    dated: {
      id: row.id,
      title: row.title,
      awardedOn: row.awarded_on,
      startDate: row.start_date,
      endDate: row.end_date,
      term: terms.get(row.id) ?? null,
      terminatedOn: end?.terminatedOn ?? null,
      terminatedByExpiry: end?.reason === "expiry",
    },
  };
}

/** Every visible contract with what its dates are computed from. */
async function datedContracts(store: Store, publishedOnly: boolean): Promise<Dated[]> {
  const [rows, terms, ends] = await Promise.all([
    contractRows(store, publishedOnly),
    readTerms(store),
    terminationDates(store, publishedOnly),
  ]);
  return rows.map((r) => dated(r, terms, ends));
}

/**
 * The status shown: the derived one; for a contract not yet awarded, the procurement stage the
 * register records ("tender open"), as no date can say it, unless that is a word of the derived
 * lifecycle, which would claim a status the dates do not give.
 */
export function shownStatus(row: Pick<ContractRow, "status">, derived: ContractStatus): string {
  if (derived !== "not awarded") return derived;
  const stored = row.status.trim();
  const lifecycle = (CONTRACT_STATUSES as readonly string[]).some((s) => stored.toLowerCase().startsWith(s));
  return stored && !lifecycle ? stored : derived;
}

/** The contracts given, each with the derived status in place of the stored one. */
export async function withDerivedStatus<T extends { id: string; status: string }>(
  store: Store,
  contracts: readonly T[],
  publishedOnly: boolean,
  today: string = todayInLondon(),
): Promise<T[]> {
  const byId = new Map((await datedContracts(store, publishedOnly)).map((d) => [d.row.id, d]));
  return contracts.map((c) => {
    const d = byId.get(c.id);
    return d ? { ...c, status: shownStatus(d.row, contractStatus(d.dated, today)) } : c;
  });
}

const deadlineOut = (d: Deadline, today: string): DeadlineOut => ({
  kind: d.kind,
  refId: d.refId,
  date: d.date,
  daysLeft: daysLeft(d, today),
  title: d.title,
  detail: d.detail,
  uid: deadlineUid(d),
});

function endsOf(d: DatedContract): { currentEnd: string | null; maximumEnd: string | null } {
  if (d.terminatedOn) return { currentEnd: d.terminatedOn, maximumEnd: d.terminatedOn };
  if (d.term) return { currentEnd: currentEnd(d.term), maximumEnd: maximumEnd(d.term) };
  return { currentEnd: d.endDate, maximumEnd: d.endDate };
}

const ownerOut = (s: OwnershipShare) => ({
  owner: s.owner,
  shareBp: s.shareBp,
  fromDate: s.fromDate,
  toDate: s.toDate,
  source: s.source,
  demo: s.demo,
});

/** A contract's dates: its term, deadlines with days left, derived status and dated owners. */
export async function contractDates(
  store: Store,
  id: string,
  publishedOnly: boolean,
  today: string = todayInLondon(),
): Promise<ContractDates> {
  const row = await contractRow(store, id, publishedOnly);
  const [terms, ends, shares] = await Promise.all([
    readTerms(store, [id]),
    terminationDates(store, publishedOnly),
    readOwnership(store),
  ]);
  const d = dated(row, terms, ends).dated;
  const derived = contractStatus(d, today);
  const { options, breakPoints, notice, initialEndDate, endNoticeMonths, source, demo } = d.term ?? {};
  return {
    contractId: id,
    today,
    status: shownStatus(row, derived),
    derivedStatus: derived,
    startDate: row.start_date,
    ...endsOf(d),
    term:
      d.term && initialEndDate !== undefined && endNoticeMonths !== undefined
        ? {
            initialEndDate,
            endNoticeMonths,
            options: options ?? [],
            breakPoints: breakPoints ?? [],
            notice: notice ?? null,
            source: source ?? "",
            demo: demo ?? false,
          }
        : null,
    deadlines: contractDeadlines(d).map((x) => deadlineOut(x, today)),
    owners: shares.filter((s) => s.supplier === row.supplier).map(ownerOut),
  };
}

/** A contract's term as the body gives it, checked against the contract's start (src/manage/term.ts). */
export function checkContractTerm(
  id: string,
  startDate: string | null,
  body: Omit<TermBody, "reason">,
  demo = false,
): ContractTerm {
  return newTerm(id, startDate, { ...body, demo });
}

/** Records (replaces) a contract's term; answers its dates as they now follow. */
export async function setContractTerm(
  store: Store,
  id: string,
  body: Omit<TermBody, "reason">,
  actor: Actor,
  opts: { demo?: boolean; today?: string } = {},
): Promise<ContractDates> {
  const row = await contractRow(store, id, false);
  const term = checkContractTerm(id, row.start_date, body, opts.demo);
  await replaceTerm(store, term, new Date().toISOString(), actor);
  return contractDates(store, id, false, opts.today);
}

/** Records (replaces) a supplier's owners with their dated shares. */
export async function setSupplierOwners(
  store: Store,
  supplier: string,
  shares: readonly Omit<OwnershipShare, "supplier">[],
  actor: Actor,
): Promise<OwnershipShare[]> {
  const checked = checkOwnership(supplier, shares);
  await replaceOwnership(store, supplier, checked, new Date().toISOString(), actor);
  return checked;
}

/**
 * Records (replaces) the owners of a contract's supplier, as the form enters them for the
 * contract; answers the contract's dates. Owners belong to the supplier, so every contract with
 * the same supplier shows them.
 */
export async function setContractOwners(
  store: Store,
  id: string,
  owners: OwnersBody["owners"],
  actor: Actor,
  opts: { today?: string } = {},
): Promise<ContractDates> {
  const row = await contractRow(store, id, false);
  await setSupplierOwners(store, row.supplier, ownersEntered(owners), actor);
  return contractDates(store, id, false, opts.today);
}

/** Every visible contract's deadlines as an iCalendar feed, earliest first. */
export async function calendarFor(
  store: Store,
  publishedOnly: boolean,
  opts: { baseUrl: string; generatedAt: Date },
): Promise<string> {
  const all = (await datedContracts(store, publishedOnly)).flatMap((d) => contractDeadlines(d.dated));
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
  return calendarFeed(all, {
    name: publishedOnly ? "nous: published contract deadlines" : "nous: contract deadlines",
    ...opts,
  });
}

/** Kinds of deadline that stay actionable once their date has passed while the contract runs. */
const STILL_ACTIONABLE = new Set<Deadline["kind"]>(["option-decision", "end-decision"]);
const RUNNING = new Set<ContractStatus>(["awarded", "active", "extended"]);
/** Billing exceptions still waiting for someone: not recovered, not accepted. */
const OPEN_BILLING = ["open", "disputed"] as const;

/** The items of the dates: deadlines in the horizon, overdue decisions, contracts past their end. */
function dateItems(list: readonly Dated[], today: string): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const { row, dated: d } of list) {
    const status = contractStatus(d, today);
    const link = contractPath(row.id);
    if ((status === "expired" || status === "terminated") && !d.terminatedOn) {
      const end = endsOf(d).currentEnd ?? today;
      items.push({
        kind: "past-end",
        id: `past-end:${row.id}`,
        contractId: row.id,
        recordId: row.id,
        title: `${row.title}: ended on ${end} but no termination is recorded (the register still says "${row.status}"): record how it ended (UK11) or the extension`,
        dueDate: end,
        daysLeft: daysBetween(today, end),
        severity: "high",
        link,
      });
      continue;
    }
    if (!RUNNING.has(status)) continue;
    for (const x of contractDeadlines(d)) {
      const left = daysLeft(x, today);
      const upcoming = left >= 0 && left <= ATTENTION_HORIZON_DAYS;
      const overdue = left < 0 && STILL_ACTIONABLE.has(x.kind);
      if (!upcoming && !overdue) continue;
      items.push({
        kind: "deadline",
        id: `deadline:${x.key}`,
        contractId: row.id,
        recordId: x.key,
        title: overdue ? `${x.title}: overdue since ${x.date}` : x.title,
        dueDate: x.date,
        daysLeft: left,
        severity: severityForDaysLeft(left),
        link,
      });
    }
  }
  return items;
}

/** Changes that need a contract change notice (UK10) not yet among the releases nous publishes. */
async function changeItems(store: Store, list: readonly Dated[], today: string): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  for (const { row } of list) {
    // The variations' own use case assesses each change (src/app/manage.ts), so both agree.
    const events = await listContractEvents(store, row.id, false);
    for (const ch of events.changes) {
      if (!ch.noticeRequired) continue;
      const releaseId = row.ocid ? `${row.ocid}-UK10-${ch.id}` : null;
      if (row.ocid && releaseId && (await heldReleaseIds(store, row.ocid, [releaseId])).size) continue;
      const left = daysBetween(today, ch.changedOn);
      items.push({
        kind: "change-notice",
        id: `change-notice:${row.id}:${ch.id}`,
        contractId: row.id,
        recordId: ch.id,
        title: `${row.title}: change ${ch.id} needs a contract change notice (UK10), not published: ${ch.noticeReasons.join("; ")}`,
        dueDate: ch.changedOn,
        daysLeft: left,
        severity: severityForDaysLeft(left),
        link: contractPath(row.id),
      });
    }
  }
  return items;
}

async function billingItems(store: Store, list: readonly Dated[]): Promise<AttentionItem[]> {
  const titles = new Map(list.map((d) => [d.row.id, d.row.title]));
  return (await openExceptionCounts(store, OPEN_BILLING)).map((e) => ({
    kind: "billing-exception" as const,
    id: `billing-exception:${e.contractId}`,
    contractId: e.contractId,
    recordId: e.firstId,
    title: `${titles.get(e.contractId) ?? e.contractId}: ${e.count} billing exception${e.count === 1 ? "" : "s"} open or disputed`,
    dueDate: null,
    daysLeft: null,
    severity: "medium" as const,
    link: `/billing?contract=${encodeURIComponent(e.contractId)}`,
  }));
}

/** Another area's items: KPIs failing or overdue and obligations overdue come from performance. */
export type AttentionSource = (store: Store, today: string) => Promise<AttentionItem[]>;

const OTHER_SOURCES: readonly AttentionSource[] = [performanceAttention];

/** What needs the role's attention today, most urgent first. */
export async function attentionFor(
  store: Store,
  role: string,
  opts: { today?: string; sources?: readonly AttentionSource[] } = {},
): Promise<Attention> {
  const today = opts.today ?? todayInLondon();
  const list = await datedContracts(store, false);
  const items = [
    ...dateItems(list, today),
    ...(await changeItems(store, list, today)),
    ...(await billingItems(store, list)),
  ];
  for (const source of opts.sources ?? OTHER_SOURCES) items.push(...(await source(store, today)));
  const kinds = new Set(kindsForRole(role));
  return {
    today,
    role,
    horizonDays: ATTENTION_HORIZON_DAYS,
    items: rankAttention(items.filter((i) => kinds.has(i.kind))),
  };
}

/** The worst of a period's ratings on the UK9 scale (good first); "other" only when nothing else is rated. */
function worstRating(ratings: readonly string[]): string {
  const scale = (RATINGS as readonly string[]).filter((r) => r !== "other");
  const rated = ratings.filter((r) => scale.includes(r));
  if (rated.length === 0) return ratings[0] ?? "";
  return rated.reduce((worst, r) => (scale.indexOf(r) > scale.indexOf(worst) ? r : worst));
}

/** The register: every visible contract with its owners, term, derived status, next deadline and rating. */
export async function register(
  store: Store,
  publishedOnly: boolean,
  today: string = todayInLondon(),
): Promise<RegisterRow[]> {
  const [list, shares, ratings] = await Promise.all([
    datedContracts(store, publishedOnly),
    readOwnership(store),
    latestRatings(store, publishedOnly),
  ]);
  return list.map(({ row, dated: d }) => {
    const next = nextDeadline(contractDeadlines(d), today);
    const rated = ratings.get(row.id);
    const history = shares
      .filter((s) => s.supplier === row.supplier)
      .map((s) => `${s.owner} ${percent(s.shareBp)} (${s.fromDate ?? "…"} to ${s.toDate ?? "now"})`)
      .join("; ");
    return {
      id: row.id,
      title: row.title,
      buyer: row.buyer,
      supplier: row.supplier,
      owners: ownersText(shares, row.supplier, today),
      ownersHistory: history,
      valuePence: row.value_pence === null ? null : Number(row.value_pence),
      savingsClaimedPence: row.savings_claimed_pence === null ? null : Number(row.savings_claimed_pence),
      startDate: row.start_date,
      ...endsOf(d),
      status: shownStatus(row, contractStatus(d, today)),
      nextDeadline: next ? deadlineOut(next, today) : null,
      latestRating: rated
        ? { periodEnd: rated.periodEnd, rating: worstRating(rated.ratings), kpis: rated.ratings.length }
        : null,
      published: row.published === 1,
      demoFields: JSON.parse(row.demo_fields_json) as string[],
      source: row.source,
    };
  });
}

export const REGISTER_COLUMNS = [
  "id",
  "title",
  "buyer",
  "supplier",
  "owners",
  "owners_history",
  "value_gbp",
  "start_date",
  "current_end",
  "maximum_end",
  "status",
  "next_deadline",
  "next_deadline_what",
  "latest_rating",
  "latest_rating_period",
  "published",
  "demo_fields",
  "source",
] as const;

/**
 * The register as CSV, money in pounds to the penny, with a BOM for Excel. Every text cell
 * (titles, names a user or supplier wrote) goes through text(), so one that starts with
 * = + - @ is written with a leading ' and opens as text (src/shared/csv.ts).
 */
export async function registerCsv(store: Store, publishedOnly: boolean, today?: string): Promise<string> {
  const rows = await register(store, publishedOnly, today);
  return csvDocument(
    REGISTER_COLUMNS,
    rows.map((r) => [
      text(r.id),
      text(r.title),
      text(r.buyer),
      text(r.supplier),
      text(r.owners),
      text(r.ownersHistory),
      r.valuePence === null ? text("") : num(penceToDecimal(r.valuePence)),
      text(r.startDate ?? ""),
      text(r.currentEnd ?? ""),
      text(r.maximumEnd ?? ""),
      text(r.status),
      text(r.nextDeadline?.date ?? ""),
      text(r.nextDeadline?.title ?? ""),
      text(r.latestRating?.rating ?? ""),
      text(r.latestRating?.periodEnd ?? ""),
      text(r.published ? "yes" : "no"),
      text(r.demoFields.join("; ")),
      text(r.source),
    ]),
    { bom: true },
  );
}
