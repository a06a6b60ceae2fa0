/**
 * `/appraisals/:id`: the Decide view of a contract's deal. The options appraised (PV costs and
 * benefits, NPV, BCR), the risk of missing the savings target (Monte Carlo), the accountability
 * horizon (what each administration is committed to), the workforce impact with the zero-hours
 * declaration, the gate history with its flags, the delivery model assessment with the
 * return-in-house assessment, and the commercial team's capability self-assessment.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import {
  type AppraisalResult,
  type CapabilityResult,
  canRecordGates,
  type Deal,
  type DmaResult,
  decideApi,
  docOf,
  type GateHistory,
  type HorizonResult,
  pence,
  type WorkforceResult,
} from "../api-decide.ts";
import { useAuth } from "../auth.tsx";
import { UnpublishedTag, WarningBadge } from "../components/Badges.tsx";
import { DecideFormLinks } from "../components/DecideFormLinks.tsx";
import { DecideGateForm } from "../components/DecideGateForm.tsx";
import { DecidePublish } from "../components/DecidePublish.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { Facts } from "../components/Facts.tsx";
import { Money } from "../components/Money.tsx";
import { SourceNote } from "../components/Source.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { formatCount, formatDate } from "../format.ts";
import { Link, queryParam, useLocation } from "../router.tsx";
import { stageLabel } from "../stages.ts";
import { useApi, useInvalidate } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

// The chart library is loaded only when this page is opened.
const LazyChart = lazy(() =>
  import("../components/DecideChart.tsx").then((m) => ({ default: m.DecideBarChart })),
);

function DecideBarChart(props: ComponentProps<typeof LazyChart>) {
  return (
    <Suspense fallback={null}>
      <LazyChart {...props} />
    </Suspense>
  );
}

const pct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined
    ? "—"
    : `${(x * 100).toLocaleString("en-GB", { maximumFractionDigits: digits })}%`;
const pounds = (s: string | null | undefined) => <Money pence={pence(s)} full />;
const num = (s: string) => Number(s);

function Demo({ fields, note }: { fields: string[]; note?: string }) {
  return fields.length > 0 ? (
    <DemoBadge note={note ?? `invented for the demo: ${fields.join(", ")}`} />
  ) : null;
}

export function DecidePage({ id }: { id: string }) {
  // `?view=case`: an appraisal case about a service, with no contract (no deal) yet.
  const view = queryParam(useLocation(), "view");
  return view === "case" ? <CaseView id={id} /> : <DealView id={id} />;
}

/** One appraisal case on its own: the options, the risk of missing the savings, publication. */
function CaseView({ id }: { id: string }) {
  const invalidate = useInvalidate();
  const stored = useApi(() => decideApi.appraisal(id), `case:${id}`);
  const run = useApi(() => decideApi.appraisalResult(id), `case-result:${id}`);
  usePageTitle(stored.data ? `Appraisal: ${stored.data.title}` : "Appraisal");
  const error = stored.error ?? run.error;
  if (error) return <ErrorPanel error={error} />;
  if (!stored.data || !run.data) return <Loading what="Running the appraisal" />;
  const doc = stored.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/appraisals">Appraisals</Link>
        {doc.serviceId ? (
          <>
            {" "}
            · <Link to={`/services/${encodeURIComponent(doc.serviceId)}`}>{doc.serviceId}</Link>
          </>
        ) : null}
      </p>
      <h1>
        Appraisal: {doc.title} <UnpublishedTag published={doc.published} />
      </h1>
      <p className="lead">
        An appraisal case for a service with no contract yet: the options and their risk.
      </p>
      <AppraisalSection doc={{ ...run.data, title: doc.title }} />
      <DecidePublish documents={[doc]} onSaved={() => void invalidate("case")} />
      <SourceNote sources={[doc.source]} />
    </>
  );
}

function DealView({ id }: { id: string }) {
  const { me } = useAuth();
  const invalidate = useInvalidate();
  const reload = () => void invalidate(`deal:${id}`);
  const { data, error, loading } = useApi(() => decideApi.deal(id), `deal:${id}`);
  usePageTitle(data ? `Appraisal: ${data.contract.title}` : "Appraisal");
  if (error) return <ErrorPanel error={error} />;
  if (loading && !data) return <Loading what="Running the appraisal" />;
  if (!data) return null;
  const deal = data;
  const c = deal.contract;
  const appraisal = docOf(deal, "appraisal");
  const horizon = docOf(deal, "horizon");
  const workforce = docOf(deal, "workforce");
  const dma = docOf(deal, "dma");
  const capability = docOf(deal, "capability");

  return (
    <>
      <p className="breadcrumb">
        <Link to="/appraisals">Appraisals</Link> ·{" "}
        <Link to={`/contracts/${encodeURIComponent(c.id)}`}>{c.title}</Link>
      </p>
      <h1>
        Appraisal: {c.title} <UnpublishedTag published={c.published} />
      </h1>
      <p className="lead">
        {c.supplier}: <Money pence={c.valuePence} full /> contract,{" "}
        <Money pence={c.savingsClaimedPence} full /> net savings claimed. Should it have been outsourced, what
        was the risk of missing the savings, and how far does it bind later administrations?
      </p>
      {appraisal ? (
        <AppraisalSection doc={appraisal} />
      ) : (
        <p className="muted">No appraisal case is stored.</p>
      )}
      {horizon ? <HorizonSection result={horizon.result} demoFields={horizon.demoFields} /> : null}
      {workforce ? <WorkforceSection result={workforce.result} demoFields={workforce.demoFields} /> : null}
      <GatesSection gates={deal.gates} />
      {canRecordGates(me.role) ? (
        <DecideGateForm
          contractId={c.id}
          serviceId={c.serviceIds[0] ?? null}
          gates={deal.gates}
          onSaved={reload}
        />
      ) : null}
      {dma ? <DmaSection result={dma.result} demoFields={dma.demoFields} /> : null}
      {capability ? <CapabilitySection result={capability.result} title={capability.title} /> : null}
      <DecideFormLinks documents={deal.documents} role={me.role} />
      <DecidePublish documents={deal.documents} onSaved={reload} />
      <SourceNote sources={[c.source, ...deal.documents.map((d) => d.source)]} />
    </>
  );
}

function AppraisalSection({
  doc,
}: {
  doc: { result: AppraisalResult; demoFields: string[]; title: string };
}) {
  const r = doc.result;
  const names = new Map(r.options.map((o) => [o.id, o.name ?? o.id]));
  const mc = r.monteCarlo;
  const preferredMc = mc?.options.find((o) => o.id === r.preferred);
  const target = r.savingsTarget;
  const savingsOf = (o: NonNullable<typeof mc>["options"][number]) =>
    target?.basis === "pv" ? o.pvSavings : o.cashSavings;
  return (
    <>
      <section aria-labelledby="options-heading">
        <h2 id="options-heading">
          Options appraised{" "}
          <Demo fields={doc.demoFields} note="the cash flows and distributions were invented for the demo" />
        </h2>
        <p>
          {doc.title}.{" "}
          {r.discounting === "green-book"
            ? "Green Book discounting (green-book)"
            : `Discounting at a fixed ${(r.discounting.rate * 100).toFixed(2)}%`}
          , years 0–{r.lastYear}; optimism bias added to costs. Preferred (highest NPV):{" "}
          <strong data-testid="preferred">{names.get(r.preferred)}</strong>.
        </p>
        <Table
          caption="Options: present values, NPV and benefit-cost ratio"
          rowKey={(o) => o.id}
          rows={r.options}
          columns={[
            {
              key: "option",
              header: "Option",
              cell: (o) => (
                <>
                  {o.name ?? o.id}
                  {o.id === r.preferred ? " (preferred)" : ""}
                  {o.id === r.baseline ? " (baseline)" : ""}
                </>
              ),
            },
            { key: "pvc", header: "PV costs", numeric: true, cell: (o) => pounds(o.pvCosts) },
            { key: "pvb", header: "PV benefits", numeric: true, cell: (o) => pounds(o.pvBenefits) },
            { key: "npv", header: "NPV", numeric: true, cell: (o) => pounds(o.npv) },
            {
              key: "bcr",
              header: "BCR",
              numeric: true,
              // With no benefits counted the comparison is cost-only and a ratio of 0 says nothing.
              cell: (o) => (o.bcr === null || Number(o.pvBenefits) === 0 ? "—" : o.bcr.toFixed(2)),
            },
            { key: "ob", header: "Optimism bias", numeric: true, cell: (o) => pct(o.optimismBiasUplift) },
            {
              key: "sav",
              header: "Cash savings vs baseline",
              numeric: true,
              cell: (o) => pounds(o.cashSavings),
            },
          ]}
        />
        {r.switchingValues.length > 0 ? (
          <details>
            <summary>
              Switching values: how far a figure must move before the preferred option changes
            </summary>
            <ul>
              {r.switchingValues
                .filter((s) => s.preferredChangesDown || s.preferredChangesUp)
                .map((s) => (
                  <li key={s.driver}>
                    {s.label}:{" "}
                    {[s.preferredChangesDown, s.preferredChangesUp]
                      .filter((x) => x !== null)
                      .map((x) => `${x.factor > 0 ? "+" : ""}${pct(x.factor)} → ${names.get(x.to) ?? x.to}`)
                      .join("; ")}
                  </li>
                ))}
            </ul>
            <p data-testid="discount-rate">
              Discount rate:{" "}
              {r.discountRate.preferredFrom.length > 1
                ? `at a constant rate, ${r.discountRate.preferredFrom
                    .map((p, i) =>
                      i === 0
                        ? `${names.get(p.option) ?? p.option} is preferred from 0%`
                        : `${names.get(p.option) ?? p.option} from ${(p.rate * 100).toFixed(2)}%`,
                    )
                    .join(", ")} (the Green Book rate is 3.5% for the first 30 years).`
                : `${names.get(r.preferred) ?? r.preferred} is preferred at every constant rate from 0% to 30%.`}
            </p>
          </details>
        ) : null}
      </section>
      {mc && target ? (
        <section aria-labelledby="risk-heading">
          <h2 id="risk-heading">
            Risk of missing the savings target{" "}
            <Demo fields={doc.demoFields} note="the distributions were invented for the demo" />
          </h2>
          <p>
            Savings target: <Money pence={pence(target.amount)} full /> (
            {target.basis === "cash" ? "cash" : "present value"}
            ). Monte Carlo, {formatCount(mc.iterations)} runs, seed {mc.seed}
            {mc.correlated ? ", correlated inputs" : ""}.
          </p>
          {preferredMc ? (
            <p className="lead" data-testid="probability">
              Probability that {names.get(r.preferred)} meets the savings target:{" "}
              <strong>{pct(preferredMc.probabilityMeetsTarget)}</strong>
            </p>
          ) : null}
          <Table
            caption="Monte Carlo: probability of meeting the target, P10/P50/P90 of savings and NPV"
            rowKey={(o) => o.id}
            rows={mc.options}
            columns={[
              { key: "o", header: "Option", cell: (o) => names.get(o.id) ?? o.id },
              {
                key: "p",
                header: "P(meets target)",
                numeric: true,
                cell: (o) => pct(o.probabilityMeetsTarget),
              },
              { key: "s10", header: "Savings P10", numeric: true, cell: (o) => pounds(savingsOf(o)?.p10) },
              { key: "s50", header: "Savings P50", numeric: true, cell: (o) => pounds(savingsOf(o)?.p50) },
              { key: "s90", header: "Savings P90", numeric: true, cell: (o) => pounds(savingsOf(o)?.p90) },
              { key: "n10", header: "NPV P10", numeric: true, cell: (o) => pounds(o.npv.p10) },
              { key: "n50", header: "NPV P50", numeric: true, cell: (o) => pounds(o.npv.p50) },
              { key: "n90", header: "NPV P90", numeric: true, cell: (o) => pounds(o.npv.p90) },
            ]}
          />
          {preferredMc && savingsOf(preferredMc) ? (
            <p className="muted">
              {names.get(r.preferred)}: savings at P10, P50 and P90 against the target (dashed line).
            </p>
          ) : null}
          {preferredMc && savingsOf(preferredMc) ? (
            <DecideBarChart
              testId="savings-chart"
              bars={["p10", "p50", "p90"].map((k) => ({
                label: `${k.toUpperCase()} savings`,
                value: num(savingsOf(preferredMc)![k as "p10" | "p50" | "p90"]),
                colour: "#00703c",
              }))}
              line={{ value: num(target.amount), label: "savings target" }}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function HorizonSection({ result: h, demoFields }: { result: HorizonResult; demoFields: string[] }) {
  return (
    <section aria-labelledby="horizon-heading">
      <h2 id="horizon-heading">
        Accountability horizon{" "}
        <Demo fields={demoFields} note="the yearly profile and break costs were invented for the demo" />
      </h2>
      <p className="lead" data-testid="horizon-summary">
        Decided in the {h.decidingAdministration ?? "—"} administration ({h.body}); the contract binds{" "}
        <strong>
          {h.administrationsBound} later administration{h.administrationsBound === 1 ? "" : "s"}
        </strong>
        , which pay {pct(h.shareAfterDecidingTerm)} of <Money pence={pence(h.total)} full />.
      </p>
      <Table
        caption="Payments falling in each administration's term"
        rowKey={(a) => a.label}
        rows={h.administrations}
        columns={[
          { key: "t", header: "Administration", cell: (a) => a.label },
          { key: "f", header: "From", cell: (a) => formatDate(a.from) },
          { key: "r", header: "Role", cell: (a) => (a.role === "bound" ? "bound by the decision" : a.role) },
          { key: "c", header: "Committed", numeric: true, cell: (a) => pounds(a.committed) },
          { key: "s", header: "Share of contract", numeric: true, cell: (a) => pct(a.shareOfContract) },
          { key: "b", header: "Share of budget", numeric: true, cell: (a) => pct(a.shareOfBudget, 2) },
        ]}
      />
      <DecideBarChart
        testId="horizon-chart"
        bars={h.administrations.map((a) => ({
          label: a.label,
          value: num(a.committed),
          colour: a.role === "bound" ? "#f47738" : "#1d70b8",
        }))}
      />
      <Table
        caption="Cost of leaving at each break point"
        rowKey={(b) => b.date}
        rows={h.breakPoints}
        columns={[
          {
            key: "d",
            header: "Break",
            cell: (b) => `${formatDate(b.date)}${b.label ? ` — ${b.label}` : ""}`,
          },
          { key: "a", header: "Decided by", cell: (b) => b.administration ?? "—" },
          { key: "t", header: "Termination cost", numeric: true, cell: (b) => pounds(b.terminationCost) },
          { key: "p", header: "Payments released", numeric: true, cell: (b) => pounds(b.paymentsAfter) },
          {
            key: "n",
            header: "Administrations still bound",
            numeric: true,
            cell: (b) => String(b.administrationsBoundIfLeft),
          },
        ]}
      />
      <p className="muted">Election dates: {h.electionsFrom}.</p>
    </section>
  );
}

function WorkforceSection({ result: w, demoFields }: { result: WorkforceResult; demoFields: string[] }) {
  const demo = (f: string) => (demoFields.includes(f) ? <DemoBadge /> : null);
  const zh = w.zeroHours;
  return (
    <section aria-labelledby="workforce-heading">
      <h2 id="workforce-heading">Workforce</h2>
      <Facts
        label="Workforce impact"
        facts={[
          {
            label: "Posts in scope",
            value: (
              <>
                {formatCount(w.postsInScope)} {demo("postsInScope")}
              </>
            ),
          },
          {
            label: "Transferred under TUPE",
            value: (
              <>
                {formatCount(w.transferred)} ({pct(w.shareTransferred)})
              </>
            ),
          },
          {
            label: "Retained",
            value: (
              <>
                {formatCount(w.retained)} {demo("retained")}
              </>
            ),
          },
          {
            label: "Made redundant",
            value: (
              <>
                {formatCount(w.redundant)} {demo("redundant")}
              </>
            ),
          },
          {
            label: "Relocated",
            value: (
              <>
                {formatCount(w.relocatedTotal)}:{" "}
                {w.relocatedByLocation.map((l) => `${l.location} ${formatCount(l.posts)}`).join(", ")}{" "}
                {demo("relocated.split")}
              </>
            ),
          },
          {
            label: "Zero-hour contracts (supplier's declaration)",
            value: (
              <span data-testid="zero-hours">
                {zh.status === "not-declared" ? "not declared" : zh.status}
                {zh.source ? ` — ${zh.source}` : ""} {demo("zeroHours")}
              </span>
            ),
          },
        ]}
      />
      <FindingList findings={w.findings} />
    </section>
  );
}

function GatesSection({ gates }: { gates: GateHistory }) {
  if (gates.events.length === 0) return null;
  return (
    <section aria-labelledby="gates-heading">
      <h2 id="gates-heading">Gate history</h2>
      <p>
        {gates.outOfOrder} step{gates.outOfOrder === 1 ? "" : "s"} not in the logical order;{" "}
        {gates.budgetDriven} budget-driven approval{gates.budgetDriven === 1 ? "" : "s"}. Next gate:{" "}
        {gates.current ? stageLabel(gates.current) : "all approved"}.
      </p>
      <ol className="timeline" data-testid="gate-history">
        {gates.events.map((e) => (
          <li key={e.id} className="timeline__item" data-gate-event={e.id}>
            <div className="timeline__when">
              <time dateTime={e.date}>{formatDate(e.date)}</time>{" "}
              {e.demoFields.some((f) => f.startsWith("date")) ? <DemoBadge /> : null}
            </div>
            <article className="timeline__body" aria-label={`${stageLabel(e.gate)} ${e.action}`}>
              <p className="timeline__gate">
                <span className="gate">{stageLabel(e.gate)}</span>{" "}
                <span className="outcome">
                  {e.action === "approve" ? "approved" : e.action === "start" ? "started" : "rejected"}
                </span>{" "}
                {e.flags.map((f) => (
                  <WarningBadge key={f}>{f}</WarningBadge>
                ))}{" "}
                <UnpublishedTag published={e.published} />
              </p>
              <p>
                {e.by} ({e.role})
                {e.drivers.length > 0
                  ? ` · drivers: ${e.drivers.map((d) => d.replaceAll("-", " ")).join(", ")}`
                  : ""}
                {e.evidence.length > 0 ? ` · evidence: ${e.evidence.join(", ")}` : ""}
              </p>
              {e.reason ? (
                <p className="timeline__order">
                  <strong>Reason recorded:</strong> {e.reason}
                </p>
              ) : null}
              {e.assessmentRecommends && e.optionChosen ? (
                <p className={e.assessmentRecommends === e.optionChosen ? undefined : "timeline__order"}>
                  <strong>Assessment recommended:</strong> {e.assessmentRecommends} · <strong>chosen:</strong>{" "}
                  {e.optionChosen}
                </p>
              ) : null}
              {e.findings
                .filter((f) => f.severity === "error")
                .map((f) => (
                  <p key={f.code + f.path} className="timeline__order">
                    {f.message}
                  </p>
                ))}
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

function DmaSection({ result: d, demoFields }: { result: DmaResult; demoFields: string[] }) {
  const optionName = new Map(d.options.map((o) => [o.id, o.name ?? o.id]));
  const score = new Map(d.scores.map((s) => [`${s.option}|${s.criterion}`, s]));
  const outsourcing = d.options.filter((o) => o.returnInHouse);
  return (
    <section aria-labelledby="dma-heading">
      <h2 id="dma-heading">
        Delivery model assessment{" "}
        <Demo fields={demoFields} note="the weights and scores were invented for the demo" />
      </h2>
      <p>
        Recommended:{" "}
        <strong data-testid="dma-recommended">
          {d.recommended ? optionName.get(d.recommended) : "none"}
        </strong>
        {d.valid ? "" : " (the assessment has errors, so nothing is recommended)"}.
      </p>
      <Table
        caption="Weighted scores by criterion (weight in brackets)"
        rowKey={(r) => r.id}
        rows={d.ranking}
        columns={[
          { key: "o", header: "Option", cell: (r) => `${optionName.get(r.id)} (${r.type})` },
          ...d.criteria.map((c) => ({
            key: c.id,
            header: `${c.name} (${c.weight})`,
            numeric: true,
            cell: (r: DmaResult["ranking"][number]) => {
              const s = score.get(`${r.id}|${c.id}`);
              return s ? <span title={s.evidence}>{s.score}</span> : "—";
            },
          })),
          { key: "w", header: "Weighted", numeric: true, cell: (r) => r.weighted.toFixed(2) },
        ]}
      />
      {outsourcing.map((o) => (
        <div key={o.id}>
          <h3>Return in house: {o.name ?? o.id}</h3>
          <Facts
            label={`Return-in-house assessment for ${o.name ?? o.id}`}
            facts={[
              {
                label: "Cost to bring back",
                value:
                  o.returnInHouse?.cost !== undefined ? <Money pence={o.returnInHouse.cost} full /> : "—",
              },
              {
                label: "Time",
                value:
                  o.returnInHouse?.timeMonths !== undefined ? `${o.returnInHouse.timeMonths} months` : "—",
              },
              { label: "Assets", value: o.returnInHouse?.assets ?? "—" },
              { label: "People", value: o.returnInHouse?.people ?? "—" },
            ]}
          />
        </div>
      ))}
      <FindingList findings={d.findings} />
    </section>
  );
}

function CapabilitySection({ result: k, title }: { result: CapabilityResult; title: string }) {
  return (
    <section aria-labelledby="capability-heading">
      <h2 id="capability-heading">
        Commercial capability <DemoBadge note="the self-assessment scores were invented for the demo" />
      </h2>
      <p>
        {title}. Mean of evidenced areas: {k.mean === null ? "—" : k.mean.toFixed(1)} out of 4; weakest:{" "}
        {k.weakest.join(", ") || "—"}.
      </p>
      <Table
        caption="NAO contract management areas"
        rowKey={(a) => a.area}
        rows={k.areas}
        columns={[
          { key: "a", header: "Area", cell: (a) => a.name },
          {
            key: "s",
            header: "Score",
            numeric: true,
            cell: (a) => (a.score === null ? "not assessed" : String(a.score)),
          },
          { key: "m", header: "Maturity", cell: (a) => a.maturity ?? "—" },
          { key: "e", header: "Evidenced", cell: (a) => (a.evidenced ? "yes" : "no") },
        ]}
      />
      <FindingList findings={k.findings} />
    </section>
  );
}

function FindingList({ findings }: { findings: Deal["gates"]["findings"] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={f.code + f.path}>
          <WarningBadge>{f.severity}</WarningBadge> {f.message}
        </li>
      ))}
    </ul>
  );
}
