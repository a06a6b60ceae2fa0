/**
 * UK10 contract change notice (Procurement Act 2023, s.75) and the rule on when one is needed.
 * A modification must be published when it changes the contract's value by more than 10%
 * (15% for a works contract) or its term by more than 10%; smaller changes need no notice.
 * Catching the threshold matters because a string of "small" changes is how a contract drifts
 * away from what was competed. As OCDS: a `contractAmendment` release with the contract's new
 * value and period and an amendment saying what changed and why.
 */
import { InputError } from "../../shared/errors.ts";
import type { JsonObject } from "../types.ts";
import { daysBetween, type Money, type NoticeContext, noticeDocument, releaseBase, value } from "./common.ts";

export interface ContractTerms {
  category: "goods" | "services" | "works";
  value: Money;
  period: { startDate: string; endDate: string };
}

export interface ChangeAssessment {
  required: boolean;
  /** Value change as a fraction of the original value (0.12 = 12%). */
  valueChange: number;
  termChange: number;
  valueThreshold: number;
  reasons: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Whether a change from `before` to `after` needs a contract change notice. */
export function changeNoticeRequired(
  before: ContractTerms,
  after: Pick<ContractTerms, "value" | "period">,
): ChangeAssessment {
  const valueThreshold = before.category === "works" ? 0.15 : 0.1;
  const valueChange =
    before.value.pence === 0
      ? after.value.pence === 0
        ? 0
        : Infinity
      : (after.value.pence - before.value.pence) / before.value.pence;
  const term = daysBetween(before.period.startDate, before.period.endDate);
  const newTerm = daysBetween(after.period.startDate, after.period.endDate);
  const termChange = term <= 0 ? (newTerm === term ? 0 : Infinity) : (newTerm - term) / term;
  const reasons: string[] = [];
  if (Math.abs(valueChange) > valueThreshold) {
    reasons.push(
      `value changes by ${pct(valueChange)}, more than ${pct(valueThreshold)}${before.category === "works" ? " (works)" : ""}`,
    );
  }
  if (Math.abs(termChange) > 0.1) reasons.push(`term changes by ${pct(termChange)}, more than 10.0%`);
  return { required: reasons.length > 0, valueChange, termChange, valueThreshold, reasons };
}

export interface ChangeInput {
  ctx: NoticeContext;
  contractId: string;
  /** The award the contract came from (OCDS requires it on every contract). */
  awardId: string;
  amendmentId: string;
  before: ContractTerms;
  after: Pick<ContractTerms, "value" | "period">;
  rationale: string;
  description: string;
  /** Publish even when the change is below the thresholds (a voluntary notice). */
  voluntary?: boolean;
}

export function uk10Change(input: ChangeInput): JsonObject {
  const assessment = changeNoticeRequired(input.before, input.after);
  if (!assessment.required && !input.voluntary) {
    throw new InputError(
      `no contract change notice is required: value changes by ${pct(assessment.valueChange)} and term by ${pct(assessment.termChange)}; set voluntary to publish one anyway`,
      { location: { path: "after" } },
    );
  }
  const r = releaseBase("UK10", ["contractAmendment"], input.ctx);
  r.contracts = [
    {
      id: input.contractId,
      awardID: input.awardId,
      period: {
        startDate: `${input.after.period.startDate}T00:00:00Z`,
        endDate: `${input.after.period.endDate}T23:59:59Z`,
      },
      value: value(input.after.value),
      amendments: [
        {
          id: input.amendmentId,
          date: input.ctx.date,
          rationale: input.rationale,
          description:
            input.description + (assessment.reasons.length ? ` (${assessment.reasons.join("; ")})` : ""),
        },
      ],
      documents: [noticeDocument("UK10", input.ctx)],
    },
  ];
  return r;
}
