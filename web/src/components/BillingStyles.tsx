/** Styles of the billing pages, scoped by the `billing-` prefix (rendered once per page). */
import { formatGBP } from "../../../src/shared/money.ts";

const CSS = `
.billing-filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; margin: 1rem 0; padding: 0.75rem 1rem; background: var(--bg-alt); }
.billing-filters > * { min-width: 0; max-width: 100%; }
.billing-filters label { display: block; font-weight: 700; font-size: 0.9rem; }
.billing-filters select, .billing-filters input, .billing-form select, .billing-form input[type="text"], .billing-form input:not([type]) { font: inherit; padding: 0.3rem 0.4rem; border: 2px solid var(--text); min-width: 9rem; max-width: 100%; }
.billing-state { display: inline-block; padding: 0 0.4rem; font-size: 0.85rem; font-weight: 700; border-radius: var(--radius); border: 1px solid currentColor; }
.billing-state--open { color: var(--red); }
.billing-state--disputed { color: #a34100; }
.billing-state--recovered { color: var(--green); }
.billing-state--accepted { color: var(--muted); }
.billing-pager { display: flex; gap: 1rem; align-items: center; margin: 0.75rem 0; }
.billing-bar { display: flex; height: 1.25rem; width: 100%; max-width: 40rem; border: 1px solid var(--border); margin: 0.5rem 0 0.25rem; }
.billing-bar > span { display: block; height: 100%; }
.billing-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9rem; padding: 0; list-style: none; }
.billing-legend i { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.05rem; }
.billing-chart { position: relative; margin: 1rem 0; border-left: 1px solid var(--border); border-right: 1px solid var(--border); }
.billing-chart__row { position: relative; height: 1.9rem; border-bottom: 1px dashed var(--border-light); }
.billing-chart__label { position: absolute; left: 0.25rem; top: 0.05rem; font-size: 0.8rem; color: var(--muted); white-space: nowrap; z-index: 1; }
.billing-chart__bar { position: absolute; top: 0.95rem; height: 0.7rem; border-radius: 2px; }
.billing-chart__mark { position: absolute; top: 0.8rem; width: 3px; height: 1rem; }
.billing-chart__axis { display: flex; justify-content: space-between; font-size: 0.8rem; color: var(--muted); }
.billing-actions { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); margin: 1rem 0; }
.billing-actions form { padding: 0.75rem 1rem; border: 1px solid var(--border); }
.billing-actions h3 { margin-top: 0; }
.billing-form .form__group input, .billing-actions input { width: 100%; }
.billing-ok { padding: 0.75rem 1rem; border-left: 5px solid var(--green); background: #eef7f1; }
`;

export function BillingStyles() {
  return <style>{CSS}</style>;
}

export const STATE_COLOURS: Record<string, string> = {
  open: "#d4351c",
  disputed: "#f47738",
  accepted: "#b1b4b6",
  recovered: "#00703c",
};

export function StateTag({ state }: { state: string }) {
  return <span className={`billing-state billing-state--${state}`}>{state}</span>;
}

/** Money to the penny: billing amounts are small and every penny is accounted for. */
export function Pence({ pence }: { pence: number }) {
  return (
    <data className="money" value={String(pence)}>
      {formatGBP(pence, 2)}
    </data>
  );
}
