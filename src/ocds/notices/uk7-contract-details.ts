/**
 * UK7 contract details notice (Procurement Act 2023, s.53): published once the contract is
 * entered into. For a public contract with an estimated value over £5 million the authority
 * must set at least three key performance indicators (s.52), so a notice for such a contract
 * with fewer than three KPIs is refused: it would publish a contract that cannot later be
 * reported on (UK9). As OCDS: a `contract` release with the signed contract, its period and
 * value, and each KPI as a contract milestone with code `kpi`.
 */
import { InputError } from "../../shared/errors.ts";
import type { JsonObject } from "../types.ts";
import { type Money, type NoticeContext, noticeDocument, releaseBase, value } from "./common.ts";

/** £5 million in pence: above this, at least three KPIs are required. */
export const KPI_THRESHOLD_PENCE = 500_000_000;
export const MIN_KPIS = 3;

export interface Kpi {
  id: string;
  title: string;
  description?: string;
}

export interface ContractDetailsInput {
  ctx: NoticeContext;
  contractId: string;
  awardId: string;
  title: string;
  value: Money;
  dateSigned: string;
  period: { startDate: string; endDate: string };
  kpis: Kpi[];
}

export function uk7ContractDetails(input: ContractDetailsInput): JsonObject {
  if (input.value.pence > KPI_THRESHOLD_PENCE && input.kpis.length < MIN_KPIS) {
    throw new InputError(
      `a contract worth more than £5,000,000 needs at least ${MIN_KPIS} KPIs (Procurement Act 2023 s.52); ${input.kpis.length} given`,
      { location: { path: "kpis" } },
    );
  }
  if (input.period.endDate < input.period.startDate) {
    throw new InputError("the contract period must not end before it starts", {
      location: { path: "period.endDate" },
    });
  }
  const r = releaseBase("UK7", ["contract"], input.ctx);
  const contract: JsonObject = {
    id: input.contractId,
    awardID: input.awardId,
    title: input.title,
    status: "active",
    period: {
      startDate: `${input.period.startDate}T00:00:00Z`,
      endDate: `${input.period.endDate}T23:59:59Z`,
    },
    value: value(input.value),
    dateSigned: `${input.dateSigned}T00:00:00Z`,
  };
  if (input.kpis.length) {
    contract.milestones = input.kpis.map((k) => {
      const m: JsonObject = { id: k.id, title: k.title, type: "reporting", code: "kpi" };
      if (k.description) m.description = k.description;
      m.status = "scheduled";
      return m;
    });
  }
  contract.documents = [noticeDocument("UK7", input.ctx)];
  r.contracts = [contract];
  return r;
}
