/**
 * The eight areas of the National Audit Office's good practice contract management framework
 * (2016), grouped as it groups them: the conditions for success (governance, people,
 * administration), managing the relationship (relationships, performance, payment and
 * incentives, risk, contract development). A body's commercial capability is assessed per area.
 */

export const CAPABILITY_AREAS = [
  { id: "governance", name: "Governance", group: "conditions" },
  { id: "people", name: "People", group: "conditions" },
  { id: "administration", name: "Administration", group: "conditions" },
  { id: "relationships", name: "Managing relationships", group: "relationship" },
  { id: "performance", name: "Managing performance", group: "relationship" },
  { id: "payment", name: "Payment and incentives", group: "relationship" },
  { id: "risk", name: "Risk", group: "relationship" },
  { id: "contract-development", name: "Contract development", group: "relationship" },
] as const;

export type CapabilityAreaId = (typeof CAPABILITY_AREAS)[number]["id"];

/** Maturity scale used for each area. */
export const MATURITY = ["absent", "developing", "established", "good", "leading"] as const;
export const MAX_SCORE = MATURITY.length - 1;
