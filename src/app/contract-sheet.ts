/**
 * A contract's record saved all or nothing (PUT /api/contracts/{id}/sheet, the contract form's
 * Save): its base fields, the supplier's owners, its term and its payment mechanism. Every
 * section is checked first by the rule its own route uses (checkContractChange, checkOwnership,
 * checkContractTerm, checkContractPayment), against the contract as it will be once its base
 * fields change (a new start date moves what the term and the payment may say; a new supplier
 * is whose owners these are); then all are written in one audited transaction. A refusal names
 * the section and its field, and leaves stored data exactly as it was.
 */
import type { ContractSheet, ContractSheetBody } from "../contract/contract-sheet.ts";
import { checkOwnership, ownersEntered } from "../manage/ownership.ts";
import { InputError } from "../shared/errors.ts";
import { type Actor, withAudit } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { contractRow } from "../store/manage.ts";
import { writeOwnership, writeTerm } from "../store/manage-dates.ts";
import { writePaymentMechanism } from "../store/manage-payment.ts";
import { updateContractRow } from "../store/records.ts";
import { checkContractTerm, contractDates } from "./manage-dates.ts";
import { checkContractPayment, paymentMechanism } from "./manage-payment.ts";
import { checkContractChange, contractAsShown } from "./records.ts";

type Section = "contract" | "owners" | "term" | "payment";

const SECTION_WORDS: Record<Section, string> = {
  contract: "Base fields",
  owners: "Owners",
  term: "Term",
  payment: "Payment mechanism",
};

/** A section's JSON path within the sheet: `$.paymentTermsDays` in payment is `$.payment.paymentTermsDays`. */
function pathIn(section: Section, path: string | undefined): string {
  if (!path || path === "$") return `$.${section}`;
  if (path.startsWith("$.") || path.startsWith("$[")) return `$.${section}${path.slice(1)}`;
  return `$.${section}.${path}`;
}

/** Runs a section's check; its refusal is answered naming the section, in words and in the path. */
async function checked<T>(section: Section, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (!(err instanceof InputError) || err.status !== 400) throw err;
    throw new InputError(`${SECTION_WORDS[section]}: ${err.message}`, {
      code: err.code,
      location: { ...err.location, path: pathIn(section, err.location.path) },
      cause: err,
    });
  }
}

/** Checks every section given, then writes them all in one audited transaction; answers them as stored. */
export async function saveContractSheet(
  store: Store,
  id: string,
  body: Omit<ContractSheetBody, "reason">,
  actor: Actor,
  opts: { now?: string; today?: string } = {},
): Promise<ContractSheet> {
  const row = await contractRow(store, id, false);
  const { contract, owners, term, payment } = body;
  if (!contract && !owners && !term && !payment)
    throw new InputError(
      "nothing to save: send at least one of contract, owners, term or payment besides reason",
    );
  const patch = contract ? await checked("contract", () => checkContractChange(store, id, contract)) : null;
  const startDate = patch?.start_date !== undefined ? patch.start_date : row.start_date;
  const supplier = patch?.supplier ?? row.supplier;
  const shares = owners
    ? await checked("owners", () => checkOwnership(supplier, ownersEntered(owners)))
    : null;
  const newTerm = term ? await checked("term", () => checkContractTerm(id, startDate, term)) : null;
  const mechanism = payment ? await checked("payment", () => checkContractPayment(startDate, payment)) : null;

  const now = opts.now ?? new Date().toISOString();
  await withAudit(store, async (trx) => {
    if (patch) await updateContractRow(trx, id, patch, actor);
    if (shares) await writeOwnership(trx, supplier, shares, now, actor);
    if (newTerm) await writeTerm(trx, newTerm, now, actor);
    if (mechanism) await writePaymentMechanism(trx, id, mechanism, now, actor);
  });
  return {
    contract: await contractAsShown(store, id),
    dates: await contractDates(store, id, false, opts.today),
    payment: await paymentMechanism(store, id, false),
  };
}
