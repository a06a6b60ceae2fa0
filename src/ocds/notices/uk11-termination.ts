/**
 * UK11 contract termination notice (Procurement Act 2023, s.80): published within 30 days of a
 * contract ending, however it ended. As OCDS: a `contractTermination` release setting the
 * contract's status to `terminated` and its period end to the termination date, with the
 * reason and the final amount paid.
 */
import { InputError } from "../../shared/errors.ts";
import type { JsonObject } from "../types.ts";
import { type Money, type NoticeContext, noticeDocument, releaseBase, value } from "./common.ts";

export type TerminationReason = "expiry" | "breach" | "convenience" | "mutualAgreement" | "other";

export interface TerminationInput {
  ctx: NoticeContext;
  contractId: string;
  /** The award the contract came from (OCDS requires it on every contract). */
  awardId: string;
  contractStart: string;
  terminationDate: string;
  reason: TerminationReason;
  explanation?: string;
  /** Total paid under the contract. */
  totalPaid: Money;
}

const REASON_TEXT: Record<TerminationReason, string> = {
  expiry: "Contract expired",
  breach: "Terminated for breach by the supplier",
  convenience: "Terminated by the authority for convenience",
  mutualAgreement: "Terminated by mutual agreement",
  other: "Terminated",
};

export function uk11Termination(input: TerminationInput): JsonObject {
  if (input.terminationDate < input.contractStart) {
    throw new InputError("the termination date is before the contract started", {
      location: { path: "terminationDate" },
    });
  }
  if (input.reason === "other" && !input.explanation) {
    throw new InputError('a termination for "other" reasons needs an explanation', {
      location: { path: "explanation" },
    });
  }
  const r = releaseBase("UK11", ["contractTermination"], input.ctx);
  const description = `${REASON_TEXT[input.reason]}${input.explanation ? `: ${input.explanation}` : ""}`;
  r.contracts = [
    {
      id: input.contractId,
      awardID: input.awardId,
      status: "terminated",
      period: { endDate: `${input.terminationDate}T23:59:59Z` },
      implementation: {
        transactions: [
          { id: `${input.contractId}-total-paid`, date: input.ctx.date, value: value(input.totalPaid) },
        ],
      },
      documents: [noticeDocument("UK11", input.ctx, description)],
    },
  ];
  return r;
}
