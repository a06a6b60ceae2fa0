/**
 * A record may name another by id (a decision its service, a service its wave). An id that names
 * no row would fail the database's foreign key, which both drivers report as an error the API
 * can only answer with a 500 and no field. Each write checks the rows it names first, in its own
 * transaction, and refuses a missing one with a 400 naming the field and the id. Services,
 * contracts and waves are never deleted, so a row found here is still there at commit.
 */
import type { Transaction } from "kysely";
import { InputError } from "../shared/errors.ts";
import type { Database } from "./schema.ts";

const NOUN = { services: "service", contracts: "contract", waves: "market-testing wave" } as const;

export interface Reference {
  /** The field as the client sent it: `serviceId`. */
  field: string;
  table: keyof typeof NOUN;
  /** The id it names; null or undefined names nothing and is not checked. */
  id: string | null | undefined;
}

/** Throws a 400 `unknown_reference` for the first reference whose row does not exist. */
export async function requireRows(trx: Transaction<Database>, refs: Reference[]): Promise<void> {
  for (const r of refs) {
    if (r.id === null || r.id === undefined) continue;
    const row = await trx.selectFrom(r.table).select("id").where("id", "=", r.id).executeTakeFirst();
    if (!row)
      throw new InputError(`${r.field} "${r.id}" names no ${NOUN[r.table]}`, {
        code: "unknown_reference",
        location: { path: r.field },
        details: { field: r.field, id: r.id },
      });
  }
}
