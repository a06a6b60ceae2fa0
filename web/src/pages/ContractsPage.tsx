/** `/contracts`: the contract register, each contract linking to its own page. */
import { api, type Contract } from "../api.ts";
import { UnpublishedTag } from "../components/Badges.tsx";
import { DemoBadge, DemoMark } from "../components/DemoBadge.tsx";
import { Money } from "../components/Money.tsx";
import { SourceNote } from "../components/Source.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { type Column, Table } from "../components/Table.tsx";
import { demoNote, formatDate } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

function DateCell({ c, field }: { c: Contract; field: "startDate" | "endDate" }) {
  const v = c[field];
  return (
    <>
      <span className="nowrap">{formatDate(v)}</span>{" "}
      {v ? <DemoMark demoFields={c.demoFields} field={field} /> : null}
    </>
  );
}

const columns: Column<Contract>[] = [
  {
    key: "title",
    header: "Contract",
    sortValue: (c) => c.title,
    cell: (c) => (
      <>
        <Link to={`/contracts/${encodeURIComponent(c.id)}`}>{c.title}</Link>{" "}
        <DemoMark demoFields={c.demoFields} field="title" /> <UnpublishedTag published={c.published} />
      </>
    ),
  },
  {
    key: "supplier",
    header: "Supplier",
    sortValue: (c) => c.supplier,
    cell: (c) => (
      <>
        {c.supplier} <DemoMark demoFields={c.demoFields} field="supplier" />
      </>
    ),
  },
  {
    key: "buyer",
    header: "Buyer",
    sortValue: (c) => c.buyer,
    cell: (c) => (
      <>
        {c.buyer} <DemoMark demoFields={c.demoFields} field="buyer" />
      </>
    ),
  },
  {
    key: "value",
    header: "Value",
    numeric: true,
    sortValue: (c) => c.valuePence,
    cell: (c) => <Money pence={c.valuePence} demoFields={c.demoFields} field="valuePence" />,
  },
  {
    key: "savings",
    header: "Savings claimed",
    numeric: true,
    sortValue: (c) => c.savingsClaimedPence,
    cell: (c) => (
      <Money pence={c.savingsClaimedPence} demoFields={c.demoFields} field="savingsClaimedPence" />
    ),
  },
  {
    key: "start",
    header: "Start",
    sortValue: (c) => c.startDate,
    cell: (c) => <DateCell c={c} field="startDate" />,
  },
  { key: "end", header: "End", sortValue: (c) => c.endDate, cell: (c) => <DateCell c={c} field="endDate" /> },
  {
    key: "status",
    header: "Status",
    sortValue: (c) => c.status,
    cell: (c) => <span className="status">{c.status}</span>,
  },
];

export function ContractsPage() {
  usePageTitle("Contract register");
  const { data, error, loading } = useApi(api.contracts, "contracts");
  return (
    <>
      <h1>Contract register</h1>
      <p className="lead">
        Every contract the body has let: who supplies it, what it is worth and what it was meant to save.
      </p>
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Loading the register" /> : null}
      {data ? (
        <>
          <p className="summary" data-testid="register-summary">
            <strong>{data.length}</strong> contract{data.length === 1 ? "" : "s"} worth{" "}
            <strong>
              <Money pence={data.reduce((sum, c) => sum + (c.valuePence ?? 0), 0)} />
            </strong>{" "}
            in total, with{" "}
            <strong>
              <Money pence={data.reduce((sum, c) => sum + (c.savingsClaimedPence ?? 0), 0)} />
            </strong>{" "}
            of savings claimed
            {data.some(
              (c) => demoNote(c.demoFields, "valuePence") || demoNote(c.demoFields, "savingsClaimedPence"),
            ) ? (
              <>
                {" "}
                <DemoBadge note="includes values invented for the demo" />
              </>
            ) : null}
          </p>
          <Table
            caption={`${data.length} contract${data.length === 1 ? "" : "s"}`}
            columns={columns}
            rows={data}
            rowKey={(c) => c.id}
            empty="No contracts have been published yet."
            filterable
            rowName={{ one: "contract", other: "contracts" }}
          />
          <SourceNote sources={data.map((c) => c.source)} />
        </>
      ) : null}
    </>
  );
}
