/**
 * What the pipeline and the register's requests do: read a service or a contract with its
 * decisions, the decisions with the gate rules' flags, and add, change or publish a record (in
 * one audited transaction each). The routes (src/server/routes/records.ts) are thin callers; the
 * store keeps the queries and the audit append; the flags are the gate rules' engine.
 */
import type {
  Contract,
  ContractChangeBody,
  ContractDetail,
  Decision,
  Election,
  NewContractBody,
  NewDecisionBody,
  NewServiceBody,
  NewWaveBody,
  Organisation,
  Pipeline,
  Service,
  ServiceChangeBody,
  ServiceDetail,
  Wave,
} from "../contract/records.ts";
import { decisionFlags } from "../decide/gates/decision-flags.ts";
import { InputError } from "../shared/errors.ts";
import { STAGES } from "../shared/lifecycle.ts";
import { withAudit } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import {
  getContract,
  getService,
  insertContract,
  insertDecision,
  insertService,
  insertWave,
  listContracts,
  listDecisions,
  listElections,
  listOrganisations,
  listServices,
  listWaves,
  setPublished,
  updateContractRow,
  updateService,
} from "../store/records.ts";
import type { ContractUpdate, ServiceUpdate } from "../store/schema.ts";
import { withDerivedStatus } from "./manage-dates.ts";

/** What a read may see: `publishedOnly` for the public. */
export interface Visibility {
  publishedOnly: boolean;
}

/** A record added through the API starts unpublished, with no demo values and no source. */
const NEW_RECORD = { published: 0, demo_fields_json: "[]", source: "" } as const;

/**
 * The visible decisions with their flags, oldest first, for one service or contract when named.
 * Flags compare a decision with the others on the same subject, so every visible one is read.
 */
export async function decisionsWithFlags(
  store: Store,
  opts: Visibility & { serviceId?: string; contractId?: string },
): Promise<Decision[]> {
  const all = await listDecisions(store, { publishedOnly: opts.publishedOnly });
  const flags = decisionFlags(all.map((d) => ({ ...d, subject: d.serviceId ?? d.contractId ?? d.id })));
  return all
    .filter(
      (d) =>
        (!opts.serviceId || d.serviceId === opts.serviceId) &&
        (!opts.contractId || d.contractId === opts.contractId),
    )
    .map((d) => ({ ...d, flags: flags.get(d.id) ?? [] }));
}

/** The services by lifecycle stage, every stage listed. */
export async function pipeline(store: Store, { publishedOnly }: Visibility): Promise<Pipeline> {
  const services = await listServices(store, publishedOnly);
  return { stages: STAGES.map((s) => ({ ...s, services: services.filter((x) => x.stage === s.id) })) };
}

/** One service with its decisions and the contracts that serve it. */
export async function serviceDetail(
  store: Store,
  id: string,
  { publishedOnly }: Visibility,
): Promise<ServiceDetail> {
  const service = await getService(store, id, publishedOnly);
  const decisions = await decisionsWithFlags(store, { serviceId: service.id, publishedOnly });
  const served = (await listContracts(store, publishedOnly)).filter((c) => c.serviceIds.includes(service.id));
  const contracts = await withDerivedStatus(store, served, publishedOnly);
  return { ...service, decisions, contracts };
}

/**
 * The register's contracts, each with the status derived from its dates and today's date
 * (src/app/manage-dates.ts), not the stored flag, which goes stale the day a term ends.
 */
export async function contractList(store: Store, { publishedOnly }: Visibility): Promise<Contract[]> {
  return withDerivedStatus(store, await listContracts(store, publishedOnly), publishedOnly);
}

/** One contract with its decisions, and its status derived from its dates. */
export async function contractDetail(
  store: Store,
  id: string,
  { publishedOnly }: Visibility,
): Promise<ContractDetail> {
  const [contract] = await withDerivedStatus(
    store,
    [await getContract(store, id, publishedOnly)],
    publishedOnly,
  );
  if (!contract) throw new Error(`contract ${id} was read but lost its status`);
  const decisions = await decisionsWithFlags(store, { contractId: contract.id, publishedOnly });
  return { ...contract, decisions };
}

const demoFields = (json: string) => JSON.parse(json) as string[];

/** The market-testing waves, earliest first. */
export async function waves(store: Store): Promise<Wave[]> {
  return (await listWaves(store)).map((w) => ({
    id: w.id,
    name: w.name,
    startsOn: w.starts_on,
    endsOn: w.ends_on,
    description: w.description,
    demoFields: demoFields(w.demo_fields_json),
    source: w.source,
  }));
}

/** Buyers and suppliers, by name. */
export async function organisations(store: Store): Promise<Organisation[]> {
  return (await listOrganisations(store)).map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    notes: o.notes,
    demoFields: demoFields(o.demo_fields_json),
    source: o.source,
  }));
}

/** The election calendar, soonest first, of one body when named. */
export async function elections(store: Store, body?: string): Promise<Election[]> {
  return (await listElections(store, body)).map((e) => ({
    body: e.body,
    heldOn: e.held_on,
    name: e.name,
    source: e.source,
  }));
}

/** Adds a service to the catalogue, unpublished, at the pipeline stage unless another is named. */
export async function addService(store: Store, b: NewServiceBody, username: string): Promise<Service> {
  await withAudit(store, (trx) =>
    insertService(
      trx,
      {
        id: b.id,
        name: b.name,
        description: b.description ?? "",
        owner: b.owner ?? "",
        annual_cost_pence: b.annualCostPence ?? null,
        staff: b.staff ?? null,
        volumes: b.volumes ?? "",
        classification: b.classification,
        classification_reason: b.classificationReason,
        stage: b.stage ?? "pipeline",
        wave_id: b.waveId ?? null,
        ...NEW_RECORD,
      },
      { username, reason: b.reason },
    ),
  );
  return getService(store, b.id, false);
}

/** Changes the fields of a service that the body names (at least one besides the reason). */
export async function changeService(
  store: Store,
  id: string,
  b: ServiceChangeBody,
  username: string,
): Promise<Service> {
  const patch: ServiceUpdate = {};
  if (b.name !== undefined) patch.name = b.name;
  if (b.description !== undefined) patch.description = b.description;
  if (b.owner !== undefined) patch.owner = b.owner;
  if (b.annualCostPence !== undefined) patch.annual_cost_pence = b.annualCostPence;
  if (b.staff !== undefined) patch.staff = b.staff;
  if (b.volumes !== undefined) patch.volumes = b.volumes;
  if (b.classification !== undefined) patch.classification = b.classification;
  if (b.classificationReason !== undefined) patch.classification_reason = b.classificationReason;
  if (b.stage !== undefined) patch.stage = b.stage;
  if (b.waveId !== undefined) patch.wave_id = b.waveId;
  await withAudit(store, (trx) => updateService(trx, id, patch, { username, reason: b.reason }));
  return getService(store, id, false);
}

/** Publishes or withdraws a service, a contract or a decision. */
export async function setPublication(
  store: Store,
  table: "services" | "contracts" | "decisions",
  id: string,
  change: { published: boolean; reason: string },
  username: string,
): Promise<{ id: string; published: boolean }> {
  await withAudit(store, (trx) =>
    setPublished(trx, table, id, change.published, { username, reason: change.reason }),
  );
  return { id, published: change.published };
}

/** Adds a market-testing wave; services join it by their waveId. */
export async function addWave(store: Store, b: NewWaveBody, username: string): Promise<Wave> {
  if (b.endsOn && b.endsOn < b.startsOn)
    throw new InputError(`endsOn: the wave ends (${b.endsOn}) before it starts (${b.startsOn})`, {
      location: { path: "endsOn" },
    });
  await withAudit(store, (trx) =>
    insertWave(
      trx,
      {
        id: b.id,
        name: b.name,
        starts_on: b.startsOn,
        ends_on: b.endsOn ?? null,
        description: b.description ?? "",
        demo_fields_json: "[]",
        source: "",
      },
      { username, reason: b.reason },
    ),
  );
  const made = (await waves(store)).find((w) => w.id === b.id);
  if (!made) throw new Error(`wave ${b.id} was recorded but cannot be read back`);
  return made;
}

/** Adds a contract to the register, unpublished, "planned" unless another status is named. */
export async function addContract(store: Store, b: NewContractBody, username: string): Promise<Contract> {
  await withAudit(store, (trx) =>
    insertContract(
      trx,
      {
        id: b.id,
        ocid: b.ocid ?? null,
        title: b.title,
        buyer: b.buyer,
        supplier: b.supplier,
        service_ids_json: JSON.stringify(b.serviceIds ?? []),
        description: b.description ?? "",
        value_pence: b.valuePence ?? null,
        savings_claimed_pence: b.savingsClaimedPence ?? null,
        awarded_on: b.awardedOn ?? null,
        start_date: b.startDate ?? null,
        end_date: b.endDate ?? null,
        max_end_date: b.maxEndDate ?? null,
        status: b.status ?? "planned",
        ...NEW_RECORD,
      },
      { username, reason: b.reason },
    ),
  );
  const [made] = await withDerivedStatus(store, [await getContract(store, b.id, false)], false);
  if (!made) throw new Error(`contract ${b.id} was recorded but cannot be read back`);
  return made;
}

/**
 * The contract's own fields the body names, checked, as the row's patch (at least one besides
 * the reason). The dates that result must run in order: it ends on or after it starts, and its
 * latest possible end is not before its end. 404 when the contract is not there.
 */
export async function checkContractChange(
  store: Store,
  id: string,
  b: Omit<ContractChangeBody, "reason">,
): Promise<ContractUpdate> {
  const patch: ContractUpdate = {};
  if (b.title !== undefined) patch.title = b.title;
  if (b.buyer !== undefined) patch.buyer = b.buyer;
  if (b.supplier !== undefined) patch.supplier = b.supplier;
  if (b.serviceIds !== undefined) patch.service_ids_json = JSON.stringify(b.serviceIds);
  if (b.description !== undefined) patch.description = b.description;
  if (b.valuePence !== undefined) patch.value_pence = b.valuePence;
  if (b.savingsClaimedPence !== undefined) patch.savings_claimed_pence = b.savingsClaimedPence;
  if (b.awardedOn !== undefined) patch.awarded_on = b.awardedOn;
  if (b.startDate !== undefined) patch.start_date = b.startDate;
  if (b.endDate !== undefined) patch.end_date = b.endDate;
  if (b.maxEndDate !== undefined) patch.max_end_date = b.maxEndDate;
  if (Object.keys(patch).length === 0)
    throw new InputError("nothing to change: send at least one field of the contract besides reason");
  const now = await getContract(store, id, false);
  const start = b.startDate !== undefined ? b.startDate : now.startDate;
  const end = b.endDate !== undefined ? b.endDate : now.endDate;
  const maxEnd = b.maxEndDate !== undefined ? b.maxEndDate : now.maxEndDate;
  if (start && end && end < start)
    throw new InputError(`endDate: the contract would end (${end}) before it starts (${start})`, {
      location: { path: "endDate" },
    });
  if (end && maxEnd && maxEnd < end)
    throw new InputError(`maxEndDate: the latest possible end (${maxEnd}) would be before the end (${end})`, {
      location: { path: "maxEndDate" },
    });
  return patch;
}

/** The contract as the register shows it (its status derived from its dates), after a write. */
export async function contractAsShown(store: Store, id: string): Promise<Contract> {
  const [shown] = await withDerivedStatus(store, [await getContract(store, id, false)], false);
  if (!shown) throw new Error(`contract ${id} was changed but cannot be read back`);
  return shown;
}

/** Corrects the contract's own fields the body names, checked (checkContractChange), audited. */
export async function changeContract(
  store: Store,
  id: string,
  b: ContractChangeBody,
  username: string,
): Promise<Contract> {
  const { reason, ...fields } = b;
  const patch = await checkContractChange(store, id, fields);
  await withAudit(store, (trx) => updateContractRow(trx, id, patch, { username, reason }));
  return contractAsShown(store, id);
}

/** Records a decision, unpublished, decided by the caller unless the body names who; answers it with its flags. */
export async function recordDecision(store: Store, b: NewDecisionBody, username: string): Promise<Decision> {
  await withAudit(store, (trx) =>
    insertDecision(
      trx,
      {
        id: b.id,
        service_id: b.serviceId ?? null,
        contract_id: b.contractId ?? null,
        decided_on: b.decidedOn,
        gate: b.gate,
        title: b.title,
        outcome: b.outcome,
        rationale: b.rationale ?? "",
        drivers_json: JSON.stringify(b.drivers ?? []),
        decided_by: b.decidedBy ?? username,
        out_of_order_reason: b.outOfOrderReason ?? null,
        ...NEW_RECORD,
      },
      { username, reason: b.reason },
    ),
  );
  const all = await decisionsWithFlags(store, { publishedOnly: false, serviceId: b.serviceId ?? undefined });
  const made = all.find((d) => d.id === b.id);
  if (!made) throw new Error(`decision ${b.id} was recorded but cannot be read back`);
  return made;
}
