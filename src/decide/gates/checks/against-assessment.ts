/**
 * A decision that goes against its own assessment: an approval records the option its assessment
 * recommended (the delivery model assessment's top option, say) and the option chosen, and they
 * differ. The Met's demo assessment ranks reforming the service in-house first while the award
 * went to the joint venture. Such a decision may be right, but it is the one a committee asks
 * about, so it is flagged and its reason expected.
 */
import type { Finding } from "../../finding.ts";
import type { GateCheck, GateCheckContext } from "../types.ts";

export function checkAgainstAssessment({ event, index, gate }: GateCheckContext): Finding[] {
  const { assessmentRecommends: recommended, optionChosen: chosen } = event;
  if (event.action !== "approve" || !recommended || !chosen || recommended === chosen) return [];
  const why = event.reason ? `; reason given: ${event.reason}` : "; no reason is recorded";
  return [
    {
      code: "G-AGAINST-ASSESSMENT",
      severity: "warning",
      path: `$.events[${index}].optionChosen`,
      message: `${gate.name} approved "${chosen}" although its own assessment recommends "${recommended}"${why}`,
    },
  ];
}

export const againstAssessment: GateCheck = {
  id: "G-AGAINST-ASSESSMENT",
  family: "gate",
  name: "Decision against its own assessment",
  detects: "An approval whose chosen option differs from the option its own assessment recommended.",
  whyItMatters:
    "A decision that overrides the organisation's own appraisal is the one a committee will ask about; it may be justified, but the reason must be on the record.",
  codes: ["G-AGAINST-ASSESSMENT"],
  check: checkAgainstAssessment,
};
