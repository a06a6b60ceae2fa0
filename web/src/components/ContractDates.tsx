/**
 * A contract's dates on its page: the status derived from them today, the end it runs to and
 * could run to, a timeline of its deadlines (the last day to decide on an option, to give notice
 * to break, to decide what follows, and the end), its options and break points, and who owned
 * the supplier when. Dates come from GET /api/contracts/{id}/dates.
 */
import { getContractDates } from "../../../src/contract/manage-dates.ts";
import type { ContractDates as Dates } from "../../../src/contract/manage-dates.ts";
import { percent } from "../../../src/manage/ownership.ts";
import { call } from "../client.ts";
import { formatDate } from "../format.ts";
import { useApi } from "../useApi.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { Facts } from "./Facts.tsx";
import { ErrorPanel } from "./Status.tsx";
import { type Column, Table } from "./Table.tsx";

type Deadline = Dates["deadlines"][number];

const KIND_WORDS: Record<Deadline["kind"], string> = {
  "option-decision": "Decide on an extension option",
  "break-notice": "Last day to give notice to break",
  "end-decision": "Decide what follows",
  "end-of-term": "End of term",
};

function left(n: number): string {
  if (n === 0) return "today";
  return n < 0 ? `${-n} days ago` : `in ${n} days`;
}

const columns: Column<Deadline>[] = [
  {
    key: "date",
    header: "Date",
    sortValue: (d) => d.date,
    cell: (d) => <span className="nowrap">{formatDate(d.date)}</span>,
  },
  { key: "kind", header: "Deadline", sortValue: (d) => KIND_WORDS[d.kind], cell: (d) => KIND_WORDS[d.kind] },
  { key: "detail", header: "How it follows from the term", cell: (d) => d.detail },
  { key: "left", header: "When", numeric: true, sortValue: (d) => d.daysLeft, cell: (d) => left(d.daysLeft) },
];

export function ContractDates({ contractId }: { contractId: string }) {
  const { data, error } = useApi(
    () => call(getContractDates, { params: { id: contractId } }),
    `contract-dates:${contractId}`,
  );
  if (error) return <ErrorPanel error={error} />;
  if (!data) return null;
  const t = data.term;
  return (
    <section aria-labelledby="dates-heading" data-testid="contract-dates">
      <h2 id="dates-heading">Dates and deadlines</h2>
      <Facts
        label="Status and term"
        facts={[
          { label: `Status on ${formatDate(data.today)}`, value: <strong>{data.status}</strong> },
          { label: "Runs to", value: formatDate(data.currentEnd) },
          { label: "Could run to (every option not declined)", value: formatDate(data.maximumEnd) },
          ...(t ? [{ label: "Initial term ends", value: formatDate(t.initialEndDate) }] : []),
          ...(t?.notice
            ? [
                {
                  label: "Notice given",
                  value: `${t.notice.kind}, on ${formatDate(t.notice.givenOn)}, ends ${formatDate(t.notice.endsOn)}`,
                },
              ]
            : []),
        ]}
      />
      {t?.demo ? (
        <p>
          <DemoBadge note="term includes dates invented for the demo" /> {t.source}
        </p>
      ) : t?.source ? (
        <p className="muted">Source: {t.source}</p>
      ) : null}
      <Table
        caption="Timeline of deadlines"
        columns={columns}
        rows={data.deadlines}
        rowKey={(d) => d.uid}
        empty="No term is recorded, so no deadlines follow."
      />
      {t && t.options.length > 0 ? (
        <>
          <h3>Extension options</h3>
          <ul>
            {t.options.map((o) => (
              <li key={o.id}>
                {formatDate(o.fromDate)} to {formatDate(o.toDate)}: <strong>{o.state}</strong>
                {o.decidedOn ? ` on ${formatDate(o.decidedOn)}` : ""}, {o.noticeMonths} months' notice.{" "}
                {o.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {t && t.breakPoints.length > 0 ? (
        <>
          <h3>Break points</h3>
          <ul>
            {t.breakPoints.map((b) => (
              <li key={b.id}>
                {formatDate(b.on)}, {b.noticeMonths} months' notice. {b.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.owners.length > 0 ? (
        <>
          <h3>Who owns the supplier</h3>
          <ul data-testid="owners">
            {data.owners.map((o) => (
              <li key={`${o.owner}-${o.fromDate ?? ""}`}>
                {o.owner} {percent(o.shareBp)},{" "}
                {o.fromDate ? `from ${formatDate(o.fromDate)}` : "from the start of the record"}
                {o.toDate ? ` to ${formatDate(o.toDate)}` : " to now"}. {o.demo ? <DemoBadge /> : null}{" "}
                <span className="muted">{o.source}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
