/**
 * A contract's payment mechanism, in the API: how the price is set, invoiced, paid, indexed and
 * capped (src/manage/payment-mechanism.ts says what each field means and checks it). Staff read
 * it (the pricing basis and the caps are commercial terms); the contract side records it, the
 * whole mechanism replaced and audited with the reason given.
 */
import { z } from "zod";
import {
  INDEXATION_KINDS,
  INVOICING_FREQUENCIES,
  MAX_PAYMENT_DAYS,
  PRICING_BASES,
} from "../manage/payment-mechanism.ts";
import { IdParams, isoDate, reason } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { CONTRACT_SIDE, STAFF } from "./roles.ts";

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as readonly [T, ...T[]]);
const shareBp = (what: string) =>
  z.number().int().min(0).max(10_000).nullable().describe(`${what}, in basis points (2500 = 25%)`);

const fields = {
  pricingBasis: enumOf(PRICING_BASES).describe("How the price is set"),
  painShareBp: shareBp("Target cost only: the supplier's share of an overrun"),
  gainShareBp: shareBp("Target cost only: the supplier's share of an underrun"),
  invoicing: enumOf(INVOICING_FREQUENCIES).describe("How often the supplier invoices"),
  paymentTermsDays: z
    .number()
    .int()
    .describe(`Days to pay a valid invoice; at most ${MAX_PAYMENT_DAYS} (Procurement Act 2023 s.68)`),
  indexation: enumOf(INDEXATION_KINDS),
  indexationRateBp: z
    .number()
    .int()
    .nullable()
    .describe("Fixed indexation only: the yearly uplift in basis points"),
  indexationReviewOn: isoDate.nullable().describe("When the indexation is next applied"),
  serviceCreditCapBp: shareBp("The most service credits may take off a month's charge"),
  note: z.string().max(2000),
};

export const PaymentMechanism = z.object({ ...fields, updatedAt: z.string(), demo: z.boolean() });

export const ContractPayment = z.object({
  contractId: z.string(),
  mechanism: PaymentMechanism.nullable().describe("Null until one is recorded"),
});
export type ContractPayment = z.infer<typeof ContractPayment>;

export const PaymentMechanismBody = z
  .object({
    reason,
    ...fields,
    paymentTermsDays: fields.paymentTermsDays.min(1).max(365),
    indexationRateBp: z.number().int().min(0).max(10_000).nullable(),
    note: fields.note.optional(),
  })
  .strict();
export type PaymentMechanismBody = z.infer<typeof PaymentMechanismBody>;

export const getPaymentMechanism = defineOperation({
  operationId: "getPaymentMechanism",
  method: "GET",
  path: "/contracts/:id/payment",
  summary:
    "A contract's payment mechanism: pricing basis, invoicing, payment terms, indexation, service credit cap",
  tags: ["manage"],
  roles: STAFF,
  params: IdParams,
  response: ContractPayment,
});

export const putPaymentMechanism = defineOperation({
  operationId: "putPaymentMechanism",
  method: "PUT",
  path: "/contracts/:id/payment",
  summary: "Record a contract's payment mechanism",
  description:
    "Replaces the whole mechanism. Refused, naming the field, when it does not hold: payment terms over 30 days (Procurement Act 2023 s.68), a pain/gain share on anything but a target cost, an indexation without its review date.",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: PaymentMechanismBody,
  errors: ["bad_input"],
  response: ContractPayment,
});
