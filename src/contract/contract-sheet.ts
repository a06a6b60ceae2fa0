/**
 * A contract's record saved in one go, as the contract form sends it: its base fields, the
 * supplier's owners, its term and its payment mechanism, each section the body of its own route
 * without the reason (one reason for all). Every section is checked before any is written, and
 * all are written in one audited transaction: a refusal of any section leaves everything as it
 * was, so a save is never partial.
 */
import { z } from "zod";
import { ContractDates, OwnersBody, putContractOwners, putContractTerm, TermBody } from "./manage-dates.ts";
import { ContractPayment, PaymentMechanismBody, putPaymentMechanism } from "./manage-payment.ts";
import { IdParams, reason } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { Contract, ContractChangeBody, updateContract } from "./records.ts";
import type { Role } from "./roles.ts";

export const ContractSheetBody = z
  .object({
    reason,
    contract: ContractChangeBody.omit({ reason: true })
      .optional()
      .describe("The base fields to correct, as PATCH /contracts/{id} takes them"),
    owners: OwnersBody.shape.owners
      .optional()
      .describe("The supplier's owners, replaced, as PUT /contracts/{id}/owners takes them"),
    term: TermBody.omit({ reason: true })
      .optional()
      .describe("The term, replaced, as PUT /contracts/{id}/term takes it"),
    payment: PaymentMechanismBody.omit({ reason: true })
      .optional()
      .describe("The payment mechanism, replaced, as PUT /contracts/{id}/payment takes it"),
  })
  .strict();
export type ContractSheetBody = z.infer<typeof ContractSheetBody>;

export const ContractSheet = z.object({
  contract: Contract,
  dates: ContractDates,
  payment: ContractPayment,
});
export type ContractSheet = z.infer<typeof ContractSheet>;

/**
 * Who may save the sheet: only a role every one of the four section routes allows, so a role
 * that may not change one section is refused the whole request (403), never part of it.
 */
const SECTION_ROUTES = [updateContract, putContractOwners, putContractTerm, putPaymentMechanism];
const SHEET_ROLES: readonly Role[] = SECTION_ROUTES.map((op) => op.roles).reduce((all, roles) =>
  all.filter((r) => roles.includes(r)),
);

export const putContractSheet = defineOperation({
  operationId: "putContractSheet",
  method: "PUT",
  path: "/contracts/:id/sheet",
  summary: "Save a contract's base fields, owners, term and payment mechanism together: all or nothing",
  description:
    "Each section is optional and is what its own route takes, without the reason (one reason for all). Every section is checked first; if any is refused (400, naming the section and the field), nothing is saved. Otherwise all are written in one audited transaction. Answers the contract, its dates and its payment mechanism as stored.",
  tags: ["contracts"],
  roles: SHEET_ROLES,
  params: IdParams,
  body: ContractSheetBody,
  errors: ["bad_input", "not_found"],
  response: ContractSheet,
});
