/**
 * How a red flag is shown wherever it appears: the "lead, never a verdict" notice, and each flag
 * as an expandable item with its definition, the values that tripped it, the threshold and where
 * it came from (settings, default, or a fence computed from the quartiles), and why it is a risk.
 */
import type { ExplainedFlag, IndicatorMeta } from "../api-flags.ts";
import { Link } from "../router.tsx";

const CSS = `
.flags-notice { margin: 1rem 0; padding: 0.75rem 1rem; border-left: 5px solid #f47738; background: #fef4ec; font-weight: 700; }
.flags-notice p { margin: 0.2rem 0; }
.flags-notice small { font-weight: 400; }
.flags-form { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; margin: 1rem 0; padding: 0.75rem 1rem; background: var(--bg-alt); }
.flags-form label { display: block; font-weight: 700; font-size: 0.9rem; }
.flags-form > * { min-width: 0; max-width: 100%; }
.flags-form select { font: inherit; padding: 0.3rem 0.4rem; border: 2px solid var(--text); min-width: min(18rem, 100%); max-width: 100%; }
.flags-form textarea { font-family: monospace; font-size: 0.85rem; width: 100%; min-width: min(24rem, 100%); min-height: 7rem; border: 2px solid var(--text); }
.flags-form details { flex-basis: 100%; }
.flags-list { list-style: none; padding: 0; margin: 0; }
.flags-list > li { margin: 0.15rem 0; }
.flags-flag summary { cursor: pointer; }
.flags-flag summary strong { margin-right: 0.3rem; }
.flags-flag[open] { padding: 0.25rem 0.5rem 0.5rem; border-left: 3px solid #f47738; background: #fffaf5; }
.flags-flag dl { margin: 0.4rem 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; max-width: 60rem; }
.flags-flag dt { font-weight: 700; }
.flags-flag dd { margin: 0; }
.flags-values { margin: 0; padding-left: 1rem; }
.flags-code { font-family: monospace; font-weight: 700; }
.flags-counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; }
.flags-counts strong { font-size: 1.5rem; display: block; }
`;

export function FlagsStyles() {
  return <style>{CSS}</style>;
}

export const NEVER_A_VERDICT = "A flag is a lead for a closer look, never a verdict";

export function FlagsNotice({ detail }: { detail?: string }) {
  return (
    <div className="flags-notice" role="note" aria-label="About red flags">
      <p>{NEVER_A_VERDICT}.</p>
      {detail ? (
        <p>
          <small>{detail}</small>
        </p>
      ) : null}
    </div>
  );
}

/** Indicators whose values are ratios, shown also as percentages. */
const RATIOS = new Set(["R024", "R025", "R038", "R058"]);

export function formatNumber(code: string, n: number): string {
  const plain = Number.isInteger(n)
    ? n.toLocaleString("en-GB")
    : n.toLocaleString("en-GB", { maximumFractionDigits: 4 });
  return RATIOS.has(code) && !Number.isInteger(n) ? `${plain} (${(n * 100).toFixed(1)}%)` : plain;
}

const SOURCE_LABELS: Record<string, string> = {
  settings: "from the settings supplied",
  default: "the indicator's default",
  quartiles: "a fence computed from the quartiles of all processes in this run",
};

const COMPARISON_WORDS: Record<string, string> = {
  "<": "below",
  "<=": "at or below",
  ">=": "at or above",
  "=": "equal to",
  ">": "after",
};

function showValue(v: unknown): string {
  if (typeof v === "number") return v.toLocaleString("en-GB", { maximumFractionDigits: 4 });
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** One-line reading of a flag: what was measured against what. */
export function flagLine(f: ExplainedFlag): string {
  if (f.threshold === undefined || f.comparison === undefined)
    return `value ${formatNumber(f.code, f.value)}`;
  const measured = f.measured ?? f.value;
  return `${formatNumber(f.code, measured)} ${f.comparison} threshold ${formatNumber(f.code, f.threshold)}`;
}

export function FlagItem({ flag, meta }: { flag: ExplainedFlag; meta?: IndicatorMeta }) {
  const values = Object.entries(flag.values ?? {}).filter(([k]) => k !== "ocid");
  return (
    <details className="flags-flag">
      <summary>
        <span className="flags-code">{flag.code}</span> <strong>{flag.name}</strong>
        <span className="muted">{flagLine(flag)}</span>
      </summary>
      <dl>
        <dt>Definition</dt>
        <dd>{meta?.definition ?? "—"}</dd>
        <dt>Values that tripped it</dt>
        <dd>
          {values.length === 0 ? (
            `value ${formatNumber(flag.code, flag.value)}`
          ) : (
            <ul className="flags-values">
              {values.map(([k, v]) => (
                <li key={k}>
                  {k}: {showValue(v)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Threshold</dt>
        <dd>
          {flag.threshold === undefined ? (
            "the pattern itself (no numeric threshold)"
          ) : (
            <>
              {COMPARISON_WORDS[flag.comparison ?? ""] ?? flag.comparison}{" "}
              <strong>{formatNumber(flag.code, flag.threshold)}</strong>
              {flag.thresholdSource ? `: ${SOURCE_LABELS[flag.thresholdSource]}` : ""}
              {flag.quartiles ? (
                <>
                  {" "}
                  (
                  {Object.entries(flag.quartiles)
                    .map(([k, v]) => `${k} ${formatNumber(flag.code, v)}`)
                    .join(", ")}
                  )
                </>
              ) : null}
            </>
          )}
        </dd>
        <dt>Why it is a risk</dt>
        <dd>{meta?.risk ?? "—"}</dd>
        <dt>Method</dt>
        <dd>
          <Link to={`/flags/indicators/${flag.code}`}>How {flag.code} is calculated</Link>
        </dd>
      </dl>
    </details>
  );
}

export function FlagList({ flags, meta }: { flags: ExplainedFlag[]; meta: Map<string, IndicatorMeta> }) {
  return (
    <ul className="flags-list">
      {flags.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one entity may carry the same indicator twice (once per process).
        <li key={`${f.code}-${i}`}>
          <FlagItem flag={f} meta={meta.get(f.code)} />
        </li>
      ))}
    </ul>
  );
}
