/**
 * Savings realised against claimed on a contract's page: the contract value beside the committed
 * total after variations, the claim by year against what was realised (the in-house baseline
 * indexed, less payments and retained costs), drawn as an SVG bar chart with the same figures in
 * a table beside it for anyone who cannot see the chart. From GET /api/contracts/{id}/savings.
 */
import { getSavings, type Savings } from "../../../src/contract/manage-value.ts";
import { call } from "../client.ts";
import { formatDate, moneyFull, moneyShort } from "../format.ts";
import { useApi } from "../useApi.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { Facts } from "./Facts.tsx";
import { ErrorPanel } from "./Status.tsx";
import { type Column, Table } from "./Table.tsx";

type Row = Savings["rows"][number];

const CLAIMED = "#1d4f91";
const REALISED = "#b35900";

function SavingsChart({ s }: { s: Savings }) {
  const rows = s.rows;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.claimedPence, r.realisedPence ?? 0)));
  const min = Math.min(0, ...rows.map((r) => r.realisedPence ?? 0));
  const W = 640;
  const H = 260;
  const top = 16;
  const bottom = 40;
  const left = 56;
  const plotH = H - top - bottom;
  const y = (p: number) => top + ((max - p) / (max - min)) * plotH;
  const slot = (W - left - 8) / Math.max(1, rows.length);
  const bar = Math.max(2, slot / 2 - 3);
  return (
    <figure className="savings-chart" data-testid="savings-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="savings-chart-title savings-chart-desc"
        style={{ width: "100%", maxWidth: `${W}px`, height: "auto" }}
      >
        <title id="savings-chart-title">Savings claimed and realised by year</title>
        <desc id="savings-chart-desc">
          {`Bars for each year: claimed (blue) and realised (orange). Claimed to date ${moneyShort(s.claimedToDatePence)}, realised to date ${moneyShort(s.realisedToDatePence)}, gap ${moneyShort(s.gapToDatePence)}. The table below gives every figure.`}
        </desc>
        <line x1={left} x2={W - 8} y1={y(0)} y2={y(0)} stroke="#444" />
        <text x={left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#222">
          {moneyShort(max)}
        </text>
        <text x={left - 6} y={y(0) + 4} textAnchor="end" fontSize="11" fill="#222">
          £0
        </text>
        {rows.map((r, i) => {
          const x = left + i * slot + 2;
          const realised = r.realisedPence;
          return (
            <g key={r.start} data-year={r.label}>
              <rect x={x} width={bar} y={y(r.claimedPence)} height={Math.max(0, y(0) - y(r.claimedPence))} fill={CLAIMED}>
                <title>{`${r.label}: claimed ${moneyShort(r.claimedPence)}`}</title>
              </rect>
              {realised === null ? null : (
                <rect
                  x={x + bar + 2}
                  width={bar}
                  y={realised >= 0 ? y(realised) : y(0)}
                  height={Math.abs(y(realised) - y(0))}
                  fill={REALISED}
                >
                  <title>{`${r.label}: realised ${moneyShort(realised)}`}</title>
                </rect>
              )}
              <text x={x + bar} y={H - bottom + 14} textAnchor="middle" fontSize="10" fill="#222">
                {r.label.slice(0, 7)}
              </text>
            </g>
          );
        })}
        <rect x={left} y={H - 14} width="10" height="10" fill={CLAIMED} />
        <text x={left + 14} y={H - 5} fontSize="11" fill="#222">
          claimed
        </text>
        <rect x={left + 80} y={H - 14} width="10" height="10" fill={REALISED} />
        <text x={left + 94} y={H - 5} fontSize="11" fill="#222">
          realised
        </text>
      </svg>
      <figcaption>Claimed against realised, year by year; the table below gives every figure.</figcaption>
    </figure>
  );
}

const money = (p: number | null) => (p === null ? <span className="muted">not yet</span> : moneyFull(p));

const columns: Column<Row>[] = [
  { key: "year", header: "Year", cell: (r) => <span className="nowrap">{r.label}</span> },
  { key: "from", header: "From", sortValue: (r) => r.start, cell: (r) => <span className="nowrap">{formatDate(r.start)}</span> },
  { key: "claimed", header: "Claimed", numeric: true, sortValue: (r) => r.claimedPence, cell: (r) => money(r.claimedPence) },
  { key: "index", header: "Index", numeric: true, cell: (r) => r.index },
  { key: "baseline", header: "In-house baseline, indexed", numeric: true, cell: (r) => money(r.baselineIndexedPence) },
  {
    key: "paid",
    header: "Paid to supplier",
    numeric: true,
    cell: (r) => (r.paymentsSource === "none" ? <span className="muted">not recorded</span> : money(r.paymentsPence)),
  },
  { key: "retained", header: "Retained costs", numeric: true, cell: (r) => money(r.retainedPence) },
  { key: "realised", header: "Realised", numeric: true, sortValue: (r) => r.realisedPence, cell: (r) => money(r.realisedPence) },
  { key: "variance", header: "Variance", numeric: true, sortValue: (r) => r.variancePence, cell: (r) => money(r.variancePence) },
  { key: "gap", header: "Cumulative gap", numeric: true, sortValue: (r) => r.cumulativeGapPence, cell: (r) => money(r.cumulativeGapPence) },
  { key: "demo", header: "Figures", cell: (r) => (r.demo ? <DemoBadge note="payments, costs and index invented for the demo" /> : "recorded") },
];

export function ContractSavings({ contractId }: { contractId: string }) {
  const { data: s, error } = useApi(() => call(getSavings, { params: { id: contractId } }), `contract-savings:${contractId}`);
  if (error) return <ErrorPanel error={error} />;
  if (!s) return null;
  return (
    <section aria-labelledby="savings-heading" data-testid="contract-savings">
      <h2 id="savings-heading">Savings realised against claimed</h2>
      <Facts
        label="Contract value and committed total"
        facts={[
          { label: "Contract value on award", value: moneyFull(s.contractValuePence) },
          {
            label: "Committed total after variations",
            value: (
              <>
                {moneyFull(s.committedTotalPence)} {s.committedDemo ? <DemoBadge note="a variation's value is invented for the demo" /> : null}
              </>
            ),
          },
          ...(s.planned
            ? [
                { label: "Savings claimed", value: moneyFull(s.claimedTotalPence) },
                { label: "Claimed to date", value: moneyFull(s.claimedToDatePence) },
                {
                  label: "Realised to date",
                  value: (
                    <>
                      {moneyFull(s.realisedToDatePence)} {s.demo ? <DemoBadge note="actuals invented for the demo" /> : null}
                    </>
                  ),
                },
                { label: "Gap to date (claimed less realised)", value: moneyFull(s.gapToDatePence) },
                { label: "Index", value: `${s.indexName} (base ${s.baseIndex})` },
              ]
            : []),
        ]}
      />
      {s.planned ? (
        <>
          {s.claimsMatchHeadline ? null : (
            <p>
              The years' claims add up to {moneyFull(s.claimedByYearPence)}, not the {moneyFull(s.claimedTotalPence)} claimed.
            </p>
          )}
          <SavingsChart s={s} />
          <Table caption="Savings by year" columns={columns} rows={s.rows} rowKey={(r) => r.start} />
          {s.source ? <p className="muted">Source: {s.source}</p> : null}
        </>
      ) : (
        <p className="muted">No savings plan is recorded for this contract.</p>
      )}
    </section>
  );
}
