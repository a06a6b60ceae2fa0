/**
 * Sensitivity (tornado) table: the NPV of one option when each driver alone is set to a low
 * and a high value, sorted by the width of the swing. It shows which assumptions the answer
 * hangs on. Low/high default to -20%/+20% of the stated value; callers may pass their own
 * factors per driver (e.g. the P10 and P90 of an uncertain input).
 */
import type { Appraisal } from "./appraise.ts";
import type { AppraisalDriver } from "./drivers.ts";

export interface TornadoRow {
  driver: string;
  label: string;
  lowFactor: number;
  highFactor: number;
  npvLow: number;
  npvHigh: number;
  /** |npvHigh - npvLow| */
  swing: number;
}

export interface TornadoOptions {
  /** Option whose NPV is shown; default the preferred option. */
  option?: string;
  /** Default relative change, 0.2 = +/-20%. */
  range?: number;
  /** Per-driver factors, overriding the default range. */
  factors?: Record<string, { low: number; high: number }>;
}

export function tornado(
  appraisal: Appraisal,
  drivers: AppraisalDriver[],
  opts: TornadoOptions = {},
): TornadoRow[] {
  const id = opts.option ?? appraisal.preferred;
  const i = appraisal.options.findIndex((o) => o.id === id);
  if (i < 0) throw new RangeError(`option "${id}" not found`);
  const base = appraisal.options[i]!.npv;
  const range = opts.range ?? 0.2;
  const rows: TornadoRow[] = [];
  for (const d of drivers) {
    const b = d.pv[i]!;
    if (b === 0) continue;
    const f = opts.factors?.[d.id] ?? { low: 1 - range, high: 1 + range };
    const npvLow = base + (f.low - 1) * b;
    const npvHigh = base + (f.high - 1) * b;
    rows.push({
      driver: d.id,
      label: d.label,
      lowFactor: f.low,
      highFactor: f.high,
      npvLow,
      npvHigh,
      swing: Math.abs(npvHigh - npvLow),
    });
  }
  return rows.sort((a, b) => b.swing - a.swing || a.driver.localeCompare(b.driver));
}
