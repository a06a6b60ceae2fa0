/**
 * The decisions about a service or contract, oldest first: date, gate, title, outcome,
 * rationale, drivers and who decided. It flags what the committee warned about:
 * - a decision whose only driver is the savings target ("budget-driven"),
 * - a step taken out of the logical lifecycle order, with the reason recorded,
 * - an external scrutiny entry (gate "scrutiny"), styled as a warning from outside.
 */
import type { Decision } from "../api.ts";
import { formatDate } from "../format.ts";
import { Link } from "../router.tsx";
import { stageLabel } from "../stages.ts";
import { UnpublishedTag, WarningBadge } from "./Badges.tsx";
import { DemoMark } from "./DemoBadge.tsx";

/** The flags come from the gate rules on the server (src/decide/gates/decision-flags.ts). */
export function hasFlag(
  d: Pick<Decision, "flags">,
  flag: "budget-driven" | "not the logical order",
): boolean {
  return (d.flags ?? []).includes(flag);
}

interface TimelineProps {
  decisions: Decision[];
  /** Link each decision to its contract (on a service page) or service (on a contract page). */
  linkTo?: "contract" | "service";
  /** Names of the linked records by id (contract titles or service names); ids are shown otherwise. */
  names?: ReadonlyMap<string, string>;
}

export function Timeline({ decisions, linkTo, names }: TimelineProps) {
  if (decisions.length === 0) return <p className="muted">No decisions recorded yet.</p>;
  const sorted = [...decisions].sort(
    (a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id.localeCompare(b.id),
  );
  return (
    <ol className="timeline">
      {sorted.map((d) => {
        const scrutiny = d.gate === "scrutiny";
        const classes = ["timeline__item"];
        if (scrutiny) classes.push("timeline__item--scrutiny");
        const outOfOrder = hasFlag(d, "not the logical order");
        if (outOfOrder) classes.push("timeline__item--out-of-order");
        return (
          <li key={d.id} className={classes.join(" ")} data-decision={d.id}>
            <div className="timeline__when">
              <time dateTime={d.decidedOn}>{formatDate(d.decidedOn)}</time>{" "}
              <DemoMark demoFields={d.demoFields} field="decidedOn" />
            </div>
            <article className="timeline__body" aria-label={d.title}>
              <p className="timeline__gate">
                {scrutiny ? (
                  <WarningBadge title="A warning from outside the organisation">
                    External scrutiny warning
                  </WarningBadge>
                ) : (
                  <span className="gate">{stageLabel(d.gate)}</span>
                )}{" "}
                <span className={`outcome outcome--${d.outcome.replace(/[^a-z-]/gi, "").toLowerCase()}`}>
                  {d.outcome}
                </span>{" "}
                <DemoMark demoFields={d.demoFields} field="outcome" />
                {hasFlag(d, "budget-driven") ? (
                  <WarningBadge title="The savings target is the only recorded driver of this decision">
                    budget-driven
                  </WarningBadge>
                ) : null}{" "}
                {outOfOrder ? (
                  <WarningBadge title="Taken before the stage it depends on">
                    not the logical order
                  </WarningBadge>
                ) : null}{" "}
                <UnpublishedTag published={d.published} />
              </p>
              <h3 className="timeline__title">
                {d.title} <DemoMark demoFields={d.demoFields} field="title" />
              </h3>
              {d.outOfOrderReason ? (
                <p className="timeline__order">
                  <strong>Not the logical order:</strong> {d.outOfOrderReason}
                </p>
              ) : null}
              {d.rationale ? (
                <p className="timeline__rationale">
                  {d.rationale} <DemoMark demoFields={d.demoFields} field="rationale" />
                </p>
              ) : null}
              <dl className="timeline__meta">
                {d.drivers.length > 0 ? (
                  <div>
                    <dt>Drivers</dt>
                    <dd>
                      <ul className="drivers">
                        {d.drivers.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>{" "}
                      <DemoMark demoFields={d.demoFields} field="drivers" />
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt>Decided by</dt>
                  <dd>
                    {d.decidedBy || "—"} <DemoMark demoFields={d.demoFields} field="decidedBy" />
                  </dd>
                </div>
                {linkTo === "contract" && d.contractId ? (
                  <div>
                    <dt>Contract</dt>
                    <dd>
                      <Link to={`/contracts/${encodeURIComponent(d.contractId)}`}>
                        {names?.get(d.contractId) ?? d.contractId}
                      </Link>
                    </dd>
                  </div>
                ) : null}
                {linkTo === "service" && d.serviceId ? (
                  <div>
                    <dt>Service</dt>
                    <dd>
                      <Link to={`/services/${encodeURIComponent(d.serviceId)}`}>
                        {names?.get(d.serviceId) ?? d.serviceId}
                      </Link>
                    </dd>
                  </div>
                ) : null}
              </dl>
              {d.source ? <p className="timeline__source">Source: {d.source}</p> : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
