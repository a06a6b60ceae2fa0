/** `/services/:id`: a service's facts, its contracts, its decision timeline and (staff) its audit trail. */
import { api, type Contract } from "../api.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { AuditList } from "../components/AuditList.tsx";
import { ClassificationBadge, UnpublishedTag } from "../components/Badges.tsx";
import { DemoMark } from "../components/DemoBadge.tsx";
import { Facts } from "../components/Facts.tsx";
import { ReportButton } from "../components/ReportButton.tsx";
import { Money } from "../components/Money.tsx";
import { SourceNote } from "../components/Source.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { type Column, Table } from "../components/Table.tsx";
import { DecideLink } from "../components/DecideLink.tsx";
import { StageMove } from "../components/StageMove.tsx";
import { Timeline } from "../components/Timeline.tsx";
import { formatCount, formatDate } from "../format.ts";
import { Link } from "../router.tsx";
import { stageLabel } from "../stages.ts";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const contractColumns: Column<Contract>[] = [
  {
    key: "title",
    header: "Contract",
    cell: (c) => <Link to={`/contracts/${encodeURIComponent(c.id)}`}>{c.title}</Link>,
  },
  { key: "supplier", header: "Supplier", cell: (c) => c.supplier },
  {
    key: "value",
    header: "Value",
    numeric: true,
    cell: (c) => <Money pence={c.valuePence} demoFields={c.demoFields} field="valuePence" />,
  },
  { key: "term", header: "Term", cell: (c) => `${formatDate(c.startDate)} to ${formatDate(c.endDate)}` },
  { key: "status", header: "Status", cell: (c) => c.status },
];

function ServiceAudit({ id }: { id: string }) {
  const { data, error, loading } = useApi(
    () => api.audit({ entity: "service", entityId: id, limit: 100 }),
    `audit:service:${id}`,
  );
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Loading the audit trail" /> : null}
      {data ? <AuditList entries={data} caption="Changes to this service, newest first" /> : null}
    </section>
  );
}

export function ServicePage({ id }: { id: string }) {
  const { me } = useAuth();
  const { data, error, loading } = useApi(async () => {
    const [service, waves] = await Promise.all([api.service(id), api.waves()]);
    return { service, waves };
  }, `service:${id}`);
  const s = data?.service;
  usePageTitle(s ? s.name : "Service");

  if (error) return <ErrorPanel error={error} />;
  if (loading && !s) return <Loading what="Loading the service" />;
  if (!s) return null;

  const wave = data?.waves.find((w) => w.id === s.waveId);
  const contractNames = new Map(s.contracts.map((c) => [c.id, c.title]));

  const d = s.demoFields;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Market-testing pipeline</Link> › {stageLabel(s.stage)}
      </p>
      <h1>
        {s.name} <UnpublishedTag published={s.published} />
      </h1>
      {s.description ? <p className="lead">{s.description}</p> : null}
      <ReportButton service={s.id} />
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">Facts</h2>
        <Facts
          label="Service facts"
          facts={[
            { label: "Stage", value: stageLabel(s.stage) },
            {
              label: "Owner",
              value: (
                <>
                  {s.owner || "—"} <DemoMark demoFields={d} field="owner" />
                </>
              ),
            },
            {
              label: "Annual cost",
              value: <Money pence={s.annualCostPence} full demoFields={d} field="annualCostPence" />,
            },
            {
              label: "Staff",
              value: (
                <>
                  {formatCount(s.staff)} <DemoMark demoFields={d} field="staff" />
                </>
              ),
            },
            {
              label: "Volumes",
              value: (
                <>
                  {s.volumes || "—"} <DemoMark demoFields={d} field="volumes" />
                </>
              ),
            },
            {
              label: "Classification",
              value: (
                <>
                  <ClassificationBadge classification={s.classification} />{" "}
                  <DemoMark demoFields={d} field="classification" />
                  <span className="fact__note">{s.classificationReason}</span>
                </>
              ),
            },
            {
              label: "Wave",
              value: wave ? (
                <>
                  {wave.name}
                  {wave.description ? <span className="fact__note">{wave.description}</span> : null}
                </>
              ) : (
                (s.waveId ?? "none")
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="contracts-heading">
        <h2 id="contracts-heading">Contracts</h2>
        <Table
          caption={`Contracts covering ${s.name}`}
          captionHidden
          columns={contractColumns}
          rows={s.contracts}
          rowKey={(c) => c.id}
          empty="No contract covers this service yet."
        />
      </section>
      <StageMove key={s.stage} service={s} />
      <DecideLink serviceId={s.id} contractIds={s.contracts.map((c) => c.id)} />
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        <p className="muted">
          Every decision about this service, oldest first, with its rationale and what drove it.
        </p>
        <Timeline decisions={s.decisions} linkTo="contract" names={contractNames} />
      </section>
      {isStaff(me) ? <ServiceAudit id={s.id} /> : null}
      <SourceNote
        sources={[s.source, ...s.decisions.map((x) => x.source), ...s.contracts.map((c) => c.source)]}
      />
    </>
  );
}
