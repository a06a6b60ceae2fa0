/**
 * The contract form's first section: the contract's own fields (title, buyer, supplier, value,
 * savings claimed, award, start, end and latest possible end), as recorded, to correct. Checked
 * as typed by the same words as /contracts/new (contractProblems); only the fields that differ
 * from the record are sent (PATCH /api/contracts/{id}).
 */
import type { Contract, ContractChangeBody } from "../../../src/contract/records.ts";
import { parseMoneyInput, penceToInput } from "../money-input.ts";
import { contractProblems, type Typed } from "../pages/contract-model.ts";
import { TextField } from "./Form.tsx";

export type PartiesTyped = Omit<Typed, "id" | "reason">;
type Patch = Omit<ContractChangeBody, "reason">;

export function partiesOf(c: Contract): PartiesTyped {
  return {
    title: c.title,
    buyer: c.buyer,
    supplier: c.supplier,
    description: c.description,
    value: c.valuePence === null ? "" : penceToInput(c.valuePence),
    savings: c.savingsClaimedPence === null ? "" : penceToInput(c.savingsClaimedPence),
    awardedOn: c.awardedOn ?? "",
    startDate: c.startDate ?? "",
    endDate: c.endDate ?? "",
    maxEndDate: c.maxEndDate ?? "",
  };
}

const pence = (text: string): number | null => {
  const m = parseMoneyInput(text);
  return "pence" in m ? m.pence : null;
};

/** The first problem with what was typed, or the fields that changed (empty when none did). */
export function checkParties(t: PartiesTyped, c: Contract): { problem: string } | { patch: Patch } {
  const problems = contractProblems({ ...t, id: c.id, reason: "-" });
  const first = Object.values(problems)[0];
  if (first) return { problem: first };
  const patch: Patch = {};
  if (t.title.trim() !== c.title) patch.title = t.title.trim();
  if (t.buyer.trim() !== c.buyer) patch.buyer = t.buyer.trim();
  if (t.supplier.trim() !== c.supplier) patch.supplier = t.supplier.trim();
  if (t.description.trim() !== c.description) patch.description = t.description.trim();
  if (pence(t.value) !== c.valuePence) patch.valuePence = pence(t.value);
  if (pence(t.savings) !== c.savingsClaimedPence) patch.savingsClaimedPence = pence(t.savings);
  for (const k of ["awardedOn", "startDate", "endDate", "maxEndDate"] as const) {
    const v = t[k] || null;
    if (v !== c[k]) patch[k] = v;
  }
  return { patch };
}

const WORDS: Record<keyof Patch, string> = {
  title: "title",
  buyer: "buyer",
  supplier: "supplier",
  serviceIds: "services",
  description: "description",
  valuePence: "value",
  savingsClaimedPence: "savings claimed",
  awardedOn: "award date",
  startDate: "start",
  endDate: "end",
  maxEndDate: "latest possible end",
};

/** The changed fields in words: "supplier, value". */
export function changedWords(patch: Patch): string {
  return (Object.keys(patch) as (keyof Patch)[]).map((k) => WORDS[k]).join(", ");
}

export function PartiesFields({
  t,
  setT,
  problem,
}: {
  t: PartiesTyped;
  setT: (t: PartiesTyped) => void;
  problem: string | null;
}) {
  const set = (k: keyof PartiesTyped) => (v: string) => setT({ ...t, [k]: v });
  return (
    <fieldset className="form__group" aria-describedby="edit-parties-verdict">
      <legend>Parties and base fields</legend>
      <TextField id="edit-title" label="Title" value={t.title} onChange={set("title")} />
      <TextField id="edit-buyer" label="Buyer" value={t.buyer} onChange={set("buyer")} />
      <TextField id="edit-supplier" label="Supplier" value={t.supplier} onChange={set("supplier")} />
      <TextField
        id="edit-value"
        label="Value"
        value={t.value}
        onChange={set("value")}
        hint="Pounds, as written: 234,500,000 or £234.5m. Empty when not known."
      />
      <TextField id="edit-savings" label="Savings claimed" value={t.savings} onChange={set("savings")} />
      <TextField
        id="edit-awarded"
        label="Awarded on"
        type="date"
        value={t.awardedOn}
        onChange={set("awardedOn")}
      />
      <TextField
        id="edit-start"
        label="Starts on"
        type="date"
        value={t.startDate}
        onChange={set("startDate")}
      />
      <TextField id="edit-end" label="Ends on" type="date" value={t.endDate} onChange={set("endDate")} />
      <TextField
        id="edit-max-end"
        label="Latest possible end"
        type="date"
        value={t.maxEndDate}
        onChange={set("maxEndDate")}
      />
      <div id="edit-parties-verdict" aria-live="polite">
        {problem ? <p className="form__error">{problem}</p> : null}
      </div>
    </fieldset>
  );
}
