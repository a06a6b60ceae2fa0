/**
 * A contract's variations on its page: each version (dated, approved, with its reason, value and
 * term delta) against the award, drawn as a timeline of value and end date, and whether it needs
 * a contract change notice (UK10), illustrative for a contract under the 2015 Regulations. The
 * history is append-only: there is no edit; a correction is a new version. From
 * GET /api/contracts/{id}/variations.
 */
import { getVariations, type Variations } from "../../../src/contract/manage-value.ts";
import { CONTRACT_SIDE } from "../../../src/contract/roles.ts";
import { useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { formatDate, moneyFull, moneyShort } from "../format.ts";
import { useApi } from "../useApi.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { Facts } from "./Facts.tsx";
import { ErrorPanel } from "./Status.tsx";
import { type Column, Table } from "./Table.tsx";
import { VariationForm } from "./VariationForm.tsx";

type Row = Variations["rows"][number];

const pct = (bp: number) => `${(bp / 100).toFixed(2)}%`;
const signed = (p: number) => (p > 0 ? `+${moneyFull(p)}` : moneyFull(p));
const days = (d: number) => (d === 0 ? "unchanged" : `${d > 0 ? "+" : ""}${d} days`);

function VariationChart({ v }: { v: Variations }) {
  const b = v.baseline;
  if (!b || v.rows.length === 0) return null;
  const points = [
    { label: "award", date: b.startDate, value: b.awardValuePence, end: b.awardEndDate },
    ...v.rows.map((r) => ({ label: `v${r.version}`, date: r.changedOn, value: r.valueAfterPence, end: r.endAfterDate })),
  ];
  const W = 640;
  const H = 200;
  const left = 64;
  const slot = (W - left - 16) / Math.max(1, points.length - 1);
  const maxV = Math.max(...points.map((p) => p.value), 1);
  const y = (p: number) => 20 + (1 - p / maxV) * 120;
  return (
    <figure data-testid="variation-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="variation-chart-title variation-chart-desc"
        style={{ width: "100%", maxWidth: `${W}px`, height: "auto" }}
      >
        <title id="variation-chart-title">Contract value and end date, version by version</title>
        <desc id="variation-chart-desc">
          {points.map((p) => `${p.label}: ${moneyShort(p.value)}, ends ${formatDate(p.end)}`).join("; ")}
        </desc>
        <line x1={left} x2={W - 16} y1={y(b.awardValuePence)} y2={y(b.awardValuePence)} stroke="#888" strokeDasharray="4 3" />
        <text x={left - 6} y={y(b.awardValuePence) + 4} textAnchor="end" fontSize="11" fill="#222">
          award
        </text>
        <polyline
          fill="none"
          stroke="#1d4f91"
          strokeWidth="2"
          points={points.map((p, i) => `${left + i * slot},${y(p.value)}`).join(" ")}
        />
        {points.map((p, i) => (
          <g key={p.label}>
            <circle cx={left + i * slot} cy={y(p.value)} r="4" fill="#1d4f91" />
            <text x={left + i * slot} y={y(p.value) - 8} textAnchor="middle" fontSize="11" fill="#222">
              {moneyShort(p.value)}
            </text>
            <text x={left + i * slot} y={165} textAnchor="middle" fontSize="11" fill="#222">
              {p.label}
            </text>
            <text x={left + i * slot} y={182} textAnchor="middle" fontSize="10" fill="#222">
              {`to ${p.end.slice(0, 7)}`}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>Value after each version, and the end of the term it sets; the table gives every figure.</figcaption>
    </figure>
  );
}

const columns: Column<Row>[] = [
  { key: "version", header: "Version", numeric: true, sortValue: (r) => r.version, cell: (r) => `v${r.version}` },
  {
    key: "kind",
    header: "Kind",
    cell: (r) => (r.kind === "correction" ? `correction of v${r.correctsVersion}` : r.kind === "option" ? "option taken" : "change"),
  },
  { key: "date", header: "Dated", sortValue: (r) => r.changedOn, cell: (r) => <span className="nowrap">{formatDate(r.changedOn)}</span> },
  { key: "approved", header: "Approved", cell: (r) => `${formatDate(r.approvedOn)}, ${r.approvedBy}` },
  { key: "reason", header: "Reason", cell: (r) => r.reason },
  { key: "value", header: "Value change", numeric: true, sortValue: (r) => r.valueDeltaPence, cell: (r) => signed(r.valueDeltaPence) },
  { key: "after", header: "Value after", numeric: true, cell: (r) => moneyFull(r.valueAfterPence) },
  { key: "term", header: "Term change", numeric: true, cell: (r) => days(r.termDeltaDays) },
  { key: "end", header: "Ends", cell: (r) => <span className="nowrap">{formatDate(r.endAfterDate)}</span> },
  {
    key: "notice",
    header: "UK10 notice",
    cell: (r) =>
      r.noticeRequired ? (
        <span data-testid={`uk10-v${r.version}`}>
          <strong>needed{r.illustrative ? " (illustrative)" : ""}</strong>: {r.noticeReasons.join("; ")}
        </span>
      ) : (
        <span data-testid={`uk10-v${r.version}`}>
          not needed{r.noticeReasons.length ? `: ${r.noticeReasons.join("; ")}` : ` (${pct(r.aggregateValueBp)} of value, ${pct(r.aggregateTermBp)} of term so far)`}
        </span>
      ),
  },
  { key: "demo", header: "Figures", cell: (r) => (r.demo ? <DemoBadge note={r.description} /> : "recorded") },
];

export function ContractVariations({ contractId }: { contractId: string }) {
  const { me } = useAuth();
  const { data: v, error } = useApi(() => call(getVariations, { params: { id: contractId } }), `contract-variations:${contractId}`);
  if (error) return <ErrorPanel error={error} />;
  if (!v) return null;
  const b = v.baseline;
  return (
    <section aria-labelledby="variations-heading" data-testid="contract-variations">
      <h2 id="variations-heading">Variations against the award</h2>
      {b ? (
        <Facts
          label="The contract as awarded"
          facts={[
            { label: "Value on award", value: moneyFull(b.awardValuePence) },
            { label: "Term on award", value: `${formatDate(b.startDate)} to ${formatDate(b.awardEndDate)}` },
            { label: "Maximum term provided for on award", value: `to ${formatDate(b.awardMaxEndDate)} (${v.maxTermDays} days)` },
            { label: "Value now", value: `${moneyFull(v.currentValuePence)} (${signed(v.valueChangePence)})` },
            { label: "Ends now", value: formatDate(v.currentEndDate) },
            { label: "Versions needing a UK10 notice", value: String(v.noticesRequired) },
          ]}
        />
      ) : (
        <p className="muted">No award baseline is recorded: variations cannot be measured yet.</p>
      )}
      <p>{v.regimeNote}</p>
      <VariationChart v={v} />
      <Table
        caption="Variation history (append-only: a correction is a new version)"
        columns={columns}
        rows={v.rows}
        rowKey={(r) => r.id}
        empty="No variations recorded."
      />
      {b && CONTRACT_SIDE.includes(me.role) ? <VariationForm contractId={contractId} /> : null}
    </section>
  );
}
