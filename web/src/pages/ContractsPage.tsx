/**
 * `/contracts`: the contract register. Every contract with its supplier and the supplier's owners
 * (dated: a joint venture's shares change), value, savings claimed, term, the status derived from
 * its dates today, its next deadline and its latest rating; sortable, filterable, and downloadable
 * as the page shows it or whole from GET /api/contracts.csv. Each contract links to its page.
 */

import type { RegisterRow } from "../../../src/contract/manage-dates.ts";
import { exportContractsCsv, listRegister } from "../../../src/contract/manage-dates.ts";
import { createContract } from "../../../src/contract/records.ts";
import { RATING_WORDS, type Rating } from "../../../src/manage/rating.ts";
import { useAuth } from "../auth.tsx";
import { call, operationUrl } from "../client.ts";
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

type Row = RegisterRow;

const ratingWords = (r: string) => (r in RATING_WORDS ? RATING_WORDS[r as Rating].label : r);

function DateCell({ c, value, field }: { c: Row; value: string | null; field: string }) {
  return (
    <>
      <span className="nowrap">{formatDate(value)}</span>{" "}
      {value ? <DemoMark demoFields={c.demoFields} field={field} /> : null}
    </>
  );
}

const columns: Column<Row>[] = [
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
    header: "Supplier and owners",
    sortValue: (c) => c.supplier,
    cell: (c) => (
      <>
        {c.supplier || "—"} <DemoMark demoFields={c.demoFields} field="supplier" />
        {c.owners ? (
          <>
            <br />
            <span className="muted" title={c.ownersHistory}>
              owned by {c.owners}
            </span>
          </>
        ) : null}
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
    cell: (c) => <DateCell c={c} value={c.startDate} field="startDate" />,
  },
  {
    key: "end",
    header: "End",
    sortValue: (c) => c.currentEnd,
    cell: (c) => <DateCell c={c} value={c.currentEnd} field="endDate" />,
  },
  {
    key: "status",
    header: "Status",
    sortValue: (c) => c.status,
    cell: (c) => <span className="status">{c.status}</span>,
  },
  {
    key: "next",
    header: "Next deadline",
    sortValue: (c) => c.nextDeadline?.date ?? null,
    cell: (c) =>
      c.nextDeadline ? (
        <span title={c.nextDeadline.title}>
          <span className="nowrap">{formatDate(c.nextDeadline.date)}</span>:{" "}
          {c.nextDeadline.detail.split(":")[0]}
        </span>
      ) : (
        "—"
      ),
    exportValue: (c) => c.nextDeadline?.date ?? "",
  },
  {
    key: "rating",
    header: "Latest rating",
    sortValue: (c) => c.latestRating?.rating ?? null,
    cell: (c) =>
      c.latestRating ? (
        <>
          {ratingWords(c.latestRating.rating)}{" "}
          <span className="muted nowrap">({formatDate(c.latestRating.periodEnd)})</span>
        </>
      ) : (
        "—"
      ),
  },
];

export function ContractsPage() {
  usePageTitle("Contract register");
  const { me } = useAuth();
  const { data, error, loading } = useApi(() => call(listRegister), "register");
  return (
    <>
      <h1>Contract register</h1>
      {createContract.roles.includes(me.role) ? (
        <p>
          <Link to="/contracts/new" className="button">
            Add a contract
          </Link>
        </p>
      ) : null}
      <p className="lead">
        Every contract the body has let: who supplies it and who owns the supplier, what it is worth and was
        meant to save, when it ends, its status today and the next date that needs a decision.
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
          <p>
            <a href={operationUrl(exportContractsCsv)} download="contracts.csv" data-testid="register-csv">
              The whole register as CSV
            </a>{" "}
            <span className="muted">(every column, money in pounds to the penny)</span>
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
