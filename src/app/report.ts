/**
 * The scrutiny report's use case: reads what the store holds on the body, one service or one
 * contract (records, Decide's documents with the engine's results, gate histories, KPIs and
 * ratings, billing totals, red flags on the contracting processes), narrows it to the scope, and
 * hands it to the pure report engine (src/report). The CLI (`nous report scrutiny`) and the API
 * (`GET /api/report/scrutiny`) both call `scrutinyReport`. The date the data was read is passed
 * in (the adapters take todayInLondon()). Staff only: the report reads unpublished records.
 */
import type { AppraisalResult, DocumentOfKind, StoredDocument } from "../contract/decide.ts";
import type { FlagsRun } from "../contract/flags.ts";
import { allIndicatorsSettings } from "../flags/settings.ts";
import { buildScrutinyReport } from "../report/build.ts";
import { type RenderOptions, renderReportHtml } from "../report/html.ts";
import type {
  ContractCredits,
  ContractFlags,
  ContractSavings,
  ReportInput,
  SubjectGates,
  WithResult,
} from "../report/input.ts";
import type { ReportDocument, ScopeKind } from "../report/model.ts";
import { InputError } from "../shared/errors.ts";
import { STAGES } from "../shared/lifecycle.ts";
import type { Store } from "../store/db.ts";
import { listDocuments, listGateEvents } from "../store/decide.ts";
import { readContractEvents } from "../store/manage.ts";
import { getContract, getService, listContracts, listOrganisations, listServices } from "../store/records.ts";
import { billingTotals } from "./billing.ts";
import { gateHistory, horizonResult, workforceResult } from "./decide.ts";
import type { DerivedResults } from "./derived-results.ts";
import { FLAGS_NOTICE } from "./flags-view.ts";
import { serviceCreditsFor } from "./manage-performance.ts";
import { savingsFor } from "./manage-value.ts";
import { decisionsWithFlags } from "./records.ts";

export interface ReportScopeQuery {
  serviceId?: string | undefined;
  contractId?: string | undefined;
}

export interface ScrutinyOptions extends ReportScopeQuery {
  /** The date the data is read (ISO), from todayInLondon() in the adapters. */
  today: string;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function scopeOf(q: ReportScopeQuery): { kind: ScopeKind; id?: string } {
  if (q.serviceId && q.contractId)
    throw new InputError("name a service or a contract for the report, not both", {
      location: { path: "$.contract" },
    });
  if (q.serviceId) return { kind: "service", id: q.serviceId };
  if (q.contractId) return { kind: "contract", id: q.contractId };
  return { kind: "body" };
}

/** The service credits of a contract's regime (src/app/manage-performance.ts); null when no regime is recorded. */
async function creditsOf(store: Store, contractId: string, today: string): Promise<ContractCredits> {
  try {
    const r = await serviceCreditsFor(store, contractId, today);
    if (!r.regime) return { contractId, creditsPence: null, months: null, basis: r.terms };
    return { contractId, creditsPence: r.totalCreditPence, months: r.months.length, basis: r.terms };
  } catch (e) {
    return { contractId, creditsPence: null, months: null, basis: `could not be read: ${errorText(e)}` };
  }
}

/** Savings claimed and realised to date (src/app/manage-value.ts); realised null when no savings plan is recorded. */
async function savingsOf(
  store: Store,
  contractId: string,
  headlinePence: number | null,
  today: string,
): Promise<ContractSavings> {
  const none = { contractId, claimedPence: headlinePence, claimedToDatePence: null, realisedPence: null };
  try {
    const s = await savingsFor(store, contractId, today);
    if (!s.planned) return { ...none, basis: null };
    return {
      contractId,
      claimedPence: s.claimedTotalPence,
      claimedToDatePence: s.claimedToDatePence,
      realisedPence: s.realisedToDatePence,
      basis: `savings plan${s.demo ? " (demo figures)" : ""}`,
    };
  } catch (e) {
    return { ...none, basis: `could not be read: ${errorText(e)}` };
  }
}

/** Everything the report is built from, narrowed to the scope; 404 when the service or contract is not there. */
export async function scrutinyReportInput(
  store: Store,
  derived: Pick<DerivedResults, "appraisals" | "flags">,
  opts: ScrutinyOptions,
): Promise<ReportInput> {
  const scope = scopeOf(opts);
  if (scope.kind === "service") await getService(store, scope.id!, false);
  if (scope.kind === "contract") await getContract(store, scope.id!, false);
  const allServices = await listServices(store, false);
  const allContracts = await listContracts(store, false);
  const contracts =
    scope.kind === "body"
      ? allContracts
      : scope.kind === "contract"
        ? allContracts.filter((c) => c.id === scope.id)
        : allContracts.filter((c) => c.serviceIds.includes(scope.id!));
  const services =
    scope.kind === "body"
      ? allServices
      : scope.kind === "service"
        ? allServices.filter((s) => s.id === scope.id)
        : allServices.filter((s) => contracts.some((c) => c.serviceIds.includes(s.id)));
  const contractIds = new Set(contracts.map((c) => c.id));
  const serviceIds = new Set(services.map((s) => s.id));
  /** A record about a contract belongs to the contract's scope; one about a service alone, to the service's. */
  const inScope = (r: { serviceId: string | null; contractId: string | null }) =>
    scope.kind === "body" ||
    (r.contractId ? contractIds.has(r.contractId) : r.serviceId !== null && serviceIds.has(r.serviceId));

  const decisions = (await decisionsWithFlags(store, { publishedOnly: false })).filter(inScope);

  /** Each in-scope document of a kind with the engine's result, or the reason it has none. */
  async function withResults<K extends "appraisal" | "horizon" | "workforce", R>(
    kind: K,
    compute: (doc: DocumentOfKind<K>) => R | Promise<R>,
  ): Promise<WithResult<R>[]> {
    const out: WithResult<R>[] = [];
    for (const doc of (await listDocuments(store, kind, { publishedOnly: false })).filter(inScope)) {
      const d: StoredDocument = doc;
      const head = {
        id: d.id,
        title: d.title,
        serviceId: d.serviceId,
        contractId: d.contractId,
        demoFields: d.demoFields,
      };
      try {
        out.push({ ...head, result: await compute(doc) });
      } catch (e) {
        out.push({ ...head, result: null, error: errorText(e) });
      }
    }
    return out;
  }
  const appraisals = await withResults(
    "appraisal",
    async (doc) => (await derived.appraisals.result(doc, {})) as AppraisalResult,
  );
  const horizons = await withResults("horizon", (doc) => horizonResult(store, doc.document));
  const workforce = await withResults("workforce", (doc) => workforceResult(doc.document));

  const events = (await listGateEvents(store, { publishedOnly: false })).filter(inScope);
  const bySubject = new Map<string, { subject: SubjectGates["subject"]; events: typeof events }>();
  for (const e of events) {
    const subject = e.contractId
      ? { kind: "contract" as const, id: e.contractId }
      : { kind: "service" as const, id: e.serviceId ?? "" };
    const key = `${subject.kind}:${subject.id}`;
    const entry = bySubject.get(key) ?? { subject, events: [] };
    entry.events.push(e);
    bySubject.set(key, entry);
  }
  const gates = [...bySubject.values()].map((g) => ({ subject: g.subject, history: gateHistory(g.events) }));

  const performance: ReportInput["performance"] = [];
  const billing: ReportInput["billing"] = [];
  const credits: ReportInput["credits"] = [];
  const savings: ReportInput["savings"] = [];
  for (const c of contracts) {
    const ev = await readContractEvents(store, c.id, false);
    performance.push({ contractId: c.id, kpis: ev.kpis, ratings: ev.ratings });
    billing.push(await billingTotals(store, c.id));
    credits.push(await creditsOf(store, c.id, opts.today));
    savings.push(await savingsOf(store, c.id, c.savingsClaimedPence, opts.today));
  }

  let flags: ContractFlags[] | null = null;
  let flaggedProcesses: ReportInput["flaggedProcesses"] = [];
  let flagsNote = FLAGS_NOTICE;
  if (contracts.some((c) => c.ocid) || scope.kind === "body") {
    try {
      const run = JSON.parse(
        await derived.flags.viewText({
          buyer: undefined,
          today: opts.today,
          settingsText: undefined,
          settings: allIndicatorsSettings(),
        }),
      ) as FlagsRun;
      flags = contracts
        .filter((c) => c.ocid)
        .map((c) => ({
          contractId: c.id,
          ocid: c.ocid!,
          flags: run.groups.OCID.find((e) => e.id === c.ocid)?.flags ?? [],
        }));
      if (scope.kind === "body")
        flaggedProcesses = run.groups.OCID.map((e) => ({ ocid: e.id, name: e.name, flags: e.flags }));
      flagsNote = `${FLAGS_NOTICE} Every indicator ran with its default settings on the ${run.processes} contracting processes stored (${run.period}).`;
    } catch (e) {
      flagsNote = `${FLAGS_NOTICE} The indicators could not be run: ${errorText(e)}`;
    }
  } else {
    flags = [];
  }

  const organisations = await listOrganisations(store);
  const body = organisations.find((o) => o.kind === "buyer")?.name ?? allContracts[0]?.buyer ?? "the body";
  return {
    scope,
    body,
    dataReadOn: opts.today,
    stages: STAGES.map((s) => ({ id: s.id, label: s.label })),
    services,
    contracts,
    decisions,
    appraisals,
    gates,
    horizons,
    workforce,
    performance,
    credits,
    savings,
    billing,
    flags,
    flaggedProcesses,
    flagsNote,
  };
}

export interface ScrutinyReport {
  document: ReportDocument;
  html: string;
}

/** The report of the body, a service or a contract, as a document and as one self-contained HTML file. */
export async function scrutinyReport(
  store: Store,
  derived: Pick<DerivedResults, "appraisals" | "flags">,
  opts: ScrutinyOptions & RenderOptions,
): Promise<ScrutinyReport> {
  const document = buildScrutinyReport(await scrutinyReportInput(store, derived, opts));
  return { document, html: renderReportHtml(document, opts.linkBase ? { linkBase: opts.linkBase } : {}) };
}

/** `scrutiny-<scope>-<date>.html`, from characters safe in a file name and a header. */
export function reportFileName(q: ReportScopeQuery, today: string, ext: "html" | "pdf"): string {
  const what = q.contractId ? `contract-${q.contractId}` : q.serviceId ? `service-${q.serviceId}` : "body";
  return `scrutiny-${what.replace(/[^A-Za-z0-9._-]/g, "_")}-${today}.${ext}`;
}
