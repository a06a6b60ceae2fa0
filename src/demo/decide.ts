/**
 * The Decide demo: the Met's business support services deal with Shared Services Connected Ltd
 * (contract `sscl-bss` in scenario.ts) appraised end to end. Public record: £234.5m over 7+3
 * years from October 2015, £101.4m net savings claimed, full business case approved July 2015,
 * contract August 2015, extended to September 2027, 445 posts transferred and moved to Newport
 * and Newcastle. Everything else (cash flows, distributions, scores, the location split, the
 * zero-hours status, the gate evidence and most dates) is invented for the demo and listed in
 * each document's `demoFields`.
 */
import capabilityFile from "../../docs/decide/examples/met-capability.json" with { type: "json" };
import caseFile from "../../docs/decide/examples/met-business-support-case.json" with { type: "json" };
import dmaFile from "../../docs/decide/examples/met-dma.json" with { type: "json" };
import contractFile from "../../docs/decide/examples/met-sscl-contract.json" with { type: "json" };
import { PUBLIC } from "./scenario.ts";

const DEAL = { serviceId: "finance", contractId: "sscl-bss" } as const;
const INVENTED = "invented for the demo";

export interface DemoDocument {
  kind: "appraisal" | "dma" | "workforce" | "capability" | "horizon";
  id: string;
  serviceId: string | null;
  contractId: string | null;
  title: string;
  document: unknown;
  demoFields: string[];
  source: string;
}

export const documents: DemoDocument[] = [
  {
    kind: "appraisal",
    id: "sscl-bss-appraisal",
    ...DEAL,
    title: "Business support services: keep, reform or move to the joint venture",
    document: caseFile,
    demoFields: ["options.cashflows", "inputs", "correlations", "optimismBias.mitigation"],
    source: `${PUBLIC.mopac} (£234.5m contract value, £101.4m net savings target); cash flows ${INVENTED}`,
  },
  {
    kind: "dma",
    id: "sscl-bss-dma",
    ...DEAL,
    title: "Delivery model assessment: finance, HR and procurement",
    document: {
      ...dmaFile,
      // Every outsourcing option needs its return-in-house assessment; the joint venture's is added here.
      options: dmaFile.options.map((o) =>
        o.id === "jv"
          ? {
              ...o,
              name: "Joint venture with another force (INVENTED)",
              returnInHouse: {
                cost: 9000000,
                timeMonths: 18,
                assets: "share of the joint venture's systems and data (INVENTED)",
                people: "staff seconded back under the joint venture agreement (INVENTED)",
              },
            }
          : o,
      ),
    },
    demoFields: ["criteria", "scores", "returnInHouse"],
    source: `option list after the Cabinet Office Sourcing Playbook; scores ${INVENTED}`,
  },
  {
    kind: "workforce",
    id: "sscl-bss-workforce",
    ...DEAL,
    title: "Workforce impact: 445 posts to Newport and Newcastle",
    document: {
      description:
        "Public record: 445 posts transferred to the supplier and moved to Newport and Newcastle. Demo: posts in scope, retained and redundant counts, and the split between the two locations. Zero-hour contracts: no declaration found.",
      service: "Finance, HR and procurement",
      postsInScope: 520,
      transferred: 445,
      retained: 60,
      redundant: 15,
      relocated: [
        { location: "Newport", posts: 250 },
        { location: "Newcastle", posts: 195 },
      ],
      zeroHours: { status: "not-declared", source: "no declaration in the published award documents (demo)" },
    },
    demoFields: ["postsInScope", "retained", "redundant", "relocated.split", "zeroHours"],
    source: PUBLIC.mopac,
  },
  {
    kind: "capability",
    id: "met-commercial-capability",
    serviceId: null,
    contractId: "sscl-bss",
    title: "Met commercial team: capability self-assessment (September 2015)",
    document: {
      ...capabilityFile,
      areas: [
        ...capabilityFile.areas,
        { area: "contract-development", score: 1, evidence: "change-control log (INVENTED)" },
      ],
    },
    demoFields: ["areas"],
    source: `areas from the NAO good practice contract management framework (2016); scores ${INVENTED}`,
  },
  {
    kind: "horizon",
    id: "sscl-bss-horizon",
    serviceId: null,
    contractId: "sscl-bss",
    title: "SSCL payment profile and break points",
    document: contractFile,
    demoFields: [
      "annual (even profile)",
      "breakPoints.terminationCost",
      "decisionDate (day)",
      "annualBudget",
    ],
    source: `${PUBLIC.mopac}; ${PUBLIC.elections}`,
  },
];

export interface DemoGateEvent {
  id: string;
  serviceId: string | null;
  contractId: string | null;
  gate: string;
  action: "start" | "approve" | "reject";
  date: string;
  by: string;
  role: string;
  evidence?: string[];
  reason?: string;
  drivers?: string[];
  demoFields: string[];
  source: string;
}

const ev = (
  id: string,
  e: Omit<DemoGateEvent, "id" | "serviceId" | "contractId" | "demoFields" | "source"> & {
    demoFields?: string[];
    source?: string;
  },
): DemoGateEvent => ({
  id,
  ...DEAL,
  demoFields: ["date", "by", "evidence", "drivers"],
  source: INVENTED,
  ...e,
});

/** The deal's gates in the engine's logical order; the Met's real sequence (award, then full business case, then contract) fits it. */
export const gateEvents: DemoGateEvent[] = [
  ev("g-bss-pipeline", {
    gate: "pipeline",
    action: "approve",
    date: "2013-06-01",
    by: "Met Management Board",
    role: "commercial",
    evidence: ["service-record", "pipeline-entry"],
    drivers: ["savings-target", "service-quality"],
    source: PUBLIC.marketTest,
  }),
  ev("g-bss-market", {
    gate: "market-assessment",
    action: "approve",
    date: "2013-09-01",
    by: "Met Commercial Services",
    role: "commercial",
    evidence: ["market-analysis", "market-engagement-record"],
    drivers: ["savings-target", "market"],
  }),
  ev("g-bss-procurement-start", {
    gate: "procurement",
    action: "start",
    date: "2013-11-01",
    by: "Met Commercial Services",
    role: "commercial",
    reason:
      "joining the Cabinet Office shared-services route set the timetable before the assessment finished",
  }),
  ev("g-bss-dma", {
    gate: "delivery-model-assessment",
    action: "approve",
    date: "2014-03-20",
    by: "MOPAC Investment Advisory Board",
    role: "commercial",
    evidence: ["delivery-model-assessment", "return-in-house-assessment"],
    drivers: ["savings-target", "capability"],
  }),
  ev("g-bss-soc", {
    gate: "strategic-outline-case",
    action: "approve",
    date: "2014-06-01",
    by: "Director of Finance",
    role: "finance",
    evidence: ["should-cost-model", "appraisal", "strategic-outline-case"],
    drivers: ["savings-target"],
  }),
  ev("g-bss-obc", {
    gate: "outline-business-case",
    action: "approve",
    date: "2014-11-01",
    by: "Director of Finance",
    role: "finance",
    evidence: ["outline-business-case", "workforce-impact", "accountability-horizon"],
    drivers: ["savings-target", "resilience"],
  }),
  ev("g-bss-procurement", {
    gate: "procurement",
    action: "approve",
    date: "2015-02-01",
    by: "Met Commercial Services",
    role: "commercial",
    evidence: ["procurement-strategy", "tender-documents", "evaluation-criteria"],
    drivers: ["savings-target", "service-quality"],
  }),
  ev("g-bss-award", {
    gate: "award",
    action: "approve",
    date: "2015-06-10",
    by: "MOPAC (preferred bidder)",
    role: "commercial",
    evidence: ["evaluation-report", "award-recommendation", "standstill-record"],
    drivers: ["savings-target"],
  }),
  ev("g-bss-fbc", {
    gate: "full-business-case",
    action: "start",
    date: "2015-07-15",
    by: "Deputy Mayor for Policing and Crime",
    role: "finance",
    evidence: ["full-business-case", "exit-plan"],
    drivers: ["savings-target", "capability"],
    demoFields: ["date (day)", "evidence", "drivers"],
    source: `${PUBLIC.mopac} (full business case approved July 2015)`,
  }),
  ev("g-bss-contract", {
    gate: "full-business-case",
    action: "approve",
    date: "2015-08-01",
    by: "MOPAC",
    role: "admin",
    evidence: ["signed-contract"],
    drivers: ["savings-target", "capability"],
    demoFields: ["date (day)", "evidence", "drivers"],
    source: `${PUBLIC.mopac} (contract awarded and signed August 2015)`,
  }),
  ev("g-bss-mobilisation", {
    gate: "mobilisation",
    action: "approve",
    date: "2015-10-01",
    by: "Contract manager",
    role: "contract-manager",
    evidence: ["mobilisation-plan", "staff-transfer-record"],
    drivers: ["savings-target"],
    demoFields: ["date (day)", "by", "evidence", "drivers"],
    source: `${PUBLIC.mopac} (live from October 2015)`,
  }),
];
