/**
 * `/`: the market-testing pipeline, one column per lifecycle stage, each service a card; or, with
 * `?view=list`, one sortable, filterable list of the services.
 */
import { api, type Pipeline, type Service, type Wave } from "../api.ts";
import { ClassificationBadge, UnpublishedTag } from "../components/Badges.tsx";
import { DemoBadge, DemoMark } from "../components/DemoBadge.tsx";
import { Money } from "../components/Money.tsx";
import { SourceNote } from "../components/Source.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { demoNote, formatCount } from "../format.ts";
import { PipelineList } from "../components/PipelineList.tsx";
import { ReportButton } from "../components/ReportButton.tsx";
import { Link, navigate, queryParam, useLocation } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { NewServiceLink } from "./ServiceNewPage.tsx";
import { usePageTitle } from "./title.ts";

interface Board {
  pipeline: Pipeline;
  waves: Wave[];
}

function ServiceCard({ service, waves }: { service: Service; waves: Map<string, Wave> }) {
  const wave = service.waveId ? waves.get(service.waveId) : undefined;
  return (
    <li className="card" data-service={service.id}>
      <h3 className="card__title">
        <Link to={`/services/${encodeURIComponent(service.id)}`}>{service.name}</Link>
      </h3>
      <p className="card__tags">
        <ClassificationBadge classification={service.classification} />{" "}
        <UnpublishedTag published={service.published} />
      </p>
      <dl className="card__facts">
        <div>
          <dt>Annual cost</dt>
          <dd>
            <Money pence={service.annualCostPence} demoFields={service.demoFields} field="annualCostPence" />
          </dd>
        </div>
        <div>
          <dt>Staff</dt>
          <dd>
            {formatCount(service.staff)} <DemoMark demoFields={service.demoFields} field="staff" />
          </dd>
        </div>
        <div>
          <dt>Wave</dt>
          <dd>{wave ? wave.name : (service.waveId ?? "none")}</dd>
        </div>
      </dl>
    </li>
  );
}

export function PipelinePage() {
  usePageTitle("Market-testing pipeline");
  const list = queryParam(useLocation(), "view") === "list";
  const { data, error, loading } = useApi<Board>(async () => {
    const [pipeline, waves] = await Promise.all([api.pipeline(), api.waves()]);
    return { pipeline, waves };
  }, "pipeline");

  const services = data ? data.pipeline.stages.flatMap((s) => s.services) : [];
  const total = services.reduce((sum, s) => sum + (s.annualCostPence ?? 0), 0);
  const totalHasDemo = services.some((s) => demoNote(s.demoFields, "annualCostPence") !== null);
  const waves = new Map((data?.waves ?? []).map((w) => [w.id, w]));

  return (
    <>
      <h1>Market-testing pipeline</h1>
      <p className="lead">
        Every service being considered for outsourcing, at its stage of the commercial lifecycle. A service
        moves right only when the evidence for its current stage is in place.
      </p>
      <ReportButton />
      <NewServiceLink />
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Loading the pipeline" /> : null}
      {data ? (
        <>
          <p className="summary" data-testid="pipeline-summary">
            <strong>{services.length}</strong> service{services.length === 1 ? "" : "s"} in the pipeline,
            costing{" "}
            <strong>
              <Money pence={total} />
            </strong>{" "}
            a year in total
            {totalHasDemo ? (
              <>
                {" "}
                <DemoBadge note="includes costs invented for the demo" />
              </>
            ) : null}
          </p>
          <fieldset className="view-switch">
            <legend>View</legend>
            <button type="button" aria-pressed={!list} onClick={() => navigate("/", { replace: true })}>
              Board
            </button>
            <button
              type="button"
              aria-pressed={list}
              onClick={() => navigate("/?view=list", { replace: true })}
            >
              List
            </button>
          </fieldset>
          {list ? (
            <PipelineList stages={data.pipeline.stages} waves={waves} />
          ) : (
            <div className="board">
              {data.pipeline.stages.map((stage, i) => (
                <section
                  className="board__stage"
                  key={stage.id}
                  aria-labelledby={`stage-${stage.id}`}
                  data-stage={stage.id}
                >
                  <h2 id={`stage-${stage.id}`} className="board__heading">
                    <span className="board__step" aria-hidden="true">
                      {i + 1}
                    </span>
                    {stage.label}
                    <span className="board__count">
                      {stage.services.length}
                      <span className="visually-hidden">
                        {" "}
                        service{stage.services.length === 1 ? "" : "s"}
                      </span>
                    </span>
                  </h2>
                  {stage.services.length === 0 ? (
                    <p className="board__empty">No services at this stage</p>
                  ) : (
                    <ul className="board__cards">
                      {stage.services.map((s) => (
                        <ServiceCard key={s.id} service={s} waves={waves} />
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </div>
          )}
          <SourceNote
            sources={[...services.map((s) => s.source), ...(data.waves ?? []).map((w) => w.source)]}
          />
        </>
      ) : null}
    </>
  );
}
