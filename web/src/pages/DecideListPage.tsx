/**
 * `/appraisals`: every stored appraisal case, linked to its deal's Decide page (or, for a case
 * about a service with no contract yet, to the case itself); the roles that may write add or
 * replace decision documents here.
 */
import { decideApi } from "../api-decide.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { UnpublishedTag } from "../components/Badges.tsx";
import { DecideDocumentForm } from "../components/DecideDocumentForm.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { Link } from "../router.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

export function DecideListPage() {
  usePageTitle("Appraisals");
  const invalidate = useInvalidate();
  const { me } = useAuth();
  const { data, error, loading } = useApi(() => decideApi.appraisals(), "appraisals");
  if (error) return <ErrorPanel error={error} />;
  if (loading && !data) return <Loading what="Loading the appraisals" />;
  return (
    <>
      <h1>Appraisals</h1>
      <p className="lead">
        Each deal's options (Green Book appraisal), the risk of missing its savings, how many administrations
        it binds, its workforce impact, its gate history and the delivery model assessment behind it.
      </p>
      <Table
        caption="Appraisal cases"
        rowKey={(a) => a.id}
        rows={data ?? []}
        empty="No appraisal cases are stored yet."
        columns={[
          {
            key: "t",
            header: "Case",
            cell: (a) =>
              a.contractId ? (
                <Link to={`/appraisals/${encodeURIComponent(a.contractId)}`}>{a.title}</Link>
              ) : (
                <Link to={`/appraisals/${encodeURIComponent(a.id)}?view=case`}>{a.title}</Link>
              ),
          },
          { key: "c", header: "Contract", cell: (a) => a.contractId ?? "—" },
          { key: "s", header: "Service", cell: (a) => a.serviceId ?? "—" },
          { key: "p", header: "Status", cell: (a) => <UnpublishedTag published={a.published} /> },
        ]}
      />
      {isStaff(me) && ["admin", "commercial", "finance"].includes(me.role) ? (
        <nav aria-labelledby="decide-forms-h" className="panel">
          <h2 id="decide-forms-h">Make one in a form</h2>
          <ul>
            <li>
              <Link to="/cases/new">New appraisal case</Link> (options, cash flows by year, optimism bias,
              savings target)
            </li>
            {me.role !== "finance" ? (
              <>
                <li>
                  <Link to="/dma/new">New delivery model assessment</Link> (options, weighted criteria,
                  scores)
                </li>
                <li>
                  <Link to="/capability/new">New capability self-assessment</Link> (the NAO's eight
                  contract-management areas)
                </li>
                <li>
                  <Link to="/horizon/new">New payment profile</Link> (annual amounts or dated payments, break
                  points: the administrations a contract binds)
                </li>
                <li>
                  <Link to="/workforce/new">New workforce plan</Link> (posts transferred, retained, redundant,
                  relocated)
                </li>
              </>
            ) : null}
          </ul>
          <p className="muted">Or add one in the engine's file form (JSON) below.</p>
        </nav>
      ) : null}
      <DecideDocumentForm onSaved={() => void invalidate("appraisals")} />
    </>
  );
}
