/**
 * Contract value within 50-150% of its award's value: a contract signed for much less or much
 * more than was awarded suggests a unit error (pence for pounds, a missing zero), a value per
 * year against a total, or a change that should have been competed or published (UK10).
 * Contracts are matched to awards by `awardID`; values in different currencies are skipped.
 */
import type { JsonObject } from "../types.ts";
import { fmt, money, objects, ocidOf, type QualityCheck, type QualityFinding } from "./check.ts";

export const MIN_RATIO = 0.5;
export const MAX_RATIO = 1.5;

export const contractAwardValue: QualityCheck = {
  id: "contract-award-value",
  family: "quality",
  name: "Contract value within 50-150% of award value",
  detects: "A contract whose value is below 50% or above 150% of the value of the award it follows (matched by awardID, same currency only).",
  whyItMatters: "A contract far from its award's value points to a unit error, a yearly value against a total, or a change that should have been competed or published.",
  run(release: JsonObject) {
    const out: QualityFinding[] = [];
    const awards = new Map(objects(release.awards).map((a) => [String(a.id), a]));
    objects(release.contracts).forEach((c, i) => {
      const award = awards.get(String(c.awardID));
      const cv = money(c.value);
      const av = award ? money(award.value) : null;
      if (!cv || !av || av.minor <= 0 || cv.currency !== av.currency) return;
      const ratio = cv.minor / av.minor;
      if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
        out.push({
          ocid: ocidOf(release),
          path: `$.contracts[${i}].value.amount`,
          message: `contract value ${fmt(cv.minor, cv.currency)} is ${Math.round(ratio * 100)}% of award ${String(c.awardID)} (${fmt(av.minor, av.currency)}); expected 50-150%`,
        });
      }
    });
    return out;
  },
};
