/**
 * A key performance indicator of a contract (Procurement Act 2023 s.52): what is measured and
 * the target, set when the contract is let and rated over its life (rating.ts). This file turns
 * what a user entered into the KPI that is stored, or says which field is wrong.
 */
import { textField } from "./fields.ts";

export interface KpiEntry {
  id: string;
  title: string;
  description?: string | undefined;
  target?: string | undefined;
  published?: boolean | undefined;
  demo?: boolean | undefined;
}

export interface KpiRecord {
  id: string;
  contractId: string;
  title: string;
  description: string;
  target: string;
  published: boolean;
  demo: boolean;
}

/** The KPI to store for `contractId`; an InputError naming the field when one is not valid. */
export function newKpi(contractId: string, input: KpiEntry): KpiRecord {
  return {
    id: textField(input.id, "$.id"),
    contractId,
    title: textField(input.title, "$.title"),
    description: textField(input.description, "$.description", false),
    target: textField(input.target, "$.target", false),
    published: input.published !== false,
    demo: input.demo === true,
  };
}
