/**
 * The appraisal's result before saving: each option's NPV, the preferred option (the
 * recommendation) and the probability of meeting the savings target, computed by the server's
 * preview (nothing stored) a moment after the case stops changing and has no problems. Problems
 * with what was typed are listed above it, each in the form's words and linked to its box.
 */
import { useEffect, useRef, useState } from "react";
import { previewAppraisal } from "../../../../src/contract/decide-drafts.ts";
import { ApiError } from "../../api.ts";
import { type AppraisalResult, pence } from "../../api-decide.ts";
import { call } from "../../client.ts";
import { moneyFull } from "../../format.ts";
import type { Problem } from "./model.ts";

const percent = (p: number | null | undefined) => (p === null || p === undefined ? "—" : `${(p * 100).toFixed(1)}%`);

export function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="case-problems" data-testid="case-problems">
      <h2 id="case-problems-heading">To put right before the result can be computed</h2>
      <ul>
        {problems.slice(0, 20).map((p, i) => (
          <li key={`${p.field}:${p.message}`} id={`case-problem-${i}`}>
            {p.field ? <a href={`#${p.field}`}>{p.message}</a> : p.message}
          </li>
        ))}
      </ul>
      {problems.length > 20 ? <p>and {problems.length - 20} more.</p> : null}
    </div>
  );
}

export function usePreview(document: Record<string, unknown>, ready: boolean) {
  const [result, setResult] = useState<{ iterations: number; result: AppraisalResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const text = JSON.stringify(document);
  useEffect(() => {
    if (!ready) return;
    const n = ++latest.current;
    const timer = setTimeout(async () => {
      setBusy(true);
      try {
        const r = await call(previewAppraisal, { body: { document: JSON.parse(text) as Record<string, unknown> } });
        if (n === latest.current) {
          setResult(r);
          setError(null);
        }
      } catch (e) {
        if (n === latest.current) setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      } finally {
        if (n === latest.current) setBusy(false);
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [text, ready]);
  return { result: ready ? result : null, error: ready ? error : null, busy };
}

export function ResultPreview({
  preview,
  names,
}: {
  preview: ReturnType<typeof usePreview>;
  names: Map<string, string>;
}) {
  const r = preview.result?.result;
  const name = (id: string) => names.get(id) ?? id;
  const mc = new Map((r?.monteCarlo?.options ?? []).map((o) => [o.id, o]));
  const preferred = r ? r.options.find((o) => o.id === r.preferred) : undefined;
  return (
    <section className="case-result" aria-labelledby="case-result-heading" data-testid="case-result">
      <h2 id="case-result-heading">Result (not saved yet)</h2>
      <p className="muted" aria-live="polite">
        {preview.busy ? "Computing…" : r ? `Computed with ${preview.result?.iterations.toLocaleString("en-GB")} Monte Carlo iterations.` : "The result appears here when the case is complete."}
      </p>
      {preview.error ? (
        <div className="error-panel" role="alert">
          <p>{preview.error}</p>
        </div>
      ) : null}
      {r && preferred ? (
        <>
          <p className="case-result__headline" data-testid="case-recommendation">
            Recommended: <strong>{name(r.preferred)}</strong>, NPV <strong>{moneyFull(pence(preferred.npv) ?? 0)}</strong>
            {r.savingsTarget && mc.get(r.preferred)?.probabilityMeetsTarget !== null && mc.get(r.preferred) ? (
              <>
                ; probability of meeting the savings target{" "}
                <strong data-testid="case-probability">{percent(mc.get(r.preferred)?.probabilityMeetsTarget)}</strong>
              </>
            ) : null}
          </p>
          <div className="table-wrap">
            <table>
              <caption>Each option's result</caption>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col" className="numeric">
                    NPV
                  </th>
                  <th scope="col" className="numeric">
                    Savings against the baseline
                  </th>
                  <th scope="col" className="numeric">
                    Probability of meeting the target
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.options.map((o) => (
                  <tr key={o.id} data-option={o.id}>
                    <th scope="row">{name(o.id)}</th>
                    <td className="numeric" data-testid={`npv-${o.id}`}>
                      {moneyFull(pence(o.npv) ?? 0)}
                    </td>
                    <td className="numeric">
                      {(r.savingsTarget?.basis === "pv" ? o.pvSavings : o.cashSavings) === null
                        ? "—"
                        : moneyFull(pence(r.savingsTarget?.basis === "pv" ? o.pvSavings : o.cashSavings) ?? 0)}
                    </td>
                    <td className="numeric">{percent(mc.get(o.id)?.probabilityMeetsTarget)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
