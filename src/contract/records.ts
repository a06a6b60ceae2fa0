/**
 * The pipeline and the register as the API offers them: services, market-testing waves,
 * contracts, decisions, organisations and elections. Anyone may read what is published, staff
 * see everything, the buyer side writes. Money is integer pence, dates ISO; each record says
 * which of its values were invented for the demo (`demoFields`) and where the rest came from.
 */
import { z } from "zod";
import { STAGE_IDS } from "../shared/lifecycle.ts";
import {
  IdParams,
  isoDate,
  NEGATIVE_PENCE,
  Publication,
  PublicationBody,
  pence,
  reason,
  slug,
} from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { ANYONE, COMMERCIAL, CONTRACT_SIDE } from "./roles.ts";

/** Fields every record carries: published or not, which values are demo values, and the source of the rest. */
const provenance = {
  published: z.boolean(),
  demoFields: z.array(z.string()).describe("Fields whose values were invented for the demo"),
  source: z.string().describe("Where the other values came from"),
};

const Classification = z.enum(["core", "non-core"]);
const StageId = z.enum(STAGE_IDS as [string, ...string[]]);
/** A decision is taken at a lifecycle stage's gate, or by scrutiny. */
const GATES = [...STAGE_IDS, "scrutiny"] as readonly string[] as [string, ...string[]];

export const Service = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  annualCostPence: z.number().int().nullable(),
  staff: z.number().int().nullable(),
  volumes: z.string(),
  classification: Classification,
  classificationReason: z.string(),
  stage: z.string().describe("The lifecycle stage's id (src/shared/lifecycle.ts)"),
  waveId: z.string().nullable(),
  ...provenance,
});
export type Service = z.infer<typeof Service>;

export const Contract = z.object({
  id: z.string(),
  ocid: z.string().nullable(),
  title: z.string(),
  buyer: z.string(),
  supplier: z.string(),
  serviceIds: z.array(z.string()),
  description: z.string(),
  valuePence: z.number().int().nullable(),
  savingsClaimedPence: z.number().int().nullable(),
  awardedOn: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  maxEndDate: z.string().nullable(),
  status: z
    .string()
    .describe(
      "Derived from the contract's dates and today's date in Europe/London: awarded, active, extended, in notice, expired or terminated; a contract not awarded shows its procurement stage",
    ),
  ...provenance,
});
export type Contract = z.infer<typeof Contract>;

export const Decision = z.object({
  id: z.string(),
  serviceId: z.string().nullable(),
  contractId: z.string().nullable(),
  decidedOn: z.string(),
  gate: z.string(),
  title: z.string(),
  outcome: z.string(),
  rationale: z.string(),
  drivers: z.array(z.string()),
  decidedBy: z.string(),
  outOfOrderReason: z.string().nullable(),
  ...provenance,
  flags: z
    .array(z.string())
    .describe(
      'The gate rules\' flags: "budget-driven", "not the logical order" (src/decide/gates/decision-flags.ts)',
    ),
});
export type Decision = z.infer<typeof Decision>;

export const ServiceDetail = Service.extend({ decisions: z.array(Decision), contracts: z.array(Contract) });
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const ContractDetail = Contract.extend({ decisions: z.array(Decision) });
export type ContractDetail = z.infer<typeof ContractDetail>;

export const Stage = z.object({ id: z.string(), label: z.string(), services: z.array(Service) });
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({ stages: z.array(Stage) });
export type Pipeline = z.infer<typeof Pipeline>;

export const Wave = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  description: z.string(),
  demoFields: z.array(z.string()),
  source: z.string(),
});
export type Wave = z.infer<typeof Wave>;

export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  notes: z.string(),
  demoFields: z.array(z.string()),
  source: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const Election = z.object({
  body: z.string(),
  heldOn: z.string(),
  name: z.string(),
  source: z.string(),
});
export type Election = z.infer<typeof Election>;

/** Fields shared by every record: which values were invented for the demo, and the source of the rest. */
export type Provenance = Pick<Service, "published" | "demoFields" | "source">;

// ---- request bodies ----

/** A service's fields as a client sends them, for adding one and for changing one. */
const serviceFields = {
  name: z.string().min(1),
  description: z.string(),
  owner: z.string(),
  annualCostPence: pence(0).nullable(),
  staff: z.number().int().min(0).nullable(),
  volumes: z.string(),
  classification: Classification,
  classificationReason: z.string().min(1),
  stage: StageId,
  waveId: z.string().nullable(),
};

export const NewServiceBody = z
  .object({
    id: slug,
    name: serviceFields.name,
    description: serviceFields.description.optional(),
    owner: serviceFields.owner.optional(),
    annualCostPence: serviceFields.annualCostPence.optional(),
    staff: serviceFields.staff.optional(),
    volumes: serviceFields.volumes.optional(),
    classification: serviceFields.classification,
    classificationReason: serviceFields.classificationReason,
    stage: serviceFields.stage.optional(),
    waveId: serviceFields.waveId.optional(),
    reason,
  })
  .strict();
export type NewServiceBody = z.infer<typeof NewServiceBody>;

export const ServiceChangeBody = z
  .object({
    name: serviceFields.name.optional(),
    description: serviceFields.description.optional(),
    owner: serviceFields.owner.optional(),
    annualCostPence: serviceFields.annualCostPence.optional(),
    staff: serviceFields.staff.optional(),
    volumes: serviceFields.volumes.optional(),
    classification: serviceFields.classification.optional(),
    classificationReason: serviceFields.classificationReason.optional(),
    stage: serviceFields.stage.optional(),
    waveId: serviceFields.waveId.optional(),
    reason,
  })
  .strict();
export type ServiceChangeBody = z.infer<typeof ServiceChangeBody>;

export const NewContractBody = z
  .object({
    id: slug,
    ocid: z.string().nullable().optional(),
    title: z.string().min(1),
    buyer: z.string().min(1),
    supplier: z.string().min(1),
    serviceIds: z.array(z.string()).optional(),
    description: z.string().optional(),
    valuePence: pence(0).nullable().optional(),
    savingsClaimedPence: pence(NEGATIVE_PENCE).nullable().optional(),
    awardedOn: isoDate.nullable().optional(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    maxEndDate: isoDate.nullable().optional(),
    status: z.string().optional(),
    reason,
  })
  .strict();
export type NewContractBody = z.infer<typeof NewContractBody>;

/** The contract's own fields a contract manager corrects later; each one named is changed. */
export const ContractChangeBody = NewContractBody.omit({ id: true, ocid: true, status: true })
  .partial()
  .extend({ reason })
  .strict();
export type ContractChangeBody = z.infer<typeof ContractChangeBody>;

export const NewWaveBody = z
  .object({
    id: slug,
    name: z.string().min(1),
    startsOn: isoDate,
    endsOn: isoDate.nullable().optional(),
    description: z.string().optional(),
    reason,
  })
  .strict();
export type NewWaveBody = z.infer<typeof NewWaveBody>;

export const NewDecisionBody = z
  .object({
    id: slug,
    serviceId: z.string().nullable().optional(),
    contractId: z.string().nullable().optional(),
    decidedOn: isoDate,
    gate: z.enum(GATES),
    title: z.string().min(1),
    outcome: z.string().min(1),
    rationale: z.string().optional(),
    drivers: z.array(z.string().min(1)).optional(),
    decidedBy: z.string().optional(),
    outOfOrderReason: z.string().nullable().optional(),
    reason,
  })
  .strict();
export type NewDecisionBody = z.infer<typeof NewDecisionBody>;

// ---- operations: reads ----

export const getPipeline = defineOperation({
  operationId: "getPipeline",
  method: "GET",
  path: "/pipeline",
  summary: "Services by lifecycle stage",
  tags: ["pipeline"],
  roles: ANYONE,
  response: Pipeline,
});

export const listServices = defineOperation({
  operationId: "listServices",
  method: "GET",
  path: "/services",
  summary: "Service catalogue",
  tags: ["pipeline"],
  roles: ANYONE,
  response: z.array(Service),
});

export const getService = defineOperation({
  operationId: "getService",
  method: "GET",
  path: "/services/:id",
  summary: "One service with its decisions and contracts",
  tags: ["pipeline"],
  roles: ANYONE,
  params: IdParams,
  response: ServiceDetail,
});

export const listWaves = defineOperation({
  operationId: "listWaves",
  method: "GET",
  path: "/waves",
  summary: "Market-testing waves",
  tags: ["pipeline"],
  roles: ANYONE,
  response: z.array(Wave),
});

export const listContracts = defineOperation({
  operationId: "listContracts",
  method: "GET",
  path: "/contracts",
  summary: "Contract register",
  tags: ["contracts"],
  roles: ANYONE,
  response: z.array(Contract),
});

export const getContract = defineOperation({
  operationId: "getContract",
  method: "GET",
  path: "/contracts/:id",
  summary: "One contract with its decisions",
  tags: ["contracts"],
  roles: ANYONE,
  params: IdParams,
  response: ContractDetail,
});

export const listDecisions = defineOperation({
  operationId: "listDecisions",
  method: "GET",
  path: "/decisions",
  summary: "Decisions, oldest first",
  tags: ["decisions"],
  roles: ANYONE,
  query: z.object({ serviceId: z.string().optional(), contractId: z.string().optional() }).strict(),
  response: z.array(Decision),
});

export const listOrganisations = defineOperation({
  operationId: "listOrganisations",
  method: "GET",
  path: "/organisations",
  summary: "Buyers and suppliers",
  tags: ["reference"],
  roles: ANYONE,
  response: z.array(Organisation),
});

export const listElections = defineOperation({
  operationId: "listElections",
  method: "GET",
  path: "/elections",
  summary: "Election calendar",
  tags: ["reference"],
  roles: ANYONE,
  query: z.object({ body: z.string().optional() }).strict(),
  response: z.array(Election),
});

// ---- operations: writes ----

export const createService = defineOperation({
  operationId: "createService",
  method: "POST",
  path: "/services",
  summary: "Add a service to the catalogue",
  tags: ["pipeline"],
  roles: COMMERCIAL,
  body: NewServiceBody,
  status: 201,
  errors: ["duplicate_id", "unknown_reference"],
  response: Service,
});

export const updateService = defineOperation({
  operationId: "updateService",
  method: "PATCH",
  path: "/services/:id",
  summary: "Change a service (stage, cost, classification...)",
  tags: ["pipeline"],
  roles: COMMERCIAL,
  params: IdParams,
  body: ServiceChangeBody,
  errors: ["unknown_reference"],
  response: Service,
});

function publishOperation<const Id extends string, const P extends string>(
  operationId: Id,
  path: P,
  what: string,
  tag: string,
  roles: typeof COMMERCIAL,
) {
  return defineOperation({
    operationId,
    method: "POST",
    path,
    summary: `Publish or withdraw a ${what}`,
    tags: [tag],
    roles,
    params: IdParams,
    body: PublicationBody,
    response: Publication,
  });
}

export const publishService = publishOperation(
  "publishService",
  "/services/:id/publication",
  "service",
  "pipeline",
  COMMERCIAL,
);
export const publishContract = publishOperation(
  "publishContract",
  "/contracts/:id/publication",
  "contract",
  "contracts",
  CONTRACT_SIDE,
);
export const publishDecision = publishOperation(
  "publishDecision",
  "/decisions/:id/publication",
  "decision",
  "decisions",
  COMMERCIAL,
);

export const createContract = defineOperation({
  operationId: "createContract",
  method: "POST",
  path: "/contracts",
  summary: "Add a contract to the register",
  tags: ["contracts"],
  roles: CONTRACT_SIDE,
  body: NewContractBody,
  status: 201,
  errors: ["duplicate_id"],
  response: Contract,
});

export const updateContract = defineOperation({
  operationId: "updateContract",
  method: "PATCH",
  path: "/contracts/:id",
  summary: "Correct a contract's parties, services, value, savings claimed or dates",
  tags: ["contracts"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: ContractChangeBody,
  errors: ["bad_input"],
  response: Contract,
});

export const createWave = defineOperation({
  operationId: "createWave",
  method: "POST",
  path: "/waves",
  summary: "Add a market-testing wave",
  tags: ["pipeline"],
  roles: COMMERCIAL,
  body: NewWaveBody,
  status: 201,
  errors: ["duplicate_id", "bad_input"],
  response: Wave,
});

export const createDecision = defineOperation({
  operationId: "createDecision",
  method: "POST",
  path: "/decisions",
  summary: "Record a decision with its drivers",
  tags: ["decisions"],
  roles: COMMERCIAL,
  body: NewDecisionBody,
  status: 201,
  errors: ["duplicate_id", "unknown_reference"],
  response: Decision,
});
