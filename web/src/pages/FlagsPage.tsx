/**
 * `/flags`: procurement red flags on the OCDS releases nous holds. Choose a buyer (or all), run
 * the Cardinal-compatible indicators (their defaults, or a settings file pasted in), and read the
 * flagged processes, buyers, procuring entities and tenderers, each flag with its explanation.
 * The buyer is kept in the address (`/flags?buyer=...`), so a run can be bookmarked and shared.
 * Each group's table sorts by name or number of flags and filters by its text.
 */
import { type FormEvent, useState } from "react";
import {
  compiledReleasesHref,
  type FlagGroup,
  type FlagsRun,
  flagsApi,
  GROUP_LABELS,
  type IndicatorMeta,
} from "../api-flags.ts";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { FlagList, FlagsNotice, FlagsStyles } from "../components/FlagsExplain.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Table } from "../components/Table.tsx";
import { formatCount } from "../format.ts";
import { Link, navigate, queryParam, useLocation } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const ALL = "(all buyers)";
/** Processes under this ocid prefix are fictional (src/demo/releases.ts). */
const DEMO_PREFIX = "ocds-nous01-demo-";
const GROUP_ORDER: FlagGroup[] = ["OCID", "Buyer", "ProcuringEntity", "Tenderer"];
/** What one row of each group's table is, for its filter box and status line. */
const ROW_NAMES: Record<FlagGroup, { one: string; other: string }> = {
  OCID: { one: "flagged process", other: "flagged processes" },
  Buyer: { one: "flagged buyer", other: "flagged buyers" },
  ProcuringEntity: { one: "flagged procuring entity", other: "flagged procuring entities" },
  Tenderer: { one: "flagged tenderer", other: "flagged tenderers" },
};
const ID_HEADERS: Record<FlagGroup, string> = {
  OCID: "Process (ocid)",
  Buyer: "Buyer",
  ProcuringEntity: "Procuring entity",
  Tenderer: "Tenderer",
};

function Results({ run }: { run: FlagsRun }) {
  const meta = new Map<string, IndicatorMeta>(run.indicators.map((m) => [m.code, m]));
  return (
    <section aria-labelledby="flags-results-heading">
      <h2 id="flags-results-heading">Results{run.buyer ? ` for ${run.buyer}` : " for all buyers"}</h2>
      <ul className="flags-counts">
        <li>
          <strong>{formatCount(run.processes)}</strong> processes compiled from {formatCount(run.releases)}{" "}
          releases
        </li>
        {GROUP_ORDER.map((g) => (
          <li key={g}>
            <strong>{formatCount(run.counts[g])}</strong> {GROUP_LABELS[g].toLowerCase()}
          </li>
        ))}
      </ul>
      <p className="muted">
        Indicators run: {run.indicators.map((m) => m.code).join(", ") || "none"} (
        {run.settings === "default" ? "their defaults" : "the settings supplied"}). {run.period}. At most{" "}
        {formatCount(run.maxReleases)} releases per run; larger stores are run with{" "}
        <code>nous flags indicators</code>. Amounts are as published, in {run.currency ?? "the main currency"}
        .
      </p>
      <p className="flags-downloads">
        To check this result with Cardinal or <code>nous flags indicators</code>:{" "}
        <a href={compiledReleasesHref(run.buyer)} download>
          the compiled releases (JSON Lines)
        </a>{" "}
        ·{" "}
        <a
          href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(run.cardinal))}`}
          download="flags-cardinal.json"
        >
          this result in Cardinal's format (JSON)
        </a>
      </p>
      {GROUP_ORDER.map((g) => (
        <div key={g} data-group={g}>
          <h3>{GROUP_LABELS[g]}</h3>
          <Table
            caption={GROUP_LABELS[g]}
            captionHidden
            rowKey={(e) => e.id}
            rows={run.groups[g]}
            empty="None flagged."
            filterable
            rowName={ROW_NAMES[g]}
            columns={[
              {
                key: "id",
                header: ID_HEADERS[g],
                sortValue: (e) => e.name ?? e.id,
                cell: (e) => (
                  <>
                    <div>{e.name ?? e.id}</div>
                    {e.name ? <div className="muted nowrap">{e.id}</div> : null}
                    {e.id.startsWith(DEMO_PREFIX) ? (
                      <DemoBadge note="a fictional process invented for the demo" />
                    ) : null}
                  </>
                ),
              },
              {
                key: "flags",
                header: "Flags (open one for its explanation)",
                sortValue: (e) => e.flags.length,
                cell: (e) => <FlagList flags={e.flags} meta={meta} />,
              },
            ]}
          />
        </div>
      ))}
    </section>
  );
}

export function FlagsPage() {
  usePageTitle("Red flags");
  const location = useLocation();
  const chosen = queryParam(location, "buyer");
  const ran = queryParam(location, "run") === "1";
  const [settings, setSettings] = useState("");
  const [applied, setApplied] = useState("");
  const [buyer, setBuyer] = useState(chosen ?? "");
  const buyers = useApi(() => flagsApi.buyers(), "flag-buyers");
  const indicators = useApi(() => flagsApi.indicators(), "flag-indicators");
  const runKey = `${chosen ?? ALL}\u0000${applied}`;
  const run = useApi(
    ran ? () => flagsApi.run({ buyer: chosen ?? undefined, settings: applied || undefined }) : null,
    runKey,
  );

  function submit(e: FormEvent): void {
    e.preventDefault();
    setApplied(settings);
    const p = new URLSearchParams();
    if (buyer) p.set("buyer", buyer);
    p.set("run", "1");
    navigate(`/flags?${p.toString()}`);
  }

  return (
    <>
      <FlagsStyles />
      <h1>Red flags</h1>
      <p className="lead">
        Procurement red flags on the published contracting data nous holds: each process is compiled from its
        OCDS releases and checked by Cardinal-compatible indicators (single bid, short submission period,
        disqualified lowest bid, identical or heavily discounted bids, shared addresses, direct awards...).
      </p>
      <FlagsNotice detail="A pattern that often goes with corruption, collusion or weak competition is present; it says nothing about intent. Read the process before drawing any conclusion." />
      <form className="flags-form" onSubmit={submit} aria-label="Run the indicators">
        <div>
          <label htmlFor="flags-buyer">Buyer</label>
          <select id="flags-buyer" value={buyer} onChange={(e) => setBuyer(e.target.value)}>
            <option value="">{ALL}</option>
            {(buyers.data?.buyers ?? []).map((b) => (
              <option key={b.buyer} value={b.buyer}>
                {b.buyer} ({b.processes} processes)
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Run the indicators
        </button>
        <details>
          <summary>Use a settings file (Cardinal INI format)</summary>
          <label htmlFor="flags-settings">
            Settings: each <code>[Rxxx]</code> section enables that indicator; leave empty for every indicator
            with its defaults
          </label>
          <textarea
            id="flags-settings"
            value={settings}
            onChange={(e) => setSettings(e.target.value)}
            placeholder={"[R003]\nthreshold = 15\n\n[R018]"}
            spellCheck={false}
          />
        </details>
      </form>
      {buyers.error ? <ErrorPanel error={buyers.error} /> : null}
      {ran ? (
        run.error ? (
          <ErrorPanel error={run.error} title="The indicators could not run" />
        ) : run.loading || !run.data ? (
          <Loading what="Compiling the processes and running the indicators" />
        ) : (
          <Results run={run.data} />
        )
      ) : (
        <p className="muted">Choose a buyer and run the indicators.</p>
      )}
      <section aria-labelledby="flags-indicators-heading">
        <h2 id="flags-indicators-heading">The indicators</h2>
        {indicators.error ? <ErrorPanel error={indicators.error} /> : null}
        <Table
          caption="Indicators"
          captionHidden
          rowKey={(m) => m.code}
          rows={indicators.data?.indicators ?? []}
          empty="Loading the indicators…"
          filterable
          rowName={{ one: "indicator", other: "indicators" }}
          columns={[
            {
              key: "code",
              header: "Indicator",
              sortValue: (m) => m.code,
              cell: (m) => <Link to={`/flags/indicators/${m.code}`}>{`${m.code} ${m.name}`}</Link>,
            },
            { key: "def", header: "Definition", cell: (m) => m.definition },
          ]}
        />
      </section>
    </>
  );
}
