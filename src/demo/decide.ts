/**
 * The Decide demo: the Met's business support services deal with Shared Services Connected Ltd
 * (contract `sscl-bss` in scenario.ts) appraised end to end. Public record (sources in
 * scenario.ts PUBLIC): £234.5m over 7+3 years from October 2015 and £101.4m net savings (PCD 560);
 * full business case agreed by the Met Management Board on 7 July 2015, MOPAC approval in late
 * August 2015, award August 2015; extended from September 2025 to September 2027 (PCD 1357, PCD
 * 1639); 715 staff in scope, 445 posts to transfer, most transferred staff expected to be made
 * redundant rather than relocate. Everything else (cash flows, distributions, scores, the
 * relocation split, the zero-hours status, the gate evidence and most days) is invented for the
 * demo and listed in each document's `demoFields`. The DMA's invented scores rank reforming the
 * service in-house first, while the award went to SSCL: gate check G-AGAINST-ASSESSMENT flags it.
 */
import capabilityFile from "../../docs/decide/examples/met-capability.json" with { type: "json" };
import caseFile from "../../docs/decide/examples/met-business-support-case.json" with { type: "json" };
import dmaFile from "../../docs/decide/examples/met-dma.json" with { type: "json" };
import gatesFile from "../../docs/decide/examples/met-gates.json" with { type: "json" };
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
    title: "Workforce impact: 715 staff in scope, 445 posts to transfer, most expected to be made redundant",
    document: {
      description:
        "Public record: 715 Met staff in scope (Prospect, 19 Dec 2014); 445 posts to transfer to the supplier, the services to move to Newport and Newcastle (London Assembly, 30 Sep 2015; MOPAC); most transferred staff expected not to relocate and to be made redundant by the supplier (Evening Standard, 25 Aug 2015; The Register, 28 Aug 2015). Demo: the 270 posts not transferred counted as retained, the 400 of the 445 counted as made redundant rather than relocating, and the split of the 45 who relocate between the two locations. Zero-hour contracts: no declaration found. Transferred posts are counted once, as transferred; redundancies among them are shown in the description, not added to the balance.",
      service: "Finance, HR and procurement",
      postsInScope: 715,
      transferred: 445,
      retained: 270,
      redundant: 0,
      relocated: [
        { location: "Newport", posts: 25 },
        { location: "Newcastle", posts: 20 },
      ],
      zeroHours: { status: "not-declared", source: "no declaration in the published award documents (demo)" },
    },
    demoFields: ["retained", "relocated.split", "zeroHours"],
    source: `${PUBLIC.prospect}; ${PUBLIC.committee}; ${PUBLIC.standard2015}; ${PUBLIC.register2015}`,
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
    title:
      "SSCL payment profile and break points: contract value £234.5m; committed total £281.4m with two demo extension years",
    document: {
      ...contractFile,
      description:
        "Contract value £234.5m over 10 years, 7+3, from October 2015 (MOPAC PCD 560). Committed total £281.4m: the £234.5m plus two extension years to September 2027 (extension public: MOPAC PCD 1639) at £23.45m each, an amount INVENTED for the demo (PCD 1639 funds the extension from existing budgets without a published figure). The appraisal case covers the 10 years to September 2025; the contract runs to September 2027. INVENTED as well: the even annual profile, the break points' termination costs, the decision day and the annual budget.",
      annual: contractFile.annual.map((a) =>
        a.label.startsWith("extension")
          ? { ...a, label: `${a.label.replace(/ \(.*\)$/, "")} (DEMO amount £23.45m; extension to September 2027 public, MOPAC PCD 1639)` }
          : a,
      ),
    },
    demoFields: [
      "annual (even profile)",
      "annual (extension years' amounts)",
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
  /** The option the gate's own assessment recommended, and the option chosen (G-AGAINST-ASSESSMENT). */
  assessmentRecommends?: string;
  optionChosen?: string;
  demoFields: string[];
  source: string;
}

/** Ids for the events of docs/decide/examples/met-gates.json, in file order. */
const GATE_EVENT_IDS = [
  "g-bss-pipeline",
  "g-bss-market",
  "g-bss-procurement-start",
  "g-bss-dma",
  "g-bss-soc",
  "g-bss-obc",
  "g-bss-procurement",
  "g-bss-fbc",
  "g-bss-award",
  "g-bss-contract",
  "g-bss-mobilisation",
] as const;

/** Sources of the events the public record dates (the rest are invented for the demo). */
const GATE_SOURCES: Partial<Record<(typeof GATE_EVENT_IDS)[number], { source: string; demoFields: string[] }>> = {
  "g-bss-pipeline": { source: PUBLIC.marketTest, demoFields: ["date", "evidence", "drivers"] },
  "g-bss-obc": {
    source: `${PUBLIC.prospect} (outline business case before the Met Management Board, December 2014)`,
    demoFields: ["date (day)", "evidence", "drivers"],
  },
  "g-bss-fbc": {
    source: `${PUBLIC.computing} (full business case agreed by the Met Management Board on 7 July 2015)`,
    demoFields: ["reason wording"],
  },
  "g-bss-award": {
    source: `${PUBLIC.mopac} (contract awarded August 2015)`,
    demoFields: ["date (day)", "evidence", "drivers"],
  },
  "g-bss-contract": {
    source: `${PUBLIC.register2015} (MOPAC approval in the last week of August 2015)`,
    demoFields: ["date (day)", "evidence", "drivers"],
  },
  "g-bss-mobilisation": {
    source: `${PUBLIC.mopac} (live from October 2015)`,
    demoFields: ["date (day)", "by", "evidence", "drivers"],
  },
};

/**
 * The deal's gate events: exactly the events of docs/decide/examples/met-gates.json (one story
 * for one deal, so the dashboard and `nous decide gates` count the same flags), each with an id,
 * its source and the fields invented for the demo.
 */
export const gateEvents: DemoGateEvent[] = gatesFile.events.map((e, i) => {
  const id = GATE_EVENT_IDS[i];
  if (!id) throw new Error(`met-gates.json has more events than ids (${i + 1})`);
  const known = GATE_SOURCES[id];
  return {
    id,
    ...DEAL,
    ...(e as Omit<DemoGateEvent, "id" | "serviceId" | "contractId" | "demoFields" | "source">),
    demoFields: known?.demoFields ?? ["date", "by", "evidence", "drivers"],
    source: known?.source ?? INVENTED,
  };
});
