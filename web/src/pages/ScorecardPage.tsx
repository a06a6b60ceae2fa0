/**
 * `/scorecards`: each supplier's performance over time across its contracts (staff only): a line
 * per contract of the month's weighted KPI score (100% is good on every KPI rated, on the UK9
 * scale), drawn as an SVG chart with a table of the same figures beside it for anyone who cannot
 * see the chart. Data from GET /api/performance/scorecards.
 */
import { useState } from "react";
import { listSupplierScorecards, type Scorecard } from "../../../src/contract/manage-performance.ts";
import { RATING_WORDS } from "../../../src/manage/rating.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field } from "../components/Form.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { type Column, Table } from "../components/Table.tsx";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthLabel = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

// Lines told apart by dash pattern and marker as well as colour (WCAG 1.4.1).
const STYLES = [
  { colour: "#1d70b8", dash: "", marker: "circle" },
  { colour: "#d4351c", dash: "6 3", marker: "square" },
  { colour: "#00703c", dash: "2 3", marker: "diamond" },
  { colour: "#4c2c92", dash: "8 3 2 3", marker: "circle" },
] as const;

const W = 640;
const H = 280;
const M = { top: 16, right: 16, bottom: 48, left: 44 };

function Marker({ x, y, kind, colour }: { x: number; y: number; kind: string; colour: string }) {
  if (kind === "square") return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />;
  if (kind === "diamond")
    return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={colour} />;
  return <circle cx={x} cy={y} r={4} fill={colour} />;
}

export function ScorecardChart({ card }: { card: Scorecard }) {
  const n = card.months.length;
  const x = (i: number) =>
    M.left + (n <= 1 ? (W - M.left - M.right) / 2 : (i * (W - M.left - M.right)) / (n - 1));
  const y = (score: number) => M.top + ((100 - score) * (H - M.top - M.bottom)) / 100;
  const every = Math.max(1, Math.ceil(n / 8));
  const id = `chart-${card.supplier.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <figure className="scorecard-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="scorecard-chart"
        style={{ maxWidth: "100%", height: "auto" }}
      >
        <title id={`${id}-title`}>{`${card.supplier}: KPI score by month`}</title>
        <desc id={`${id}-desc`}>
          {card.series
            .map(
              (s) =>
                `${s.contractTitle}: ${s.points.map((p) => `${monthLabel(p.month)} ${p.scorePercent ?? "not rated"}%`).join(", ")}`,
            )
            .join(". ")}
        </desc>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(v)}
              y2={y(v)}
              stroke="#b1b4b6"
              strokeWidth={v === 0 ? 1 : 0.5}
            />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#0b0c0c">
              {v}%
            </text>
          </g>
        ))}
        {card.months.map((m, i) =>
          i % every === 0 ? (
            <text key={m} x={x(i)} y={H - M.bottom + 16} textAnchor="middle" fontSize="11" fill="#0b0c0c">
              {monthLabel(m)}
            </text>
          ) : null,
        )}
        {card.series.map((s, si) => {
          const st = STYLES[si % STYLES.length] ?? STYLES[0];
          const pts = s.points
            .filter((p) => p.scorePercent !== null)
            .map((p) => ({ p, cx: x(card.months.indexOf(p.month)), cy: y(p.scorePercent ?? 0) }));
          return (
            <g key={s.contractId} data-series={s.contractId}>
              <polyline
                points={pts.map((q) => `${q.cx},${q.cy}`).join(" ")}
                fill="none"
                stroke={st.colour}
                strokeWidth={2}
                strokeDasharray={st.dash || undefined}
              />
              {pts.map((q) => (
                <Marker key={q.p.month} x={q.cx} y={q.cy} kind={st.marker} colour={st.colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {card.series.map((s, si) => {
            const st = STYLES[si % STYLES.length] ?? STYLES[0];
            return (
              <li key={s.contractId}>
                <svg width="28" height="10" aria-hidden="true">
                  <line
                    x1="0"
                    x2="28"
                    y1="5"
                    y2="5"
                    stroke={st.colour}
                    strokeWidth="2"
                    strokeDasharray={st.dash || undefined}
                  />
                </svg>{" "}
                <Link to={`/contracts/${encodeURIComponent(s.contractId)}`}>{s.contractTitle}</Link>
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}

interface Row {
  month: string;
  cells: Record<string, string>;
}

function ScorecardTable({ card }: { card: Scorecard }) {
  const rows: Row[] = card.months.map((month) => ({
    month,
    cells: Object.fromEntries(
      card.series.map((s) => {
        const p = s.points.find((q) => q.month === month);
        return [
          s.contractId,
          p && p.scorePercent !== null
            ? `${p.scorePercent}% (${p.rating ? RATING_WORDS[p.rating].text : "not rated"}, ${p.kpisRated} KPI${p.kpisRated === 1 ? "" : "s"})`
            : "—",
        ];
      }),
    ),
  }));
  const columns: Column<Row>[] = [
    { key: "month", header: "Month", sortValue: (r) => r.month, cell: (r) => monthLabel(r.month) },
    ...card.series.map((s) => ({
      key: s.contractId,
      header: s.contractTitle,
      cell: (r: Row) => r.cells[s.contractId] ?? "—",
    })),
  ];
  return (
    <details>
      <summary>The chart's figures as a table</summary>
      <Table
        caption={`${card.supplier}: KPI score by month`}
        columns={columns}
        rows={[...rows].reverse()}
        rowKey={(r) => r.month}
      />
    </details>
  );
}

export function ScorecardPage() {
  usePageTitle("Supplier scorecards");
  const { me } = useAuth();
  const staff = isStaff(me);
  const { data, error, loading } = useApi(staff ? () => call(listSupplierScorecards) : null, "scorecards");
  const [chosen, setChosen] = useState("");
  if (!staff)
    return (
      <>
        <h1>Supplier scorecards</h1>
        <p>Sign in as staff to see the suppliers' scorecards.</p>
      </>
    );
  if (error) return <ErrorPanel error={error} />;
  if (loading && !data) return <Loading what="Loading the scorecards" />;
  const cards = (data ?? []).filter((c) => c.months.length > 0);
  const card = cards.find((c) => c.supplier === chosen) ?? cards[0];
  return (
    <>
      <h1>Supplier scorecards</h1>
      <p className="lead">
        How each supplier has performed month by month on its contracts: the weighted score of the KPIs rated
        that month on the UK9 scale (good 3, approaching target 2, requires improvement 1, inadequate 0), as a
        share of the best possible.
      </p>
      {cards.length === 0 ? <p>No supplier has KPI results yet.</p> : null}
      {cards.length > 1 ? (
        <Field id="sc-supplier" label="Supplier">
          <select id="sc-supplier" value={card?.supplier ?? ""} onChange={(e) => setChosen(e.target.value)}>
            {cards.map((c) => (
              <option key={c.supplier} value={c.supplier}>
                {c.supplier}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {card ? (
        <section aria-labelledby="sc-heading">
          <h2 id="sc-heading">{card.supplier}</h2>
          {card.latest ? (
            <p>
              Latest month, {monthLabel(card.latest.month)}: {card.latest.scorePercent ?? "—"}%
              {card.latest.rating ? ` (${RATING_WORDS[card.latest.rating].text})` : ""} across its contracts.
            </p>
          ) : null}
          <ScorecardChart card={card} />
          <ScorecardTable card={card} />
        </section>
      ) : null}
    </>
  );
}
