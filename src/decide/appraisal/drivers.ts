/**
 * Drivers of an appraisal: the things a committee may doubt. Each is a block of present value
 * that scales together: one cost or benefit category of one option ("outsource: opex"), or a
 * named uncertain input that may appear in several options. NPV is linear in every driver, so
 * NPV_i(f) = base NPV_i + (f - 1) x driverPV_i, which switching values and sensitivity use.
 */
import { discountFactors } from "./discount.ts";
import { lastYear, cashflowWeights } from "./appraise.ts";
import type { AppraisalInput } from "./types.ts";

export interface AppraisalDriver {
  id: string;
  label: string;
  kind: "category" | "input";
  /** Present value (pounds, at the stated amounts) that scales with this driver, per option. */
  pv: Float64Array;
}

export function appraisalDrivers(input: AppraisalInput): AppraisalDriver[] {
  const dfs = discountFactors(input.discounting, lastYear(input.options));
  const n = input.options.length;
  const byCategory = new Map<string, AppraisalDriver>();
  const byInput = new Map<string, AppraisalDriver>();
  input.options.forEach((option, i) => {
    const w = cashflowWeights(option, dfs);
    option.cashflows.forEach((cf, j) => {
      const pv = cf.amount * w[j]!;
      const cid = `${option.id}:${cf.category}`;
      let d = byCategory.get(cid);
      if (!d) {
        d = { id: cid, label: `${option.id}: ${cf.category}`, kind: "category", pv: new Float64Array(n) };
        byCategory.set(cid, d);
      }
      d.pv[i]! += pv;
      if (cf.input !== undefined) {
        const iid = `input:${cf.input}`;
        let di = byInput.get(iid);
        if (!di) {
          di = { id: iid, label: `input ${cf.input}`, kind: "input", pv: new Float64Array(n) };
          byInput.set(iid, di);
        }
        di.pv[i]! += pv;
      }
    });
  });
  const nonZero = (d: AppraisalDriver) => d.pv.some((v) => v !== 0);
  return [...byCategory.values(), ...byInput.values()].filter(nonZero);
}
