/**
 * Types and fetchers for the Decide API: a deal's stored documents with the engine's results
 * and its gate history. Money in results arrives as decimal pounds (strings to the penny);
 * `pence()` turns it into integer pence for the Money component.
 */

import {
  appraisalOperations,
  type Deal,
  type DealDocument,
  type DecideKind,
  type DocumentBody,
  documentOperationsByKind,
  type GateEventBody,
  getDeal,
  recordGateEvent,
  type StoredDocument,
} from "../../src/contract/decide.ts";
import { parsePounds } from "../../src/shared/money.ts";
import type { Role } from "./api.ts";
import { call } from "./client.ts";

/** "-308929869.37" -> -30892986937 (integer pence); null stays null. */
export function pence(decimal: string | null | undefined): number | null {
  if (decimal === null || decimal === undefined) return null;
  return parsePounds(decimal);
}

// Decide's shapes come from the API contract (src/contract/decide.ts): the engine's findings, the
// results of each kind, the stored documents and the gate history.
export type {
  AppraisalResult,
  CapabilityResult,
  Deal,
  DealDocument,
  DecideKind,
  DmaResult,
  DocumentBody,
  Finding,
  GateEventBody,
  GateEventView,
  GateHistory,
  HorizonResult,
  MoneySummary,
  StoredDocument,
  WorkforceResult,
} from "../../src/contract/decide.ts";

/** An appraisal case as the list of them answers it. */
export type AppraisalListItem = Extract<StoredDocument, { kind: "appraisal" }>;

/**
 * The kinds of decision document, with the JSON schema documenting the file form and an example
 * file (both in the repository: the API does not serve them).
 */
export const DOCUMENT_KINDS: ReadonlyArray<{
  kind: DecideKind;
  label: string;
  schema: string;
  example: string;
}> = [
  {
    kind: "appraisal",
    label: "Appraisal case",
    schema: "schema/decide/case.schema.json",
    example: "docs/decide/examples/simple-case.json",
  },
  {
    kind: "dma",
    label: "Delivery model assessment (DMA)",
    schema: "schema/decide/dma.schema.json",
    example: "docs/decide/examples/met-dma.json",
  },
  {
    kind: "workforce",
    label: "Workforce impact",
    schema: "schema/decide/workforce.schema.json",
    example: "docs/decide/examples/met-workforce.json",
  },
  {
    kind: "capability",
    label: "Commercial capability self-assessment",
    schema: "schema/decide/capability.schema.json",
    example: "docs/decide/examples/met-capability.json",
  },
  {
    kind: "horizon",
    label: "Payment profile and break points",
    schema: "schema/decide/contract.schema.json",
    example: "docs/decide/examples/met-sscl-contract.json",
  },
];

export const kindInfo = (kind: DecideKind) => DOCUMENT_KINDS.find((k) => k.kind === kind)!;

/** Who may write a kind: the roles its operation declares (finance may also write appraisal cases). */
export function canWriteKind(role: Role, kind: DecideKind): boolean {
  return documentOperationsByKind[kind].put.roles.includes(role);
}

/** Who may record gate steps: the roles the operation declares. */
export const canRecordGates = (role: Role): boolean => recordGateEvent.roles.includes(role);

export const decideApi = {
  deal: (contractId: string) => call(getDeal, { params: { id: contractId } }),
  appraisals: () => call(appraisalOperations.list, {}),
  appraisal: (id: string) => call(appraisalOperations.get, { params: { id } }),
  appraisalResult: (id: string) => call(appraisalOperations.result, { params: { id } }),
  putDocument: (kind: DecideKind, id: string, body: DocumentBody): Promise<StoredDocument> =>
    call(documentOperationsByKind[kind].put, { params: { id }, body }),
  setPublished: (kind: DecideKind, id: string, published: boolean, reason: string) =>
    call(documentOperationsByKind[kind].publish, { params: { id }, body: { published, reason } }),
  recordGateEvent: (body: GateEventBody) => call(recordGateEvent, { body }),
};

/** The first document of a kind in a deal, typed. */
export function docOf<K extends DecideKind>(
  deal: Deal,
  kind: K,
): Extract<DealDocument, { kind: K }> | undefined {
  return deal.documents.find((d): d is Extract<DealDocument, { kind: K }> => d.kind === kind);
}
