/**
 * Period start before end: every OCDS Period (tender, enquiry, award and contract periods,
 * budget periods, the contract's own period) must not end before it starts. A period that
 * runs backwards is a typing error that breaks every duration, deadline and overlap measure
 * computed from it (bid windows, contract length, the accountability horizon).
 */
import { isObject, type Json, type JsonObject, pathKey } from "../types.ts";
import { instant, ocidOf, type QualityCheck, type QualityFinding } from "./check.ts";

function walk(v: Json, path: string, ocid: string, out: QualityFinding[]): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) walk(v[i]!, `${path}[${i}]`, ocid, out);
    return;
  }
  if (!isObject(v)) return;
  if ("startDate" in v && "endDate" in v) {
    const s = instant(v.startDate);
    const e = instant(v.endDate);
    if (s !== null && e !== null && e < s) {
      out.push({
        ocid,
        path,
        message: `period ends (${String(v.endDate)}) before it starts (${String(v.startDate)})`,
      });
    }
  }
  for (const [k, x] of Object.entries(v))
    if (typeof x === "object" && x !== null) walk(x, pathKey(path, k), ocid, out);
}

export const periodOrder: QualityCheck = {
  id: "period-order",
  family: "quality",
  name: "Period start before end",
  detects: "A Period (tender, enquiry, award, contract or budget period) whose end date is before its start date.",
  whyItMatters: "A period that runs backwards is a typing error that breaks every duration, deadline and overlap computed from it.",
  run(release: JsonObject) {
    const out: QualityFinding[] = [];
    walk(release, "$", ocidOf(release), out);
    return out;
  },
};
