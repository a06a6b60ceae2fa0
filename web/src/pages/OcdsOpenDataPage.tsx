/**
 * `/open-data`: the Open Contracting data nous publishes. Counts, the export (a release package
 * of every release held), and for commercial staff and administrators an import of a release
 * package, validated against OCDS 1.1.5 before anything is stored.
 */
import { type FormEvent, useState } from "react";
import { type ImportSummary, ocdsApi, releasesOfText } from "../api-ocds.ts";
import { useAuth } from "../auth.tsx";
import { OcdsStyles } from "../components/OcdsStyles.tsx";
import { ErrorPanel, Loading } from "../components/Status.tsx";
import { Facts } from "../components/Facts.tsx";
import { formatCount } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { ApiError } from "../api.ts";
import { usePageTitle } from "./title.ts";

const IMPORTERS = ["admin", "commercial"];

function ImportForm({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setError(null);
    if (!file) return setError("Choose a release package (JSON) or JSON Lines file.");
    if (!reason.trim()) return setError("Say why you are importing (kept in the audit trail).");
    setBusy(true);
    try {
      const releases = releasesOfText(await file.text());
      setResult(await ocdsApi.importReleases(releases, reason.trim()));
      onDone();
    } catch (err) {
      const where =
        err instanceof ApiError && err.details && typeof err.details === "object" && "path" in err.details
          ? `${String((err.details as { path: unknown }).path)}: `
          : "";
      setError(`${file.name}: ${where}${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import releases</h2>
      <p className="muted">
        A release package, a single release, or JSON Lines of either. Every release is validated against OCDS
        1.1.5 first: on any error nothing is stored. Releases already held are left as they are.
      </p>
      <form className="ocds-form" onSubmit={submit} aria-label="Import releases">
        <div>
          <label htmlFor="ocds-file">File</label>
          <input
            id="ocds-file"
            type="file"
            accept=".json,.jsonl,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div>
          <label htmlFor="ocds-reason">Reason</label>
          <input id="ocds-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          Import
        </button>
      </form>
      {result ? (
        <p className="ocds-ok" role="status">
          {formatCount(result.received)} releases received: {formatCount(result.inserted)} added,{" "}
          {formatCount(result.unchanged)} already held.
        </p>
      ) : null}
      {error ? (
        <p className="ocds-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

export function OcdsOpenDataPage() {
  usePageTitle("Open data");
  const { me } = useAuth();
  const invalidate = useInvalidate();
  const { data, error, loading } = useApi(() => ocdsApi.quality(), "ocds-open-data");
  return (
    <>
      <OcdsStyles />
      <h1>Open data</h1>
      <p className="lead">
        Every Open Contracting (OCDS 1.1) release nous holds, including the Procurement Act notices published
        from contract pages, for anyone to download and reuse.
      </p>
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Counting the releases" /> : null}
      {data ? (
        <Facts
          label="Releases held"
          facts={[
            { label: "Releases", value: formatCount(data.releases) },
            { label: "Contracting processes", value: formatCount(data.compiledReleases) },
            { label: "Processes passing every quality check", value: formatCount(data.coherent) },
          ]}
        />
      ) : null}
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Download</h2>
        <p>
          <a className="button" href="/api/ocds/releases" download="nous-releases.json">
            Download the release package (JSON)
          </a>
        </p>
        <p className="muted">
          Filter with <code>?ocid=</code> or <code>?since=YYYY-MM-DD</code>. From the command line:{" "}
          <code>nous ocds export --output releases.json</code>. See also the{" "}
          <Link to="/data-quality">data quality</Link> of these releases.
        </p>
      </section>
      {IMPORTERS.includes(me.role) ? <ImportForm onDone={() => void invalidate("ocds-")} /> : null}
    </>
  );
}
