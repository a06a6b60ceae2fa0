/**
 * The two tables every version history shows, for an appraisal case and a delivery model
 * assessment alike: the versions (oldest first, each with its author, time and reason, and a
 * button comparing it with the one before) and what changed between two versions, a value shown
 * as money when it reads as pounds.
 */
import { pence } from "../api-decide.ts";
import { formatTimestamp, moneyFull } from "../format.ts";

export interface VersionRow {
  version: number;
  status: string;
  author: string;
  createdAt: string;
  note: string;
}

export interface ChangeRow {
  where: string;
  before: string | null;
  after: string | null;
}

/** A value in a change: money when it reads as pounds (£-1800000.00), as given otherwise. */
export function shownValue(v: string | null): string {
  if (v === null) return "—";
  const p = /^£-?\d+\.\d\d$/.test(v) ? pence(v.slice(1)) : null;
  return p === null ? v : moneyFull(p);
}

export function VersionsTable({
  versions,
  of,
  testId,
  onCompare,
}: {
  versions: readonly VersionRow[];
  /** What the versions are of, for the caption: "this case". */
  of: string;
  testId: string;
  onCompare: (from: number, to: number) => void;
}) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="visually-hidden">Versions of {of}, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">By</th>
            <th scope="col">Saved</th>
            <th scope="col">Reason</th>
            <th scope="col">Compare</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v, i) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{v.status}</td>
              <td>{v.author}</td>
              <td>{formatTimestamp(v.createdAt)}</td>
              <td>{v.note}</td>
              <td>
                {i > 0 ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => onCompare(versions[i - 1]!.version, v.version)}
                  >
                    Compare version {v.version} with version {versions[i - 1]!.version}
                  </button>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChangesTable({
  changes,
  from,
  to,
  testId,
  same,
}: {
  changes: readonly ChangeRow[];
  from: number;
  to: number;
  testId: string;
  /** Said when nothing changed: "the two versions hold the same case". */
  same: string;
}) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption>What changed ({changes.length})</caption>
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Version {from}</th>
            <th scope="col">Version {to}</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 ? (
            <tr>
              <td colSpan={3}>Nothing: {same}.</td>
            </tr>
          ) : (
            changes.map((c) => (
              <tr key={c.where}>
                <th scope="row">{c.where}</th>
                <td>{shownValue(c.before)}</td>
                <td>{shownValue(c.after)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
