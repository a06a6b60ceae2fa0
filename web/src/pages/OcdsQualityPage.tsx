/**
 * `/data-quality`: how complete and coherent the OCDS releases nous holds are. Field coverage of
 * the compiled releases, and the five coherence checks, each with what it detects, why it
 * matters to an auditor, and every failing contracting process with the reason.
 */
import { type FormEvent, useState } from "react";
import { type CoverageRow, ocdsApi, type QualityCheck } from "../api-ocds.ts";
import { OcdsStyles } from "../components/OcdsStyles.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { type Column, Table } from "../components/Table.tsx";
import { formatCount } from "../format.ts";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const pct = (x: number) => `${(x * 100).toFixed(x === 1 || x === 0 ? 0 : 1)}%`;

const coverageColumns: Column<CoverageRow>[] = [
  { key: "path", header: "Field", cell: (r) => <code>{r.path}</code> },
  { key: "releases", header: "Processes with it", numeric: true, cell: (r) => formatCount(r.releases) },
  {
    key: "share",
    header: "Coverage",
    cell: (r) => (
      <>
        <span className="ocds-share" style={{ width: `${Math.round(r.share * 8)}rem` }} aria-hidden="true" />
        {pct(r.share)}
      </>
    ),
  },
];

function Check({ c }: { c: QualityCheck }) {
  const failed = c.failed > 0;
  return (
    <article className={`ocds-check${failed ? " ocds-check--failed" : ""}`} data-check={c.id}>
      <h3>
        {c.name}{" "}
        <span className="muted">
          (
          {failed
            ? `${formatCount(c.failed)} of ${formatCount(c.checked)} processes fail`
            : `all ${formatCount(c.checked)} pass`}
          )
        </span>
      </h3>
      <p>
        <strong>What it detects:</strong> {c.detects}
      </p>
      <p>
        <strong>Why it matters to an auditor:</strong> {c.matters}
      </p>
      {failed ? (
        <Table
          caption={`Failing processes: ${c.name}`}
          columns={[
            { key: "ocid", header: "Contracting process (ocid)", cell: (f) => <code>{f.ocid}</code> },
            { key: "path", header: "Where", cell: (f) => <code>{f.path}</code> },
            { key: "message", header: "Why", cell: (f) => f.message },
          ]}
          rows={c.findings}
          rowKey={(f) => `${f.ocid}|${f.path}|${f.message}`}
        />
      ) : null}
    </article>
  );
}

export function OcdsQualityPage() {
  usePageTitle("Data quality");
  const [buyer, setBuyer] = useState("");
  const [applied, setApplied] = useState("");
  const { data, error, loading } = useApi(
    () => ocdsApi.quality(applied || undefined),
    `ocds-quality:${applied}`,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(buyer.trim());
  };
  return (
    <>
      <OcdsStyles />
      <h1>Data quality</h1>
      <p className="lead">
        How complete and how coherent the Open Contracting releases nous publishes are. Releases are compiled
        per contracting process first, so each process counts once.
      </p>
      <form className="ocds-form" onSubmit={submit} aria-label="Choose a buyer">
        <div>
          <label htmlFor="ocds-buyer">Buyer (as in buyer.name; empty for all)</label>
          <input id="ocds-buyer" value={buyer} onChange={(e) => setBuyer(e.target.value)} />
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Compiling the releases and running the checks" /> : null}
      {data ? (
        <>
          <p>
            {formatCount(data.releases)} releases in {formatCount(data.compiledReleases)} contracting
            processes
            {data.buyer ? ` of ${data.buyer}` : ""}; {formatCount(data.coherent)} pass every check.
          </p>
          <section aria-labelledby="checks-heading">
            <h2 id="checks-heading">Coherence checks</h2>
            {data.checks.map((c) => (
              <Check key={c.id} c={c} />
            ))}
          </section>
          <section aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">Field coverage</h2>
            <p className="muted">
              Share of contracting processes in which each field is present and not empty. Low coverage of a
              field means analyses that rely on it see only part of the spending.
            </p>
            <Table
              caption="Field coverage of the compiled releases"
              columns={coverageColumns}
              rows={data.coverage}
              rowKey={(r) => r.path}
              empty="No releases held."
            />
          </section>
        </>
      ) : null}
    </>
  );
}
