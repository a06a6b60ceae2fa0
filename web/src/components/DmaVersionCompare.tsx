/**
 * The versions of a delivery model assessment (drafts and published, oldest first, each with its
 * author, time and reason) and two of them side by side: each input that changed (criteria,
 * weights, scores and evidence, how an option would come back in-house), then what it did to each
 * option's weighted score, whether the recommended model moved, and the findings the change raised
 * or cleared. The server compares (src/decide/dma/compare.ts), as VersionCompare does for a case.
 */
import { useState } from "react";
import { compareDmaVersions, dmaVersions } from "../../../src/contract/decide-drafts.ts";
import { call } from "../client.ts";
import { useApi } from "../useApi.ts";
import { CaseStyles } from "./case-form/CaseStyles.tsx";
import { ErrorPanel, Loading } from "./Status.tsx";
import { ChangesTable, VersionsTable } from "./VersionParts.tsx";

const score = (x: number | null) => (x === null ? "—" : x.toFixed(2));
const signed = (x: number | null) => (x === null ? "—" : x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

/** The versions table with a comparison of each version against the one before. */
export function DmaVersions({ id, names }: { id: string; names: Map<string, string> }) {
  const versions = useApi(() => call(dmaVersions.listVersions, { params: { id } }), `dma-versions:${id}`);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const list = versions.data ?? [];
  if (versions.error) return <ErrorPanel error={versions.error} />;
  if (list.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="dma-versions-heading">
      <CaseStyles />
      <h2 id="dma-versions-heading">Versions</h2>
      <VersionsTable
        versions={list}
        of="this assessment"
        testId="dma-versions"
        onCompare={(from, to) => setCompare({ from, to })}
      />
      {compare ? <DmaVersionCompare id={id} from={compare.from} to={compare.to} names={names} /> : null}
    </section>
  );
}

export function DmaVersionCompare({
  id,
  from,
  to,
  names,
}: {
  id: string;
  from: number;
  to: number;
  names: Map<string, string>;
}) {
  const { data, error, loading } = useApi(
    () => call(compareDmaVersions, { params: { id }, query: { from, to } }),
    `dma-compare:${id}:${from}:${to}`,
  );
  const name = (o: string | null) => (o === null ? "no option" : (names.get(o) ?? o));
  return (
    <section
      aria-labelledby="dma-compare-heading"
      className="case-section case-compare"
      data-testid="dma-compare"
    >
      <h3 id="dma-compare-heading">
        Version {from} compared with version {to}
      </h3>
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Comparing the versions" /> : null}
      {data ? (
        <>
          <p className="case-result__headline" data-testid="dma-compare-recommendation">
            {data.recommended.changed
              ? `The recommendation changed: ${name(data.recommended.before)} before, ${name(data.recommended.after)} now.`
              : `The recommendation is unchanged: ${name(data.recommended.after)}.`}
          </p>
          <ChangesTable
            changes={data.changes}
            from={from}
            to={to}
            testId="dma-compare-changes"
            same="the two versions hold the same assessment"
          />
          <div className="table-wrap">
            <table data-testid="dma-compare-scores">
              <caption>What it did to the weighted scores</caption>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col" className="numeric">
                    Version {from}
                  </th>
                  <th scope="col" className="numeric">
                    Version {to}
                  </th>
                  <th scope="col" className="numeric">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.weighted.map((w) => (
                  <tr key={w.option} data-option={w.option}>
                    <th scope="row">{name(w.option)}</th>
                    <td className="numeric">{score(w.before)}</td>
                    <td className="numeric">{score(w.after)}</td>
                    <td
                      className={`numeric ${(w.change ?? 0) < 0 ? "case-change--worse" : (w.change ?? 0) > 0 ? "case-change--better" : ""}`}
                    >
                      {signed(w.change)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.findings.raised.length || data.findings.cleared.length ? (
            <ul aria-label="Findings the change raised or cleared" data-testid="dma-compare-findings">
              {data.findings.raised.map((f) => (
                <li key={`r-${f.code}-${f.path}-${f.message}`}>
                  <strong>Raised{f.severity === "error" ? " (error)" : ""}:</strong> {f.message}
                </li>
              ))}
              {data.findings.cleared.map((f) => (
                <li key={`c-${f.code}-${f.path}-${f.message}`}>
                  <strong>Cleared:</strong> {f.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">The engine's findings are the same in both versions.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
