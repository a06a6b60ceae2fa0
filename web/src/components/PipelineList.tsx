/**
 * The market-testing pipeline as one sortable, filterable list: each service with its stage,
 * annual cost, staff and wave, for readers who want to order services by cost or find one by
 * name rather than scan the board's columns.
 */
import type { Service, Stage, Wave } from "../api.ts";
import { formatCount } from "../format.ts";
import { Link } from "../router.tsx";
import { ClassificationBadge, UnpublishedTag } from "./Badges.tsx";
import { DemoMark } from "./DemoBadge.tsx";
import { Money } from "./Money.tsx";
import { type Column, Table } from "./Table.tsx";

interface Row {
  service: Service;
  stage: Stage;
  /** The stage's place in the lifecycle, from 1. */
  step: number;
  wave: Wave | undefined;
}

const columns: Column<Row>[] = [
  {
    key: "name",
    header: "Service",
    sortValue: (r) => r.service.name,
    cell: (r) => (
      <>
        <Link to={`/services/${encodeURIComponent(r.service.id)}`}>{r.service.name}</Link>{" "}
        <ClassificationBadge classification={r.service.classification} />{" "}
        <UnpublishedTag published={r.service.published} />
      </>
    ),
  },
  { key: "stage", header: "Stage", sortValue: (r) => r.step, cell: (r) => `${r.step}. ${r.stage.label}` },
  {
    key: "cost",
    header: "Annual cost",
    numeric: true,
    sortValue: (r) => r.service.annualCostPence,
    cell: (r) => (
      <Money pence={r.service.annualCostPence} demoFields={r.service.demoFields} field="annualCostPence" />
    ),
  },
  {
    key: "staff",
    header: "Staff",
    numeric: true,
    sortValue: (r) => r.service.staff,
    cell: (r) => (
      <>
        {formatCount(r.service.staff)} <DemoMark demoFields={r.service.demoFields} field="staff" />
      </>
    ),
  },
  {
    key: "wave",
    header: "Wave",
    sortValue: (r) => r.wave?.name ?? r.service.waveId,
    cell: (r) => (r.wave ? r.wave.name : (r.service.waveId ?? "none")),
  },
];

export function PipelineList({ stages, waves }: { stages: Stage[]; waves: Map<string, Wave> }) {
  const rows: Row[] = stages.flatMap((stage, i) =>
    stage.services.map((service) => ({
      service,
      stage,
      step: i + 1,
      wave: service.waveId ? waves.get(service.waveId) : undefined,
    })),
  );
  return (
    <Table
      caption={`${rows.length} service${rows.length === 1 ? "" : "s"}`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.service.id}
      empty="No services in the pipeline."
      filterable
      rowName={{ one: "service", other: "services" }}
    />
  );
}
