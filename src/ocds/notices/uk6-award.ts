/**
 * UK6 contract award notice (Procurement Act 2023, s.50): says who the authority intends to
 * award to, and opens the standstill period (8 working days) before the contract is entered
 * into. As OCDS: an `award` release with a pending award, its suppliers and value, the
 * suppliers as parties, and the standstill end date.
 */
import { InputError } from "../../shared/errors.ts";
import type { JsonObject } from "../types.ts";
import {
  type Money,
  type NoticeContext,
  noticeDocument,
  type Organisation,
  party,
  ref,
  releaseBase,
  value,
} from "./common.ts";

export interface AwardInput {
  ctx: NoticeContext;
  awardId: string;
  title: string;
  suppliers: Organisation[];
  value: Money;
  /** Date of the award decision and the end of the standstill period (YYYY-MM-DD). */
  awardDate: string;
  standstillEnd: string;
}

export function uk6Award(input: AwardInput): JsonObject {
  if (input.suppliers.length === 0) {
    throw new InputError("a contract award notice needs at least one supplier", {
      location: { path: "suppliers" },
    });
  }
  if (input.standstillEnd <= input.awardDate) {
    throw new InputError("the standstill period must end after the award date", {
      location: { path: "standstillEnd" },
    });
  }
  const r = releaseBase(
    "UK6",
    ["award"],
    input.ctx,
    input.suppliers.map((s) => party(s, ["supplier"])),
  );
  r.awards = [
    {
      id: input.awardId,
      title: input.title,
      status: "pending",
      date: `${input.awardDate}T00:00:00Z`,
      value: value(input.value),
      suppliers: input.suppliers.map(ref),
      documents: [noticeDocument("UK6", input.ctx, `Standstill period ends ${input.standstillEnd}`)],
    },
  ];
  return r;
}
