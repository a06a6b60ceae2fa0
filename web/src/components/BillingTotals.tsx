/**
 * A contract's billing assurance at a glance (staff only): money recovered against money at
 * risk, and what is still open, disputed or accepted, by rule, from the latest reconciliation.
 */
import { billingApi, type ContractBillingTotals } from "../api-billing.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { formatCount, formatDate } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { BillingStyles, Pence, STATE_COLOURS } from "./BillingStyles.tsx";
import { DemoBadge } from "./DemoBadge.tsx";
import { Facts } from "./Facts.tsx";

import { ErrorPanel, Loading } from "./Status.tsx";
import { Table } from "./Table.tsx";

function ShareBar({ t }: { t: ContractBillingTotals }) {
  if (t.atRiskPence <= 0) return null;
  const parts: [string, number][] = [
    ["recovered", t.recoveredAtRiskPence],
    ["disputed", t.disputedPence],
    ["open", t.openPence],
    ["accepted", t.acceptedPence],
  ];
  return (
    <>
      <div className="billing-bar" aria-hidden="true">
        {parts.map(([k, v]) =>
          v > 0 ? (
            <span key={k} style={{ width: `${(100 * v) / t.atRiskPence}%`, background: STATE_COLOURS[k] }} />
          ) : null,
        )}
      </div>
      <ul className="billing-legend" aria-hidden="true">
        {parts.map(([k]) => (
          <li key={k}>
            <i style={{ background: STATE_COLOURS[k] }} />
            {k}
          </li>
        ))}
      </ul>
    </>
  );
}

function TotalsBody({ contractId, queueLink }: { contractId: string; queueLink: boolean }) {
  const {
    data: t,
    error,
    loading,
  } = useApi(() => billingApi.totals(contractId), `billing-totals:${contractId}`);
  if (error) return <ErrorPanel error={error} />;
  if (loading && !t) return <Loading what="Loading the billing totals" />;
  if (!t) return null;
  if (!t.run)
    return (
      <p className="muted">
        No invoices reconciled for this contract yet.{" "}
        <Link to={`/billing?contract=${encodeURIComponent(contractId)}`}>Upload them</Link>.
      </p>
    );
  const run = t.run;
  return (
    <>
      <p>
        Latest reconciliation: {formatCount(run.lines)} invoice lines, <Pence pence={run.billedPence} />{" "}
        billed, uploaded {formatDate(run.uploadedAt.slice(0, 10))} by {run.uploadedBy}
        {run.demo ? (
          <>
            {" "}
            <DemoBadge note="the invoices and registers were generated for the demo" />
          </>
        ) : null}
        .
      </p>
      <Facts
        label="Billing totals"
        facts={[
          { label: "At risk", value: <Pence pence={t.atRiskPence} /> },
          { label: "Recovered (credit notes)", value: <Pence pence={t.recoveredPence} /> },
          { label: "Disputed", value: <Pence pence={t.disputedPence} /> },
          { label: "Open", value: <Pence pence={t.openPence} /> },
          { label: "Accepted", value: <Pence pence={t.acceptedPence} /> },
        ]}
      />
      <ShareBar t={t} />
      <Table
        caption="Billing exceptions by rule"
        rowKey={(r) => r.rule}
        rows={t.byRule}
        columns={[
          {
            key: "rule",
            header: "Rule",
            cell: (r) => (
              <Link to={`/billing?contract=${encodeURIComponent(contractId)}&rule=${r.rule}`}>
                {r.rule} {r.title}
              </Link>
            ),
          },
          { key: "n", header: "Exceptions", numeric: true, cell: (r) => formatCount(r.count) },
          {
            key: "risk",
            header: "At risk",
            numeric: true,
            cell: (r) => <Pence pence={r.atRiskPence} />,
          },
          {
            key: "rec",
            header: "Recovered",
            numeric: true,
            cell: (r) => <Pence pence={r.recoveredPence} />,
          },
          {
            key: "dis",
            header: "Disputed",
            numeric: true,
            cell: (r) => <Pence pence={r.disputedPence} />,
          },
          { key: "open", header: "Open", numeric: true, cell: (r) => <Pence pence={r.openPence} /> },
          {
            key: "acc",
            header: "Accepted",
            numeric: true,
            cell: (r) => <Pence pence={r.acceptedPence} />,
          },
        ]}
      />
      {queueLink ? (
        <p>
          <Link to={`/billing?contract=${encodeURIComponent(contractId)}`}>Open the exception queue</Link>
        </p>
      ) : null}
    </>
  );
}

/** The contract page's billing section; renders nothing for the public. */
export function BillingTotals({
  contractId,
  heading = "Billing assurance",
  queueLink = true,
}: {
  contractId: string;
  heading?: string;
  queueLink?: boolean;
}) {
  const { me, ready } = useAuth();
  if (!ready || !isStaff(me)) return null;
  return (
    <section aria-labelledby="billing-heading">
      <BillingStyles />
      <h2 id="billing-heading">{heading}</h2>
      <TotalsBody contractId={contractId} queueLink={queueLink} />
    </section>
  );
}
