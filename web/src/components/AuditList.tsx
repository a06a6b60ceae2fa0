/** Audit entries as a table: when, who, what, on which record, and why; sortable and filterable. */
import type { AuditEntry } from "../api.ts";
import { formatTimestamp } from "../format.ts";
import { Link } from "../router.tsx";
import { type Column, Table } from "./Table.tsx";

/** Records that have a page of their own link to it. */
const PAGES: Record<string, string> = { service: "/services/", contract: "/contracts/" };

function RecordLink({ entry }: { entry: AuditEntry }) {
  const base = PAGES[entry.entity];
  if (!base) return <>{`${entry.entity} ${entry.entityId}`}</>;
  return (
    <>
      {entry.entity} <Link to={`${base}${encodeURIComponent(entry.entityId)}`}>{entry.entityId}</Link>
    </>
  );
}

const columns: Column<AuditEntry>[] = [
  { key: "seq", header: "#", cell: (e) => e.seq, numeric: true, sortValue: (e) => e.seq },
  {
    key: "at",
    header: "When",
    sortValue: (e) => e.at,
    cell: (e) => <time dateTime={e.at}>{formatTimestamp(e.at)}</time>,
  },
  { key: "actor", header: "Who", sortValue: (e) => e.actor, cell: (e) => e.actor },
  { key: "action", header: "Action", sortValue: (e) => e.action, cell: (e) => e.action },
  {
    key: "entity",
    header: "Record",
    sortValue: (e) => `${e.entity} ${e.entityId}`,
    cell: (e) => <RecordLink entry={e} />,
  },
  { key: "reason", header: "Reason", cell: (e) => e.reason },
  {
    key: "hash",
    header: "Hash",
    cell: (e) => (
      <code title={e.hash} className="hash">
        {e.hash.slice(0, 12)}…
      </code>
    ),
  },
];

export function AuditList({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.seq)}
      empty="No audit entries for this record."
      filterable
      rowName={{ one: "entry", other: "entries" }}
    />
  );
}
