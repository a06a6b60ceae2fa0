/**
 * A contract's performance on its page (staff only): each KPI with its target, tolerance,
 * period, weight and who reports it, its latest result judged and rated on the UK9 scale (an
 * override shown with its reason), periods overdue for a result, and supplier-reported figures
 * the authority never verified, flagged. Then each period's overall rating, the service credits
 * month by month with their working, and for the contract side the forms to record a result or
 * import a file of them. Data from GET /api/contracts/{id}/performance and /service-credits.
 */
import { type FormEvent, useState } from "react";
import {
  getContractPerformance,
  getServiceCredits,
  importKpiResults,
  kpiResultsTemplateCsv,
  kpiResultsTemplateXlsx,
  recordKpiResult,
  type ContractPerformance as Performance,
  type ServiceCredits as Credits,
} from "../../../src/contract/manage-performance.ts";
import { RATING_WORDS, type Rating } from "../../../src/manage/rating.ts";
import { formatGBP } from "../../../src/shared/money.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call, operationUrl } from "../client.ts";
import { formatDate } from "../format.ts";
import { useApi } from "../useApi.ts";
import { WarningBadge } from "./Badges.tsx";
import { DemoBadge } from "./DemoBadge.tsx";
import { Outcome, ReasonField, SaveButton, TextField, useSave, Field } from "./Form.tsx";
import { ErrorPanel, Loading } from "./Status.tsx";
import { type Column, Table } from "./Table.tsx";

type Kpi = Performance["kpis"][number];
type Result = Kpi["results"][number];
type Month = Credits["months"][number];

const WRITERS: readonly string[] = recordKpiResult.roles;
const OUTCOME: Record<Result["outcome"], string> = {
  pass: "passed",
  withinTolerance: "within tolerance",
  fail: "failed",
};
const SOURCE: Record<Kpi["source"], string> = {
  supplier: "supplier-reported",
  authority: "authority-measured",
};
const PERIOD: Record<Kpi["period"], string> = {
  monthly: "monthly",
  quarterly: "quarterly",
  annual: "annual (to 31 March)",
};
const gbp = (p: number) => formatGBP(p, 2);

function RatingText({ rating }: { rating: Rating | null }) {
  if (!rating) return <span className="muted">not rated</span>;
  return <span className={`rating rating--${rating}`}>{RATING_WORDS[rating].label}</span>;
}

function target(k: Kpi): string {
  if (!k.measured) return k.target || "no numeric target";
  return `${k.direction === "higher" ? "at least" : "at most"} ${k.targetValue}${k.unit} (tolerance ${k.tolerance}${k.unit})`;
}

const kpiColumns: Column<Kpi>[] = [
  {
    key: "title",
    header: "KPI",
    sortValue: (k) => k.title,
    cell: (k) => (
      <>
        {k.title} {k.demo ? <DemoBadge /> : null}
      </>
    ),
  },
  { key: "target", header: "Target", cell: target },
  { key: "period", header: "Period", sortValue: (k) => k.period, cell: (k) => PERIOD[k.period] },
  { key: "weight", header: "Weight", numeric: true, sortValue: (k) => k.weight, cell: (k) => k.weight },
  {
    key: "source",
    header: "Source",
    sortValue: (k) => k.source,
    cell: (k) => (
      <>
        {SOURCE[k.source]}{" "}
        {k.unverifiedCount > 0 ? (
          <WarningBadge title="Reported by the supplier and never verified by the authority">
            {k.unverifiedCount} unverified
          </WarningBadge>
        ) : null}
      </>
    ),
  },
  {
    key: "latest",
    header: "Latest result",
    cell: (k) => {
      const r = k.results.at(-1);
      return r ? (
        <>
          {r.value}
          {k.unit} for {formatDate(r.periodEnd)}: {OUTCOME[r.outcome]}
        </>
      ) : (
        <span className="muted">none yet</span>
      );
    },
  },
  {
    key: "rating",
    header: "Rating (UK9)",
    cell: (k) => {
      const r = k.results.at(-1);
      if (!r) return <RatingText rating={null} />;
      return (
        <>
          <RatingText rating={r.rating} />
          {r.ratingOverride ? (
            <span className="muted">
              {" "}
              (overridden; the figures give {RATING_WORDS[r.computedRating].text}: {r.overrideReason})
            </span>
          ) : null}
        </>
      );
    },
  },
  {
    key: "overdue",
    header: "Overdue",
    numeric: true,
    sortValue: (k) => k.overdue.length,
    cell: (k) =>
      k.overdue.length ? (
        <WarningBadge title={`No result for ${k.overdue.map(formatDate).join(", ")}`}>
          {k.overdue.length} period{k.overdue.length === 1 ? "" : "s"} (from {formatDate(k.overdue[0])})
        </WarningBadge>
      ) : (
        "none"
      ),
  },
];

const resultColumns = (k: Kpi): Column<Result>[] => [
  {
    key: "period",
    header: "Period ending",
    sortValue: (r) => r.periodEnd,
    cell: (r) => formatDate(r.periodEnd),
  },
  { key: "sentence", header: "Result against target", cell: (r) => r.sentence },
  {
    key: "rating",
    header: "Rating",
    cell: (r) => (
      <>
        <RatingText rating={r.rating} />
        {r.ratingOverride ? <span className="muted"> (override: {r.overrideReason})</span> : null}
      </>
    ),
  },
  {
    key: "verified",
    header: "Verified",
    cell: (r) =>
      r.source === "authority" ? (
        "measured by the authority"
      ) : r.verifiedBy ? (
        `by ${r.verifiedBy} on ${formatDate(r.verifiedOn)}`
      ) : (
        <WarningBadge title={`${k.title}: the supplier's own figure`}>not verified</WarningBadge>
      ),
  },
];

const monthColumns: Column<Month>[] = [
  {
    key: "month",
    header: "Month",
    sortValue: (m) => m.periodEnd,
    cell: (m) => formatDate(m.periodEnd).replace(/^\d+ /, ""),
  },
  {
    key: "failed",
    header: "Failed KPIs",
    cell: (m) =>
      m.failed.length
        ? m.failed.map((f) => `${f.title}${f.reason === "missing" ? " (no result)" : ""}`).join("; ")
        : "none",
  },
  {
    key: "each",
    header: "Credit per KPI",
    numeric: true,
    cell: (m) => (m.failed[0] ? gbp(m.failed[0].creditPence) : "—"),
  },
  {
    key: "gross",
    header: "Before the cap",
    numeric: true,
    sortValue: (m) => m.grossPence,
    cell: (m) => gbp(m.grossPence),
  },
  { key: "cap", header: "Cap", numeric: true, cell: (m) => gbp(m.capPence) },
  {
    key: "credit",
    header: "Credit",
    numeric: true,
    sortValue: (m) => m.creditPence,
    cell: (m) => (
      <>
        <strong>{gbp(m.creditPence)}</strong>
        {m.capped ? " (capped)" : ""}
      </>
    ),
  },
];

function ServiceCreditsSection({ contractId }: { contractId: string }) {
  const { data, error } = useApi(
    () => call(getServiceCredits, { params: { id: contractId } }),
    `service-credits:${contractId}`,
  );
  if (error) return <ErrorPanel error={error} />;
  if (!data) return <Loading what="Loading the service credits" />;
  const withCredit = data.months.filter((m) => m.creditPence > 0);
  const latest = withCredit.at(-1);
  return (
    <section aria-labelledby="credits-heading" data-testid="service-credits">
      <h2 id="credits-heading">Service credits</h2>
      <p>
        {data.terms} {data.regime?.demo ? <DemoBadge note="the regime is invented for the demo" /> : null}
      </p>
      {data.regime ? (
        <p>
          Credits due over the months with results: <strong>{gbp(data.totalCreditPence)}</strong>.
        </p>
      ) : null}
      {data.months.length ? (
        <Table
          caption="Service credits by month"
          columns={monthColumns}
          rows={[...data.months].reverse()}
          rowKey={(m) => m.month}
        />
      ) : null}
      {withCredit.length ? <h3>How each credit was worked out</h3> : null}
      {[...withCredit].reverse().map((m) => (
        <details key={m.month} open={m === latest} data-testid={`working-${m.month}`}>
          <summary>
            Working for {formatDate(m.periodEnd).replace(/^\d+ /, "")}: {gbp(m.creditPence)}
            {m.capped ? " (capped)" : ""}
          </summary>
          <ol className="working">
            {m.working.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function ResultForm({ contractId, kpis }: { contractId: string; kpis: Kpi[] }) {
  const measured = kpis.filter((k) => k.measured);
  const [kpiId, setKpiId] = useState(measured[0]?.id ?? "");
  const [periodEnd, setPeriodEnd] = useState("");
  const [value, setValue] = useState("");
  const [override, setOverride] = useState("");
  const [overrideReason, setOverrideReason] = useState("");
  const [reason, setReason] = useState("");
  const s = useSave();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await s.run(
      () =>
        !kpiId
          ? "Choose the KPI."
          : !/^\d{4}-\d{2}-\d{2}$/.test(periodEnd)
            ? "Give the last day of the period, e.g. 2026-11-30."
            : !/^-?\d+(\.\d+)?$/.test(value.trim())
              ? "Give the result as a number, e.g. 98.5."
              : override && !overrideReason.trim()
                ? "Say why the rating differs from the one the figures give."
                : !reason.trim()
                  ? "Say why you are recording this result (kept in the audit trail)."
                  : null,
      async () => {
        const r = await call(recordKpiResult, {
          params: { id: contractId },
          body: {
            kpiId,
            periodEnd,
            value: value.trim(),
            reason: reason.trim(),
            ...(override
              ? { ratingOverride: override as Rating, overrideReason: overrideReason.trim() }
              : {}),
          },
        });
        return `Recorded: ${r.sentence}; rated ${RATING_WORDS[r.rating].text}.`;
      },
    );
  };
  return (
    <details className="manage-form" data-form="kpi-result">
      <summary>
        <strong>Record a KPI result</strong>
      </summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field id="kr-kpi" label="KPI">
          <select id="kr-kpi" value={kpiId} onChange={(e) => setKpiId(e.target.value)}>
            {measured.map((k) => (
              <option key={k.id} value={k.id}>
                {k.title}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="kr-period"
          label="Period ending"
          type="date"
          value={periodEnd}
          onChange={setPeriodEnd}
        />
        <TextField id="kr-value" label="Result" inputMode="decimal" value={value} onChange={setValue} />
        <Field
          id="kr-override"
          label="Rating override (optional)"
          hint="Leave as computed unless the authority rates otherwise"
        >
          <select
            id="kr-override"
            value={override}
            onChange={(e) => setOverride(e.target.value)}
            aria-describedby="kr-override-hint"
          >
            <option value="">As the figures give</option>
            {(Object.keys(RATING_WORDS) as Rating[]).map((r) => (
              <option key={r} value={r}>
                {RATING_WORDS[r].label}
              </option>
            ))}
          </select>
        </Field>
        {override ? (
          <TextField
            id="kr-override-reason"
            label="Why the rating differs"
            value={overrideReason}
            onChange={setOverrideReason}
          />
        ) : null}
        <ReasonField prefix="kr" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Record result" />
        <Outcome prefix="kr" error={s.error} done={s.done} />
      </form>
    </details>
  );
}

function ImportForm({ contractId }: { contractId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState("");
  const s = useSave();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await s.run(
      () =>
        !file
          ? "Choose a CSV or XLSX file."
          : !reason.trim()
            ? "Say why you are importing these results (kept in the audit trail)."
            : null,
      async () => {
        const f = file as File;
        const r = await call(importKpiResults, {
          params: { id: contractId },
          body: { fileName: f.name, contentBase64: await toBase64(f), reason: reason.trim() },
        });
        return `${r.stored} result${r.stored === 1 ? "" : "s"} stored from ${f.name}.`;
      },
    );
  };
  const params = { params: { id: contractId } };
  return (
    <details className="manage-form" data-form="kpi-import">
      <summary>
        <strong>Import KPI results from a file</strong>
      </summary>
      <p className="muted">
        Columns KPI, Period end, Result, Source, Note. Nothing is stored unless every row is valid. Template:{" "}
        <a href={operationUrl(kpiResultsTemplateXlsx, params)}>XLSX</a> or{" "}
        <a href={operationUrl(kpiResultsTemplateCsv, params)}>CSV</a> (one row for each period owed).
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <Field id="ki-file" label="File (CSV or XLSX)">
          <input
            id="ki-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <ReasonField prefix="ki" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Import results" />
        <Outcome prefix="ki" error={s.error} done={s.done} />
      </form>
    </details>
  );
}

export function ContractPerformance({ contractId }: { contractId: string }) {
  const { me } = useAuth();
  const staff = isStaff(me);
  const { data, error } = useApi(
    staff ? () => call(getContractPerformance, { params: { id: contractId } }) : null,
    `performance:${contractId}`,
  );
  if (!staff) return null;
  if (error) return <ErrorPanel error={error} />;
  if (!data) return <Loading what="Loading the performance" />;
  const withResults = data.kpis.filter((k) => k.results.length);
  const measured = data.kpis.filter((k) => k.measured);
  const unmeasured = data.kpis.filter((k) => !k.measured);
  return (
    <>
      <section aria-labelledby="performance-heading" data-testid="contract-performance">
        <h2 id="performance-heading">Performance</h2>
        {data.unverifiedCount > 0 ? (
          <p>
            <WarningBadge>unverified</WarningBadge> {data.unverifiedCount} supplier-reported result
            {data.unverifiedCount === 1 ? " was" : "s were"} never verified by the authority.
          </p>
        ) : null}
        <Table
          caption="KPIs, latest results and ratings"
          columns={kpiColumns}
          rows={measured}
          rowKey={(k) => k.id}
          empty="No KPI has a numeric target yet."
        />
        {unmeasured.length ? (
          <p className="muted">
            {unmeasured.length} KPI{unmeasured.length === 1 ? " has" : "s have"} no numeric target, so
            {unmeasured.length === 1 ? " its" : " their"} results cannot be judged:{" "}
            {unmeasured.map((k) => k.title).join("; ")}.
          </p>
        ) : null}
        {data.periods.length ? (
          <Table
            caption="Rating by period (weighted over the KPIs rated)"
            columns={[
              {
                key: "p",
                header: "Period ending",
                sortValue: (p) => p.periodEnd,
                cell: (p) => formatDate(p.periodEnd),
              },
              { key: "r", header: "Rating", cell: (p) => <RatingText rating={p.rating} /> },
              {
                key: "s",
                header: "Score",
                numeric: true,
                sortValue: (p) => p.scorePercent,
                cell: (p) => (p.scorePercent === null ? "—" : `${p.scorePercent}%`),
              },
              { key: "w", header: "How", cell: (p) => p.working },
            ]}
            rows={[...data.periods].reverse()}
            rowKey={(p) => p.periodEnd}
          />
        ) : null}
        {withResults.map((k) => (
          <details key={k.id}>
            <summary>
              Results of {k.title} ({k.results.length})
            </summary>
            <Table
              caption={`Results of ${k.title}`}
              captionHidden
              columns={resultColumns(k)}
              rows={[...k.results].reverse()}
              rowKey={(r) => r.id}
            />
          </details>
        ))}
        {WRITERS.includes(me.role) ? (
          <>
            <ResultForm contractId={contractId} kpis={data.kpis} />
            <ImportForm contractId={contractId} />
          </>
        ) : null}
      </section>
      <ServiceCreditsSection contractId={contractId} />
    </>
  );
}
