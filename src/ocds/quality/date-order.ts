/**
 * Dates in order from tender to contract: a tender is published before its award is decided,
 * and an award is decided before the contract that follows it is signed. An award dated
 * before the tender opened, or a contract signed before its award, means wrong dates or a
 * process run out of order (a direct award dressed up as a competition).
 */
import { isObject, type JsonObject } from "../types.ts";
import { instant, objects, ocidOf, type QualityCheck, type QualityFinding } from "./check.ts";

export const dateOrder: QualityCheck = {
  id: "date-order",
  family: "quality",
  name: "Dates in order from tender to contract",
  detects: "An award dated before its tender was published, or a contract signed before its award was decided.",
  whyItMatters: "Dates out of order mean wrong data or a process run out of order, such as a direct award presented as a competition.",
  run(release: JsonObject) {
    const out: QualityFinding[] = [];
    const ocid = ocidOf(release);
    const tender = isObject(release.tender) ? release.tender : {};
    const tp = isObject(tender.tenderPeriod) ? tender.tenderPeriod : {};
    const tenderStart = instant(tp.startDate) ?? instant(tender.datePublished);
    const tenderLabel = instant(tp.startDate) !== null ? "tender period start" : "tender publication";
    const awardDates = new Map<string, number>();
    objects(release.awards).forEach((a, i) => {
      const d = instant(a.date);
      if (d === null) return;
      awardDates.set(String(a.id), d);
      if (tenderStart !== null && d < tenderStart) {
        out.push({
          ocid,
          path: `$.awards[${i}].date`,
          message: `award date ${String(a.date)} is before the ${tenderLabel}`,
        });
      }
    });
    objects(release.contracts).forEach((c, i) => {
      const signed = instant(c.dateSigned);
      if (signed === null) return;
      const award = awardDates.get(String(c.awardID));
      if (award !== undefined && signed < award) {
        out.push({
          ocid,
          path: `$.contracts[${i}].dateSigned`,
          message: `contract signed ${String(c.dateSigned)}, before its award ${String(c.awardID)} was decided`,
        });
      } else if (award === undefined && tenderStart !== null && signed < tenderStart) {
        out.push({
          ocid,
          path: `$.contracts[${i}].dateSigned`,
          message: `contract signed ${String(c.dateSigned)}, before the ${tenderLabel}`,
        });
      }
    });
    return out;
  },
};
