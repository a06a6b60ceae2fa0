/**
 * `/attention`: what needs the signed-in person's attention today, most urgent first: deadlines
 * in the next 90 days and decisions overdue, contracts past their end still recorded as running,
 * changes needing a UK10 notice, open billing exceptions, failing KPIs and overdue obligations.
 * Each item links to its record. A contract manager lands here after signing in.
 */
import { getAttention } from "../../../src/contract/manage-dates.ts";
import type { Attention } from "../../../src/contract/manage-dates.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { type Column, Table } from "../components/Table.tsx";
import { formatDate } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

type Item = Attention["items"][number];

const KIND_WORDS: Record<Item["kind"], string> = {
  deadline: "Deadline",
  "past-end": "Past its end",
  "change-notice": "Change notice (UK10)",
  "billing-exception": "Billing exceptions",
  "kpi-failing": "KPI failing",
  "kpi-overdue": "KPI result overdue",
  "obligation-overdue": "Obligation overdue",
};

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

function daysText(n: number | null): string {
  if (n === null) return "—";
  if (n === 0) return "today";
  if (n < 0) return `${-n} day${n === -1 ? "" : "s"} overdue`;
  return `${n} day${n === 1 ? "" : "s"}`;
}

const columns: Column<Item>[] = [
  {
    key: "severity",
    header: "Urgency",
    sortValue: (i) => SEVERITY_ORDER[i.severity],
    cell: (i) => (
      <span className={i.severity === "high" ? "tag tag--warning" : "tag tag--noncore"}>{i.severity}</span>
    ),
  },
  {
    key: "title",
    header: "What needs doing",
    sortValue: (i) => i.title,
    cell: (i) => <Link to={i.link}>{i.title}</Link>,
  },
  { key: "kind", header: "Kind", sortValue: (i) => KIND_WORDS[i.kind], cell: (i) => KIND_WORDS[i.kind] },
  {
    key: "due",
    header: "Due",
    sortValue: (i) => i.dueDate,
    cell: (i) => <span className="nowrap">{formatDate(i.dueDate)}</span>,
  },
  {
    key: "left",
    header: "Days left",
    numeric: true,
    sortValue: (i) => i.daysLeft,
    cell: (i) => daysText(i.daysLeft),
    exportValue: (i) => i.daysLeft ?? "",
  },
];

export function AttentionPage() {
  usePageTitle("Needs attention");
  const { me } = useAuth();
  const staff = isStaff(me);
  const { data, error, loading } = useApi(staff ? () => call(getAttention) : null, "attention");
  if (!staff)
    return (
      <>
        <h1>Needs attention</h1>
        <p className="lead">
          <Link to="/login?next=/attention">Sign in</Link> to see what needs your attention.
        </p>
      </>
    );
  const high = data?.items.filter((i) => i.severity === "high").length ?? 0;
  return (
    <>
      <h1>Needs attention</h1>
      <p className="lead">
        What needs doing, most urgent first: deadlines in the next {data?.horizonDays ?? 90} days, decisions
        overdue, contracts past their end, changes needing a notice, open billing exceptions, failing KPIs and
        overdue obligations.
      </p>
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Loading what needs attention" /> : null}
      {data ? (
        <>
          <p className="summary" data-testid="attention-summary">
            <strong>{data.items.length}</strong> item{data.items.length === 1 ? "" : "s"},{" "}
            <strong>{high}</strong> urgent, on {formatDate(data.today)}.
          </p>
          <Table
            caption={`${data.items.length} item${data.items.length === 1 ? "" : "s"} needing attention`}
            columns={columns}
            rows={data.items}
            rowKey={(i) => i.id}
            empty="Nothing needs your attention today."
            filterable
            rowName={{ one: "item", other: "items" }}
          />
          <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">Deadlines in your calendar</h2>
            <p>
              Subscribe to <a href="/api/calendar.ics">the deadlines feed</a> in Outlook or Google Calendar
              (add a calendar from a URL). Without sign-in it holds published contracts only; for every
              contract, create an API token on <Link to="/account">your account page</Link> and add{" "}
              <code>?token=</code> followed by the token to the feed's address. Keep that address private: it
              reads as you.
            </p>
          </section>
        </>
      ) : null}
    </>
  );
}
