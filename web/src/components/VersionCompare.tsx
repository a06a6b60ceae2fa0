/**
 * Two versions of an appraisal case side by side: each input that changed (an option's cost in a
 * year, the target, optimism bias, an uncertain input), then what it did to each option's NPV, to
 * the probability of meeting the savings target, and whether the recommendation moved. The server
 * compares (src/decide/case/compare.ts) and computes both results.
 */
import { compareAppraisalVersions } from "../../../src/contract/decide-drafts.ts";
import { pence } from "../api-decide.ts";
import { call } from "../client.ts";
import { moneyFull } from "../format.ts";
import { useApi } from "../useApi.ts";
import { ErrorPanel, Loading } from "./Status.tsx";
import { ChangesTable } from "./VersionParts.tsx";

const money = (decimal: string | null) => {
  if (decimal === null) return "—";
  const p = pence(decimal.replace(/^£/, ""));
  return p === null ? decimal : moneyFull(p);
};
const signed = (decimal: string | null) => {
  if (decimal === null) return "—";
  const p = pence(decimal) ?? 0;
  return p > 0 ? `+${moneyFull(p)}` : moneyFull(p);
};
const percent = (p: number | null) => (p === null ? "—" : `${(p * 100).toFixed(1)}%`);

export function VersionCompare({
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
    () => call(compareAppraisalVersions, { params: { id }, query: { from, to } }),
    `decide-compare:${id}:${from}:${to}`,
  );
  const name = (o: string) => names.get(o) ?? o;
  return (
    <section
      aria-labelledby="compare-heading"
      className="case-section case-compare"
      data-testid="version-compare"
    >
      <h2 id="compare-heading">
        Version {from} compared with version {to}
      </h2>
      {error ? <ErrorPanel error={error} /> : null}
      {loading && !data ? <Loading what="Comparing the versions" /> : null}
      {data ? (
        <>
          <p className="case-result__headline" data-testid="compare-recommendation">
            {data.preferred.changed
              ? `The recommendation changed: ${name(data.preferred.before)} before, ${name(data.preferred.after)} now.`
              : `The recommendation is unchanged: ${name(data.preferred.after)}.`}
          </p>
          <ChangesTable
            changes={data.changes}
            from={from}
            to={to}
            testId="compare-changes"
            same="the two versions hold the same case"
          />
          <div className="table-wrap">
            <table data-testid="compare-npv">
              <caption>What it did to the result</caption>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col" className="numeric">
                    NPV, version {from}
                  </th>
                  <th scope="col" className="numeric">
                    NPV, version {to}
                  </th>
                  <th scope="col" className="numeric">
                    Change in NPV
                  </th>
                  <th scope="col" className="numeric">
                    Probability of meeting the target, {from} → {to}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.npv.map((n) => {
                  const p = data.probabilityMeetsTarget.find((x) => x.option === n.option);
                  const change = pence(n.change) ?? 0;
                  return (
                    <tr key={n.option} data-option={n.option}>
                      <th scope="row">{name(n.option)}</th>
                      <td className="numeric">{money(n.before)}</td>
                      <td className="numeric">{money(n.after)}</td>
                      <td
                        className={`numeric ${change < 0 ? "case-change--worse" : change > 0 ? "case-change--better" : ""}`}
                        data-testid={`npv-change-${n.option}`}
                      >
                        {signed(n.change)}
                      </td>
                      <td className="numeric">
                        {percent(p?.before ?? null)} → {percent(p?.after ?? null)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Both results computed with {data.iterations.toLocaleString("en-GB")} Monte Carlo iterations.
          </p>
        </>
      ) : null}
    </section>
  );
}
