/**
 * Delivery model assessment (Cabinet Office Sourcing Playbook, play 3, and its guidance note on
 * delivery model assessments): the delivery options for a service, weighted strategic and
 * operational criteria, each option's score on each criterion with its evidence, and for every
 * option that hands the service to someone else, how it would come back in-house.
 */

export const OPTION_TYPES = [
  "in-house",
  "in-house-reformed",
  "outsourced",
  "shared-service",
  "joint-venture",
  "mixed",
] as const;
export type OptionType = (typeof OPTION_TYPES)[number];

/** Option types that move delivery outside the body, so they need a return-in-house assessment. */
export const OUTSOURCING_TYPES: ReadonlySet<OptionType> = new Set([
  "outsourced",
  "shared-service",
  "joint-venture",
  "mixed",
]);

/** How the service would return in-house: the committee's ask, made mandatory. */
export interface ReturnInHouse {
  /** Pence: one-off cost of bringing the service back. */
  cost?: number;
  /** Months it would take. */
  timeMonths?: number;
  /** What assets (systems, data, buildings, IP) would have to come back and how. */
  assets?: string;
  /** What happens to the people (re-transfer under TUPE, skills to rebuild). */
  people?: string;
}

export interface DmaOption {
  id: string;
  type: OptionType;
  name?: string;
  returnInHouse?: ReturnInHouse;
}

export interface DmaCriterion {
  id: string;
  name: string;
  kind: "strategic" | "operational";
  /** Relative weight, above 0. */
  weight: number;
}

export interface DmaScore {
  option: string;
  criterion: string;
  score: number;
  evidence: string;
}

export interface DeliveryModelAssessment {
  service: string;
  options: DmaOption[];
  criteria: DmaCriterion[];
  scores: DmaScore[];
  /** Highest possible score; default 5 (scores run 0..maxScore). */
  maxScore?: number;
}
