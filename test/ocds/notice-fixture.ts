/** Shared inputs for the notice tests: the Met's finance, procurement and HR outsourcing. */
import { loadCodelists } from "../../src/io/ocds-schema.ts";
import type { NoticeContext, Organisation } from "../../src/ocds/notices/common.ts";
import type { JsonObject } from "../../src/ocds/types.ts";
import { createValidator } from "../../src/ocds/validate.ts";

export const buyer: Organisation = {
  id: "GB-GOR-PB1207",
  name: "Mayor's Office for Policing and Crime",
  identifier: { scheme: "GB-GOR", id: "PB1207" },
};
export const supplier: Organisation = {
  id: "GB-COH-09506232",
  name: "Shared Services Connected Ltd",
  identifier: { scheme: "GB-COH", id: "09506232" },
};

export const ctx = (date: string, extra: Partial<NoticeContext> = {}): NoticeContext => ({
  ocid: "ocds-b5fd17-met-fphr",
  date,
  buyer,
  ...extra,
});

export const buyerParty = {
  id: "GB-GOR-PB1207",
  name: "Mayor's Office for Policing and Crime",
  identifier: { scheme: "GB-GOR", id: "PB1207", legalName: "Mayor's Office for Policing and Crime" },
  roles: ["buyer"],
};

const validator = createValidator({ codelists: loadCodelists() });
/** Schema and closed-codelist errors of a release (must be none). */
export const schemaErrors = (r: JsonObject) => validator.validate(r).filter((i) => i.severity === "error");
