/**
 * Exit and return in-house on a contract's page (staff only): the exit plan (assets, data, staff
 * who would transfer back, the months it needs and its cost), the cost of leaving at each break
 * point and at the end of the term, and whether the plan can be carried out before the next one.
 * From GET /api/contracts/{id}/exit.
 */
import { getExit, type Exit } from "../../../src/contract/manage-value.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { formatDate, moneyFull } from "../format.ts";
import { useApi } from "../useApi.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { Facts } from "./Facts.tsx";
import { ErrorPanel } from "./Status.tsx";
import { type Column, Table } from "./Table.tsx";

type Point = Exit["points"][number];

const columns: Column<Point>[] = [
  { key: "date", header: "Leave on", sortValue: (p) => p.date, cell: (p) => <span className="nowrap">{formatDate(p.date)}</span> },
  { key: "label", header: "Point", cell: (p) => p.label },
  { key: "notice", header: "Notice by", cell: (p) => <span className="nowrap">{formatDate(p.noticeBy)}</span> },
  { key: "start", header: "Plan must start by", cell: (p) => <span className="nowrap">{formatDate(p.startBy)}</span> },
  { key: "fee", header: "Termination fee", numeric: true, cell: (p) => moneyFull(p.terminationFeePence) },
  { key: "cost", header: "Cost of leaving", numeric: true, sortValue: (p) => p.breakCostPence, cell: (p) => moneyFull(p.breakCostPence) },
  { key: "can", header: "Can the plan be ready?", cell: (p) => (p.passed ? "passed" : p.achievable ? "yes" : "no") },
  { key: "demo", header: "Figures", cell: (p) => (p.demo ? <DemoBadge /> : "recorded") },
];

function ExitPanel({ contractId }: { contractId: string }) {
  const { data: e, error } = useApi(() => call(getExit, { params: { id: contractId } }), `contract-exit:${contractId}`);
  if (error) return <ErrorPanel error={error} />;
  if (!e) return null;
  const p = e.plan;
  return (
    <section aria-labelledby="exit-heading" data-testid="contract-exit">
      <h2 id="exit-heading">Exit and return in-house</h2>
      <p data-testid="exit-readiness">
        <strong>{e.readiness.ready ? "Ready" : "Not ready"}.</strong> {e.readiness.summary}
      </p>
      {p ? (
        <Facts
          label="Exit plan"
          facts={[
            { label: "Assets", value: p.assets },
            { label: "Data", value: p.data },
            { label: "Staff", value: `${p.staff} (${p.staffCount})` },
            { label: "Months the plan needs", value: String(p.monthsNeeded) },
            {
              label: "One-off cost of the plan",
              value: (
                <>
                  {moneyFull(p.exitCostPence)} {p.demo ? <DemoBadge note={p.source} /> : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
      <Table caption="Cost of leaving at each break point" columns={columns} rows={e.points} rowKey={(x) => `${x.kind}:${x.date}`} />
    </section>
  );
}

export function ContractExit({ contractId }: { contractId: string }) {
  const { me } = useAuth();
  return isStaff(me) ? <ExitPanel contractId={contractId} /> : null;
}
