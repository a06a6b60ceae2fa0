/**
 * Demo OCDS releases for the red-flags pages: invented MOPAC and Met tenders with bids, in which
 * the patterns the indicators look for are planted on purpose, plus the SSCL award from the
 * public record.
 *
 * Everything under the ocid prefix `ocds-nous01-demo-` is fictional: the tenders, bids, amounts,
 * dates and every supplier (each supplier's name ends "(fictional)"). Only the buyers' names are
 * real. The SSCL release (`ocds-nous01-mopac-sscl-2015`) carries the public-record figures of
 * src/demo/scenario.ts (£234.5m, awarded August 2015, Shared Services Connected Ltd); the day of
 * its award date is a demo value, as in the scenario.
 *
 * Planted on MOPAC (process numbers, see PLANTED):
 * - single bid received (R018), short submission period (R003), lowest bid disqualified (R036),
 *   all but the winning bid disqualified (R035), identical bid prices (R028), heavily discounted
 *   winning bid (R058), second bid very close to the winning bid (R024), tenderers sharing an
 *   address (R044), a winning bid submitted after the deadline (R030), and a large total of direct
 *   awards to one supplier (R055).
 */
import { PUBLIC } from "./scenario.ts";

export const DEMO_OCID_PREFIX = "ocds-nous01-demo-";
export const SSCL_OCID = "ocds-nous01-mopac-sscl-2015";
export const MOPAC_NAME = "Mayor's Office for Policing and Crime";
export const MET_NAME = "Metropolitan Police Service";

/** Provenance of the demo releases, as shown next to them. */
export const RELEASES_PROVENANCE = {
  demo: "Invented for the demo: every release under ocds-nous01-demo-, its amounts, dates and suppliers.",
  sscl: PUBLIC.mopac,
  ssclDemoFields: ["awards[0].date (day)", "awards[0].contractPeriod.startDate (day)"],
} as const;

type Json = Record<string, unknown>;

interface Org {
  id: string;
  name: string;
  street: string;
  locality: string;
  postalCode: string;
}

const MOPAC: Org = {
  id: "nous-demo-mopac",
  name: MOPAC_NAME,
  street: "169 Union Street",
  locality: "London",
  postalCode: "SE1 0LL",
};
const MET: Org = {
  id: "nous-demo-mps",
  name: MET_NAME,
  street: "New Scotland Yard, Victoria Embankment",
  locality: "London",
  postalCode: "SW1A 2JL",
};

const SUPPLIER_NAMES = [
  "Alder Facilities Ltd",
  "Brightwater Services Ltd",
  "Caldwell Estates Management Ltd",
  "Dunmore Logistics Ltd",
  "Elmfield Catering Ltd",
  "Fairhaven Security Ltd",
  "Greystone Fleet Services Ltd",
  "Hollins Document Solutions Ltd",
  "Ivybridge Cleaning Ltd",
  "Juniper Translation Ltd",
  "Kestrel Forensic Supplies Ltd",
  "Larchmont IT Services Ltd",
];

const suppliers: Org[] = SUPPLIER_NAMES.map((n, i) => ({
  id: `nous-demo-s${String(i + 1).padStart(2, "0")}`,
  name: `${n} (fictional)`,
  street: `${10 + i * 7} ${["Mill", "Bridge", "Station", "Church", "Park", "High"][i % 6]} Road`,
  locality: ["Croydon", "Reading", "Luton", "Slough", "Watford", "Guildford"][i % 6] as string,
  postalCode: `XX${i + 1} 1AA`,
}));

/** Two tenderers at one address: planted for R044. */
const HARBOUR: Org = {
  id: "nous-demo-s13",
  name: "Harbour Lane Services Ltd (fictional)",
  street: "Unit 4, 12 Harbour Lane",
  locality: "Tilbury",
  postalCode: "XX13 4HL",
};
const QUAYSIDE: Org = { ...HARBOUR, id: "nous-demo-s14", name: "Quayside Support Ltd (fictional)" };
/** The supplier of the planted direct awards (R055). */
const RAPID: Org = {
  id: "nous-demo-s15",
  name: "Rapid Response Consulting Ltd (fictional)",
  street: "3 Vine Yard",
  locality: "Basingstoke",
  postalCode: "XX15 3VY",
};
const SMALL_DIRECT: Org[] = [
  {
    id: "nous-demo-s16",
    name: "Northgate Interpreting Ltd (fictional)",
    street: "88 North Gate",
    locality: "Chelmsford",
    postalCode: "XX16 8NG",
  },
  {
    id: "nous-demo-s17",
    name: "Oakley Print Ltd (fictional)",
    street: "2 Oak Row",
    locality: "Harlow",
    postalCode: "XX17 2OR",
  },
];

const SERVICES = [
  "Custody suite cleaning",
  "Vehicle recovery",
  "Uniform supply",
  "Interpreting services",
  "Forensic consumables",
  "Document scanning",
  "Estate maintenance",
  "Catering for training centres",
  "Secure courier services",
  "Desktop hardware refresh",
  "Waste collection",
  "Occupational health support",
];

/** Which planted pattern each MOPAC process number carries. */
export const PLANTED = {
  singleBid: [5, 17, 29],
  shortPeriod: [8, 21, 33],
  lowestDisqualified: [11, 37],
  allButWinnerDisqualified: [14],
  identicalPrices: [19, 41],
  heavilyDiscounted: [24, 44],
  closeToWinner: [26],
  sharedAddress: [31],
  lateWinningBid: [35],
} as const;

const MOPAC_OPEN_PROCESSES = 48;
const MET_OPEN_PROCESSES = 10;
/** Amounts of the direct awards: four to one supplier add up to more than the smallest open tender. */
const DIRECT_AWARDS: { supplier: Org; amount: number }[] = [
  { supplier: RAPID, amount: 48_000 },
  { supplier: SMALL_DIRECT[0] as Org, amount: 14_500 },
  { supplier: RAPID, amount: 47_500 },
  { supplier: RAPID, amount: 49_000 },
  { supplier: SMALL_DIRECT[1] as Org, amount: 12_000 },
  { supplier: RAPID, amount: 46_000 },
];

const DAY = 86_400_000;
const instant = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");
const ref = (o: Org) => ({ id: o.id, name: o.name });

function party(o: Org, roles: string[]): Json {
  return {
    id: o.id,
    name: o.name,
    roles,
    address: {
      streetAddress: o.street,
      locality: o.locality,
      postalCode: o.postalCode,
      countryName: "United Kingdom",
    },
  };
}

interface BidSpec {
  org: Org;
  amount: number;
  status: "valid" | "disqualified";
  late?: boolean;
}

/** The tender release and the award release of one open process. */
function openProcess(buyer: Org, key: string, n: number, offsetDays: number): Json[] {
  const ocid = `${DEMO_OCID_PREFIX}${key}-${String(n).padStart(3, "0")}`;
  const is = (list: readonly number[]) => buyer === MOPAC && list.includes(n);
  const start = Date.UTC(2019, 0, 7) + offsetDays * DAY;
  const periodDays = is(PLANTED.shortPeriod) ? [7, 10, 12][n % 3]! : 30 + (n % 3) * 5;
  const end = start + periodDays * DAY;
  // The smallest estimate is £150,000; the rest spread up to about £3m.
  const estimate = 150_000 + ((n * 7919 + offsetDays * 13) % 29) * 100_000;
  // Winning bid a little under the estimate; the runner-up 5% to 12% above it, spread evenly.
  const win = Math.round((estimate * (88 + (n % 9))) / 100 / 100) * 100;
  let gap = 0.05 + ((n * 37) % 71) / 1000;
  if (is(PLANTED.heavilyDiscounted)) gap = 0.65 + (n % 2) * 0.1;
  if (is(PLANTED.closeToWinner)) gap = 0.002;
  const pick = (k: number) => suppliers[(n * 5 + k * 3) % suppliers.length] as Org;
  const winner = pick(0);
  const second = Math.round(win * (1 + gap));
  let bids: BidSpec[] = [
    { org: winner, amount: win, status: "valid" },
    { org: pick(1), amount: second, status: "valid" },
    { org: pick(2), amount: Math.round(second * 1.04), status: "valid" },
  ];
  if (n % 2 === 0) bids.push({ org: pick(3), amount: Math.round(second * 1.09), status: "valid" });
  if (is(PLANTED.singleBid)) bids = [{ org: winner, amount: win, status: "valid" }];
  if (is(PLANTED.lowestDisqualified))
    bids.unshift({ org: pick(3), amount: Math.round(win * 0.9), status: "disqualified" });
  if (is(PLANTED.allButWinnerDisqualified)) {
    bids = [
      { org: winner, amount: win, status: "valid" },
      { org: pick(1), amount: second, status: "disqualified" },
      { org: pick(2), amount: Math.round(second * 1.03), status: "disqualified" },
    ];
  }
  if (is(PLANTED.identicalPrices)) {
    const third = bids[2] as BidSpec;
    bids[3] = { org: pick(3), amount: third.amount, status: "valid" };
  }
  if (is(PLANTED.sharedAddress)) {
    bids[1] = { org: HARBOUR, amount: second, status: "valid" };
    bids[2] = { org: QUAYSIDE, amount: Math.round(second * 1.04), status: "valid" };
  }
  if (is(PLANTED.lateWinningBid)) (bids[0] as BidSpec).late = true;
  const title = `${SERVICES[n % SERVICES.length]} (demo ${key.toUpperCase()} ${n})`;
  const buyerRef = ref(buyer);
  const tenderRelease: Json = {
    ocid,
    id: `${ocid}-tender`,
    date: instant(start),
    tag: ["tender"],
    initiationType: "tender",
    language: "en",
    buyer: buyerRef,
    parties: [party(buyer, ["buyer", "procuringEntity"])],
    tender: {
      id: `${ocid}-t`,
      title,
      description: "Invented for the demo: a fictional tender with fictional bidders.",
      status: "active",
      procurementMethod: "open",
      procurementMethodDetails: "Open procedure",
      procuringEntity: buyerRef,
      value: { amount: estimate, currency: "GBP" },
      tenderPeriod: { startDate: instant(start), endDate: instant(end) },
    },
  };
  const awardDate = end + 21 * DAY;
  const tenderers = [...new Map(bids.map((b) => [b.org.id, b.org])).values()];
  const awardRelease: Json = {
    ocid,
    id: `${ocid}-award`,
    date: instant(awardDate),
    tag: ["award"],
    initiationType: "tender",
    language: "en",
    buyer: buyerRef,
    parties: tenderers.map((o) => party(o, o === winner ? ["tenderer", "supplier"] : ["tenderer"])),
    tender: {
      id: `${ocid}-t`,
      status: "complete",
      numberOfTenderers: tenderers.length,
    },
    bids: {
      details: bids.map((b, i) => ({
        id: `${ocid}-bid-${i + 1}`,
        date: instant(b.late ? end + 2 * DAY : end - (i + 1) * DAY),
        status: b.status,
        tenderers: [ref(b.org)],
        value: { amount: b.amount, currency: "GBP" },
      })),
    },
    awards: [
      {
        id: `${ocid}-award-1`,
        title,
        status: "active",
        date: instant(awardDate),
        value: { amount: win, currency: "GBP" },
        suppliers: [ref(winner)],
      },
    ],
  };
  return [tenderRelease, awardRelease];
}

function directAward(n: number, spec: { supplier: Org; amount: number }): Json {
  const ocid = `${DEMO_OCID_PREFIX}mopac-direct-${String(n).padStart(3, "0")}`;
  const date = instant(Date.UTC(2023, 2, 6) + n * 41 * DAY);
  return {
    ocid,
    id: `${ocid}-award`,
    date,
    tag: ["tender", "award"],
    initiationType: "tender",
    language: "en",
    buyer: ref(MOPAC),
    parties: [party(MOPAC, ["buyer", "procuringEntity"]), party(spec.supplier, ["supplier"])],
    tender: {
      id: `${ocid}-t`,
      title: `Advisory support, call-off ${n} (demo)`,
      description: "Invented for the demo: a fictional direct award.",
      status: "complete",
      procurementMethod: "direct",
      procurementMethodDetails: "Direct award",
      procuringEntity: ref(MOPAC),
    },
    awards: [
      {
        id: `${ocid}-award-1`,
        status: "active",
        date,
        value: { amount: spec.amount, currency: "GBP" },
        suppliers: [ref(spec.supplier)],
      },
    ],
  };
}

/** The SSCL business support services award, as in the public record (see src/demo/scenario.ts). */
export function ssclRelease(): Json {
  const supplier = { id: "nous-sscl", name: "Shared Services Connected Ltd" };
  return {
    ocid: SSCL_OCID,
    id: `${SSCL_OCID}-award`,
    date: "2015-08-01T00:00:00Z",
    tag: ["award"],
    initiationType: "tender",
    language: "en",
    buyer: ref(MOPAC),
    parties: [party(MOPAC, ["buyer"]), { id: supplier.id, name: supplier.name, roles: ["supplier"] }],
    awards: [
      {
        id: `${SSCL_OCID}-award-1`,
        title: "Business support services (finance, procurement, HR)",
        description:
          "Finance, procurement and HR transactional services, £234.5m over 7 years with an option of 3 more. " +
          `Source: ${PUBLIC.mopac}. The day of the award date is a demo value.`,
        status: "active",
        date: "2015-08-01T00:00:00Z",
        value: { amount: 234_500_000, currency: "GBP" },
        suppliers: [supplier],
        contractPeriod: { startDate: "2015-10-01T00:00:00Z" },
      },
    ],
  };
}

/** The ocid of the demo's planned custody healthcare re-procurement (see src/demo/scenario.ts). */
export const CUSTODY_HEALTHCARE_OCID = "ocds-nous01-demo-custody-healthcare-2027";

/**
 * The invented custody healthcare tender, open and not yet awarded: what a buyer publishes before
 * an award, and what the tender notice (UK4) is built from.
 */
export function custodyHealthcareTender(): Json {
  const ocid = CUSTODY_HEALTHCARE_OCID;
  return {
    ocid,
    id: `${ocid}-tender`,
    date: "2026-11-02T09:00:00Z",
    tag: ["tender"],
    initiationType: "tender",
    language: "en",
    buyer: ref(MOPAC),
    parties: [party(MOPAC, ["buyer", "procuringEntity"])],
    tender: {
      id: `${ocid}-tender`,
      title: "Custody forensic healthcare (demo)",
      description:
        "Healthcare professionals and forensic examinations for detainees in the Met's custody suites, five years from April 2027 with two optional years. Invented for the demo.",
      status: "active",
      procurementMethod: "open",
      procurementMethodDetails: "Open procedure",
      mainProcurementCategory: "services",
      procuringEntity: ref(MOPAC),
      value: { amount: 60_000_000, currency: "GBP" },
      tenderPeriod: { startDate: "2026-11-02T09:00:00Z", endDate: "2027-01-11T12:00:00Z" },
      items: [
        {
          id: "1",
          description: "Forensic medical services in custody suites",
          classification: { scheme: "CPV", id: "85140000", description: "Miscellaneous health services" },
        },
      ],
    },
  };
}

/** Every demo release, in a fixed order. */
export function demoReleases(): Json[] {
  const out: Json[] = [ssclRelease(), custodyHealthcareTender()];
  for (let n = 1; n <= MOPAC_OPEN_PROCESSES; n++) out.push(...openProcess(MOPAC, "mopac", n, n * 37));
  DIRECT_AWARDS.forEach((spec, i) => {
    out.push(directAward(i + 1, spec));
  });
  for (let n = 1; n <= MET_OPEN_PROCESSES; n++) out.push(...openProcess(MET, "mps", n, n * 53 + 11));
  return out;
}

/** The ocid of the n-th demo MOPAC open process. */
export const mopacOcid = (n: number): string => `${DEMO_OCID_PREFIX}mopac-${String(n).padStart(3, "0")}`;
/** Organization ids planted for tests. */
export const DEMO_ORG_IDS = {
  mopac: MOPAC.id,
  met: MET.id,
  rapid: RAPID.id,
  harbour: HARBOUR.id,
  quayside: QUAYSIDE.id,
} as const;
