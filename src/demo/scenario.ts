/**
 * The demo scenario: MOPAC and the Metropolitan Police, 2013–2027. Figures and dates from the
 * public record carry their source; every figure invented for the demo is listed in the row's
 * `demoFields`, and the dashboard marks it "demo".
 *
 * Public-record sources (PUBLIC below names each):
 * - London Assembly Budget and Performance Committee, report "To Protect and Save" and its press
 *   release, 30 Sep 2015 ("the Met must ensure it has the business nous ..."; 445 posts to transfer).
 * - MOPAC decisions on the Shared Services Connected Ltd (SSCL) contract: PCD 560 (£234.5m over
 *   10 years, 7+3, from October 2015; £101.4m net savings over the term); PCD 1357 (January 2023:
 *   the contract ends September 2025); PCD 1639 (extension by two years to September 2027).
 * - Prospect, 19 Dec 2014: 715 Met staff in scope; Computing, July 2015: full business case to the
 *   Met Management Board on 7 July 2015; Evening Standard, 25 Aug 2015, and The Register, 28 Aug
 *   2015: MOPAC approval that week, most transferred staff expected to be made redundant.
 * - The Met's 2013 market test of about £500m a year of back-office services.
 * - National Audit Office, "The Ministry of Justice's electronic monitoring contracts", HC 737,
 *   19 Nov 2013.
 * - London mayoral election dates.
 */

export const PUBLIC = {
  committee: "London Assembly Budget and Performance Committee, report 'To Protect and Save', 30 Sep 2015",
  mopac: "MOPAC decision records on the SSCL business support services contract (PCD 560)",
  pcd1357: "MOPAC PCD 1357 'Met Shared Services' (January 2023): the SSCL contract ends September 2025",
  pcd1639: "MOPAC PCD 1639 'Met Business Services Implementation and SSCL Proposed Extension': two more years, to September 2027",
  prospect: "Prospect, 'Met Police press ahead with outsourcing', 19 Dec 2014 (715 MPS staff in scope)",
  computing: "Computing, 'Met Police on the verge of outsourcing hundreds of jobs to SSCL', July 2015",
  standard2015: "Evening Standard, 'Scotland Yard plans to move hundreds of Met police jobs out of London', 25 Aug 2015",
  register2015: "The Register, 'Met Police to slash hundreds of IT jobs', 28 Aug 2015",
  marketTest: "Metropolitan Police Service 2013 market test, reported by the London Assembly ('To Protect and Save', 30 Sep 2015)",
  elections: "Greater London Authority election results",
  nao: "National Audit Office, 'The Ministry of Justice's electronic monitoring contracts', HC 737, 19 Nov 2013",
} as const;

export interface DemoOrganisation {
  id: string;
  name: string;
  kind: string;
  notes: string;
  demoFields: string[];
  source: string;
}

export interface DemoService {
  id: string;
  name: string;
  description: string;
  owner: string;
  annualCostPounds: number | null;
  staff: number | null;
  volumes: string;
  classification: "core" | "non-core";
  classificationReason: string;
  stage: string;
  waveId: string;
  published: boolean;
  demoFields: string[];
  source: string;
}

export interface DemoContract {
  id: string;
  ocid: string;
  title: string;
  buyer: string;
  supplier: string;
  serviceIds: string[];
  description: string;
  valuePounds: number;
  savingsClaimedPounds: number | null;
  /** null while the contract is still being procured. */
  awardedOn: string | null;
  startDate: string;
  endDate: string;
  maxEndDate: string;
  status: string;
  published: boolean;
  demoFields: string[];
  source: string;
}

export interface DemoDecision {
  id: string;
  serviceId: string | null;
  contractId: string | null;
  decidedOn: string;
  gate: string;
  title: string;
  outcome: string;
  rationale: string;
  drivers: string[];
  decidedBy: string;
  outOfOrderReason: string | null;
  published: boolean;
  demoFields: string[];
  source: string;
}

export const organisations: DemoOrganisation[] = [
  {
    id: "mopac",
    name: "Mayor's Office for Policing and Crime",
    kind: "buyer",
    notes: "Holds the Met's contracts and takes its key commercial decisions.",
    demoFields: [],
    source: PUBLIC.mopac,
  },
  {
    id: "mps",
    name: "Metropolitan Police Service",
    kind: "service owner",
    notes: "Runs the services being market-tested.",
    demoFields: [],
    source: PUBLIC.committee,
  },
  {
    id: "sscl",
    name: "Shared Services Connected Ltd",
    kind: "supplier",
    notes: "Joint venture: 75% Sopra Steria, 25% Cabinet Office.",
    demoFields: [],
    source: PUBLIC.mopac,
  },
  {
    id: "tagwatch",
    name: "Tagwatch Monitoring Ltd (fictional)",
    kind: "supplier",
    notes: "An invented electronic monitoring supplier whose invoices carry planted anomalies.",
    demoFields: ["name", "notes"],
    source: "invented for the demo",
  },
];

export const waves = [
  {
    id: "mt-2013",
    name: "2013 market test of back-office services",
    startsOn: "2013-04-01",
    endsOn: "2015-10-01",
    description:
      "About £500m a year of back-office services: finance, HR, procurement, catering, logistics, language services, criminal justice support and custody forensic healthcare.",
    demoFields: ["startsOn", "endsOn"],
    source: PUBLIC.marketTest,
  },
  {
    id: "mt-2016",
    name: "Later candidates: 'all but core policing'",
    startsOn: "2016-01-01",
    endsOn: null,
    description:
      "'All but core policing' reviewed after the first wave: perhaps the dedicated detention officers in custody suites.",
    demoFields: ["startsOn"],
    source: PUBLIC.committee,
  },
];

const DEMO_COST = ["annualCostPounds", "staff", "volumes", "owner"];

export const services: DemoService[] = [
  {
    id: "finance",
    name: "Finance",
    description:
      "Transactional finance: accounts payable and receivable, general ledger, payroll accounting.",
    owner: "Director of Commercial and Finance",
    annualCostPounds: 18_400_000,
    staff: 260,
    volumes: "310,000 supplier invoices a year",
    classification: "non-core",
    classificationReason: "Back-office transaction processing; no operational policing role.",
    stage: "contract-management",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.mopac,
  },
  {
    id: "hr",
    name: "Human resources",
    description: "HR transactions, recruitment administration, payroll and pensions administration.",
    owner: "Director of HR",
    annualCostPounds: 15_900_000,
    staff: 220,
    volumes: "48,000 employees and officers paid monthly",
    classification: "non-core",
    classificationReason: "Back-office administration; vetting stays in-house.",
    stage: "contract-management",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.mopac,
  },
  {
    id: "procurement",
    name: "Procurement",
    description: "Transactional procurement: purchase orders, catalogue buying, supplier onboarding.",
    owner: "Director of Commercial and Finance",
    annualCostPounds: 4_200_000,
    staff: 60,
    volumes: "95,000 purchase orders a year",
    classification: "non-core",
    classificationReason: "Transactional; category strategy and contract management stay in-house.",
    stage: "contract-management",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.mopac,
  },
  {
    id: "catering",
    name: "Catering",
    description: "Staff restaurants and custody meals.",
    owner: "Director of Property Services",
    annualCostPounds: 9_800_000,
    staff: 310,
    volumes: "2.1m meals a year",
    classification: "non-core",
    classificationReason: "Commodity service with a mature market.",
    stage: "outline-business-case",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.marketTest,
  },
  {
    id: "logistics",
    name: "Logistics",
    description: "Stores, transport of property and exhibits, fleet support.",
    owner: "Director of Property Services",
    annualCostPounds: 12_300_000,
    staff: 280,
    volumes: "1.4m items moved a year",
    classification: "non-core",
    classificationReason: "Support service; chain of custody for exhibits must be protected in any contract.",
    stage: "delivery-model-assessment",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.marketTest,
  },
  {
    id: "language",
    name: "Language services",
    description: "Interpreting and translation for interviews, custody and courts.",
    owner: "Director of Criminal Justice",
    annualCostPounds: 11_000_000,
    staff: 40,
    volumes: "160,000 interpreting hours a year",
    classification: "non-core",
    classificationReason: "Specialist supply market already used; quality affects evidence.",
    stage: "procurement",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.marketTest,
  },
  {
    id: "criminal-justice",
    name: "Criminal justice support",
    description: "Case file preparation, court liaison, warrant administration.",
    owner: "Director of Criminal Justice",
    annualCostPounds: 26_500_000,
    staff: 690,
    volumes: "230,000 case files a year",
    classification: "non-core",
    classificationReason:
      "Administrative, but close to the prosecution process: the case for it is marginal.",
    stage: "market-assessment",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.marketTest,
  },
  {
    id: "custody-healthcare",
    name: "Custody forensic healthcare",
    description: "Healthcare professionals and forensic examinations for detainees in custody suites.",
    owner: "Commander, Met Detention",
    annualCostPounds: 14_000_000,
    staff: 0,
    volumes: "210,000 detainees a year",
    classification: "non-core",
    classificationReason: "Already delivered by contracted healthcare providers.",
    stage: "pipeline",
    waveId: "mt-2013",
    published: true,
    demoFields: DEMO_COST,
    source: PUBLIC.marketTest,
  },
  {
    id: "detention-officers",
    name: "Dedicated detention officers",
    description: "Staff who book in, supervise and care for detainees in custody suites.",
    owner: "Commander, Met Detention",
    annualCostPounds: 38_000_000,
    staff: 900,
    volumes: "26 custody suites",
    classification: "core",
    classificationReason:
      "Detention officers exercise powers over detained people in custody suites: this touches core policing and the duty of care.",
    stage: "market-assessment",
    waveId: "mt-2016",
    published: false,
    demoFields: DEMO_COST,
    source: PUBLIC.committee,
  },
];

export const contracts: DemoContract[] = [
  {
    id: "sscl-bss",
    ocid: "ocds-nous01-mopac-sscl-2015",
    title: "Business support services (finance, procurement, HR)",
    buyer: "Mayor's Office for Policing and Crime",
    supplier: "Shared Services Connected Ltd",
    serviceIds: ["finance", "hr", "procurement"],
    description:
      "Finance, procurement and HR transactional services moved to a joint venture: 715 Met staff in scope, 445 posts to transfer, the services to move to Newport and Newcastle. £234.5m over 7 years with an option of 3 more (PCD 560); extended by two years from September 2025 to September 2027 (PCD 1357, PCD 1639).",
    valuePounds: 234_500_000,
    savingsClaimedPounds: 101_400_000,
    awardedOn: "2015-08-01",
    startDate: "2015-10-01",
    endDate: "2027-09-30",
    maxEndDate: "2027-09-30",
    status: "active (extended)",
    published: true,
    demoFields: ["awardedOn (day)", "startDate (day)", "endDate (day)"],
    source: PUBLIC.mopac,
  },
  {
    id: "em-tagging",
    ocid: "ocds-nous01-moj-em-2019",
    title: "Electronic monitoring of curfew orders (demo)",
    buyer: "Ministry of Justice (demo buyer)",
    supplier: "Tagwatch Monitoring Ltd (fictional)",
    serviceIds: [],
    description:
      "An invented electronic monitoring contract, billed per subject per day. Its invoices carry planted anomalies of the kinds the NAO found in 2013: billing after a tag was removed, for people in custody, abroad or dead, and per order rather than per person.",
    valuePounds: 48_000_000,
    savingsClaimedPounds: null,
    awardedOn: "2019-02-14",
    startDate: "2019-04-01",
    endDate: "2026-03-31",
    maxEndDate: "2028-03-31",
    status: "active",
    published: true,
    demoFields: [
      "title",
      "buyer",
      "supplier",
      "valuePounds",
      "awardedOn",
      "startDate",
      "endDate",
      "maxEndDate",
    ],
    source: `invented for the demo; the anomaly types follow ${PUBLIC.nao}`,
  },
  {
    id: "custody-healthcare-2027",
    ocid: "ocds-nous01-demo-custody-healthcare-2027",
    title: "Custody forensic healthcare, re-procurement (demo)",
    buyer: "Mayor's Office for Policing and Crime",
    supplier: "",
    serviceIds: ["custody-healthcare"],
    description:
      "An invented re-procurement of healthcare professionals and forensic examinations for detainees in custody suites, out to open tender: nothing is awarded yet, so the pipeline (UK1) and tender (UK4) notices can be produced.",
    valuePounds: 60_000_000,
    savingsClaimedPounds: null,
    awardedOn: null,
    startDate: "2027-04-01",
    endDate: "2032-03-31",
    maxEndDate: "2034-03-31",
    status: "tender open",
    published: true,
    demoFields: ["title", "description", "valuePounds", "startDate", "endDate", "maxEndDate", "status"],
    source: "invented for the demo",
  },
];

export const decisions: DemoDecision[] = [
  {
    id: "d-2013-market-test",
    serviceId: "finance",
    contractId: null,
    decidedOn: "2013-06-01",
    gate: "pipeline",
    title: "Market-test back-office services (about £500m a year)",
    outcome: "approved",
    rationale:
      "Market test of finance, HR, procurement, catering, logistics, language services, criminal justice support and custody forensic healthcare.",
    drivers: ["savings target", "service improvement"],
    decidedBy: "Met Management Board",
    outOfOrderReason: null,
    published: true,
    demoFields: ["decidedOn"],
    source: PUBLIC.marketTest,
  },
  {
    id: "d-2014-dma-bss",
    serviceId: "finance",
    contractId: null,
    decidedOn: "2014-03-20",
    gate: "delivery-model-assessment",
    title: "Delivery model assessment: join the government's shared service joint venture",
    outcome: "approved",
    rationale:
      "The joint venture route approved although the assessment's own scores rank reforming the service in-house first (scores invented for the demo; see the gate check G-AGAINST-ASSESSMENT).",
    drivers: ["savings target", "economies of scale", "technology refresh"],
    decidedBy: "MOPAC Investment Advisory Board",
    outOfOrderReason: null,
    published: true,
    demoFields: ["decidedOn", "rationale", "drivers"],
    source: PUBLIC.mopac,
  },
  {
    id: "d-2015-fbc",
    serviceId: "finance",
    contractId: "sscl-bss",
    decidedOn: "2015-07-07",
    gate: "full-business-case",
    title: "Full business case approved by the Met Management Board: SSCL, £234.5m over 7+3 years, £101.4m net savings",
    outcome: "approved",
    rationale:
      "Full business case for finance, procurement and HR with Shared Services Connected Ltd, agreed by the Met Management Board and put to MOPAC.",
    drivers: ["savings target", "economies of scale"],
    decidedBy: "Met Management Board",
    outOfOrderReason: "The business case went to the Met Management Board before MOPAC's award decision (public record).",
    published: true,
    demoFields: ["drivers"],
    source: `${PUBLIC.computing}; ${PUBLIC.mopac}`,
  },
  {
    id: "d-2015-award",
    serviceId: "finance",
    contractId: "sscl-bss",
    decidedOn: "2015-08-01",
    gate: "award",
    title: "Contract awarded to Shared Services Connected Ltd (August 2015)",
    outcome: "approved",
    rationale: "Award of the business support services contract: 445 posts to transfer, the services to move to Newport and Newcastle.",
    drivers: ["savings target"],
    decidedBy: "MOPAC",
    outOfOrderReason: null,
    published: true,
    demoFields: ["decidedOn (day)", "drivers"],
    source: PUBLIC.mopac,
  },
  {
    id: "d-2015-contract",
    serviceId: "finance",
    contractId: "sscl-bss",
    decidedOn: "2015-08-27",
    gate: "full-business-case",
    title: "MOPAC approves the full business case and the contract (late August 2015)",
    outcome: "awarded",
    rationale:
      "Most transferred staff were expected not to relocate and to be made redundant by the supplier; services to be delivered from Newport and Newcastle from October 2016.",
    drivers: ["savings target", "economies of scale"],
    decidedBy: "Deputy Mayor for Policing and Crime",
    outOfOrderReason: null,
    published: true,
    demoFields: ["decidedOn (day)", "drivers"],
    source: `${PUBLIC.register2015}; ${PUBLIC.standard2015}`,
  },
  {
    id: "d-2015-committee",
    serviceId: "finance",
    contractId: "sscl-bss",
    decidedOn: "2015-09-30",
    gate: "scrutiny",
    title: "Budget and Performance Committee report 'To Protect and Save': 'the Met must ensure it has the business nous'",
    outcome: "warning",
    rationale:
      "Deals might not make the savings; the Met lacks commercial expertise; value for money over the lifetime of contracts; risk of being handcuffed to a poor contract.",
    drivers: [],
    decidedBy: "London Assembly",
    outOfOrderReason: null,
    published: true,
    demoFields: [],
    source: PUBLIC.committee,
  },
  {
    id: "d-2015-live",
    serviceId: "finance",
    contractId: "sscl-bss",
    decidedOn: "2015-10-01",
    gate: "mobilisation",
    title: "Service live: transition October 2015 to October 2016",
    outcome: "approved",
    rationale: "Phased go-live of finance, procurement and HR.",
    drivers: ["savings target"],
    decidedBy: "MOPAC",
    outOfOrderReason: null,
    published: true,
    demoFields: ["decidedOn (day)"],
    source: PUBLIC.mopac,
  },
  {
    id: "d-2021-extension",
    serviceId: "finance",
    contractId: "sscl-bss",
    decidedOn: "2024-06-01",
    gate: "exit-or-renewal",
    title: "Extension of the SSCL contract by two years, from September 2025 to September 2027",
    outcome: "approved",
    rationale:
      "Extension of the current SSCL services while Met Business Services is implemented and the services re-procured (PCD 1639), after PCD 1357 set the contract's end at September 2025.",
    drivers: ["continuity of service", "savings target"],
    decidedBy: "Deputy Mayor for Policing and Crime",
    outOfOrderReason: null,
    published: true,
    demoFields: ["decidedOn", "drivers"],
    source: `${PUBLIC.pcd1357}; ${PUBLIC.pcd1639}`,
  },
  {
    id: "d-2015-catering-obc",
    serviceId: "catering",
    contractId: null,
    decidedOn: "2015-11-05",
    gate: "outline-business-case",
    title: "Catering: outline business case to outsource",
    outcome: "approved",
    rationale: "Outsource to meet the 2016/17 savings requirement.",
    drivers: ["savings target"],
    decidedBy: "Met Commercial Board",
    outOfOrderReason: null,
    published: true,
    demoFields: ["decidedOn", "title", "rationale", "drivers", "decidedBy"],
    source: "invented for the demo",
  },
  {
    id: "d-2015-detention-dma",
    serviceId: "detention-officers",
    contractId: null,
    decidedOn: "2015-12-01",
    gate: "delivery-model-assessment",
    title: "Detention officers: delivery model assessment started",
    outcome: "started",
    rationale: "Options: keep in-house, reform in-house, outsource the custody suites' detention officers.",
    drivers: ["savings target", "capacity"],
    decidedBy: "Met Commercial Board",
    outOfOrderReason: null,
    published: false,
    demoFields: ["decidedOn", "title", "rationale", "drivers", "decidedBy"],
    source: "invented for the demo",
  },
  {
    id: "d-2016-detention-procurement",
    serviceId: "detention-officers",
    contractId: null,
    decidedOn: "2016-02-12",
    gate: "procurement",
    title: "Detention officers: soft market engagement started",
    outcome: "started",
    rationale: "Suppliers sounded out before the delivery model assessment was approved.",
    drivers: ["savings target"],
    decidedBy: "Met Commercial Board",
    outOfOrderReason: "Savings requirement for 2016/17 set before the assessment could finish.",
    published: false,
    demoFields: ["decidedOn", "title", "rationale", "drivers", "decidedBy", "outOfOrderReason"],
    source: "invented for the demo",
  },
];

export const elections = [
  { body: "london-mayor", heldOn: "2012-05-03", name: "London mayoral election 2012" },
  { body: "london-mayor", heldOn: "2016-05-05", name: "London mayoral election 2016" },
  { body: "london-mayor", heldOn: "2021-05-06", name: "London mayoral election 2021 (postponed from 2020)" },
  { body: "london-mayor", heldOn: "2024-05-02", name: "London mayoral election 2024" },
  { body: "london-mayor", heldOn: "2028-05-04", name: "London mayoral election 2028 (scheduled)" },
];

/** Demo accounts: one per role, printed when the server starts on demo data. */
export const demoAccounts = [
  { username: "admin", role: "admin", displayName: "Ada Admin", password: "demo-admin-pass" },
  {
    username: "commercial",
    role: "commercial",
    displayName: "Colin Commercial",
    password: "demo-commercial-pass",
  },
  {
    username: "contracts",
    role: "contract-manager",
    displayName: "Chloe Contracts",
    password: "demo-contracts-pass",
  },
  { username: "finance", role: "finance", displayName: "Fay Finance (s151)", password: "demo-finance-pass" },
  {
    username: "scrutineer",
    role: "scrutineer",
    displayName: "Sam Scrutineer (Assembly)",
    password: "demo-scrutineer-pass",
  },
] as const;
