/**
 * `/contracts/new` (contract side): add a contract to the register from a form. Title, buyer and
 * supplier, the services it delivers, its value and the savings claimed for it (money typed as
 * people write it: "£234.5m", "48,000,000"), the award, start, end and latest possible end
 * dates, and the reason kept in the audit trail. The form checks as you type in plain words,
 * keeps what was typed when the server refuses it, and opens the new contract's page on
 * success, whose "Change the owners, term…" link opens the contract form (/contracts/:id/edit)
 * where the supplier's owners, the term, options, break points and payment mechanism are recorded.
 */
import { type FormEvent, useMemo, useState } from "react";
import { createContract, listServices } from "../../../src/contract/records.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { parseMoneyInput } from "../money-input.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const WRITERS = ["admin", "commercial", "contract-manager"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A record id from a title: "SSCL business support" -> "sscl-business-support". */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

export interface Typed {
  title: string;
  id: string;
  buyer: string;
  supplier: string;
  description: string;
  value: string;
  savings: string;
  awardedOn: string;
  startDate: string;
  endDate: string;
  maxEndDate: string;
  reason: string;
}

const EMPTY: Typed = {
  title: "",
  id: "",
  buyer: "",
  supplier: "",
  description: "",
  value: "",
  savings: "",
  awardedOn: "",
  startDate: "",
  endDate: "",
  maxEndDate: "",
  reason: "",
};

/** What is wrong with the form as typed, field by field, in the words a person uses. */
export function contractProblems(t: Typed): Partial<Record<keyof Typed, string>> {
  const p: Partial<Record<keyof Typed, string>> = {};
  if (!t.title.trim()) p.title = "Give the contract a title.";
  const id = t.id || slugOf(t.title);
  if (!SLUG.test(id))
    p.id = "The reference is lower-case letters, digits and hyphens, starting with a letter or digit.";
  if (!t.buyer.trim()) p.buyer = "Name the buyer (the authority that let the contract).";
  if (!t.supplier.trim()) p.supplier = "Name the supplier (for a joint venture, the venture's name).";
  for (const [k, label] of [
    ["value", "The value"],
    ["savings", "The savings claimed"],
  ] as const) {
    const m = parseMoneyInput(t[k]);
    if ("problem" in m) p[k] = `${label}: ${m.problem}`;
    else if (k === "value" && "pence" in m && m.pence < 0) p.value = "The value cannot be below £0.";
  }
  for (const [k, label] of [
    ["awardedOn", "The award date"],
    ["startDate", "The start date"],
    ["endDate", "The end date"],
    ["maxEndDate", "The latest possible end date"],
  ] as const)
    if (t[k] && !DATE.test(t[k])) p[k] = `${label} is a date such as 2015-08-28.`;
  if (t.startDate && t.endDate && DATE.test(t.startDate) && DATE.test(t.endDate) && t.endDate < t.startDate)
    p.endDate = "The end date is before the start date.";
  if (
    t.endDate &&
    t.maxEndDate &&
    DATE.test(t.maxEndDate) &&
    DATE.test(t.endDate) &&
    t.maxEndDate < t.endDate
  )
    p.maxEndDate = "The latest possible end (with every extension taken) is before the end date.";
  if (!t.reason.trim()) p.reason = "Say why the contract is added: the audit trail keeps it.";
  return p;
}

const pence = (text: string) => {
  const m = parseMoneyInput(text);
  return "pence" in m ? m.pence : null;
};

export function ContractNewPage() {
  usePageTitle("Add a contract");
  const { me } = useAuth();
  const [t, setT] = useState<Typed>(EMPTY);
  const [services, setServices] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const list = useApi(() => call(listServices), "services");
  const problems = useMemo(() => contractProblems(t), [t]);
  const s = useSave();
  if (!isStaff(me) || !WRITERS.includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the contract side (contract managers, commercial leads) adds contracts.</p>
      </div>
    );

  const set = (k: keyof Typed) => (v: string) => setT((old) => ({ ...old, [k]: v }));
  const shown = (k: keyof Typed) => (touched || t[k] ? problems[k] : undefined);
  const id = t.id || slugOf(t.title);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTouched(true);
    const saved = await s.run(
      () => Object.values(problems)[0] ?? null,
      async () => {
        const c = await call(createContract, {
          body: {
            id,
            title: t.title.trim(),
            buyer: t.buyer.trim(),
            supplier: t.supplier.trim(),
            serviceIds: services,
            description: t.description.trim(),
            valuePence: pence(t.value),
            savingsClaimedPence: pence(t.savings),
            awardedOn: t.awardedOn || null,
            startDate: t.startDate || null,
            endDate: t.endDate || null,
            maxEndDate: t.maxEndDate || null,
            reason: t.reason.trim(),
          },
        });
        return `Contract ${c.id} added.`;
      },
    );
    if (saved) navigate(`/contracts/${encodeURIComponent(id)}`);
  };

  const field = (k: keyof Typed, label: string, hint?: string, type?: "date") => (
    <div className={shown(k) ? "form__error" : undefined}>
      <TextField
        id={`contract-${k}`}
        label={label}
        value={t[k]}
        onChange={set(k)}
        {...(type ? { type } : {})}
        {...(shown(k) ? { hint: shown(k) } : hint ? { hint } : {})}
      />
    </div>
  );

  return (
    <>
      <p>
        <Link to="/contracts">Contract register</Link>
      </p>
      <h1>Add a contract</h1>
      <form className="form" aria-label="Add a contract" onSubmit={submit} noValidate>
        {field("title", "Title")}
        {field(
          "id",
          "Reference",
          `Used in the contract's address; left empty it is ${id || "made from the title"}.`,
        )}
        {field("buyer", "Buyer")}
        {field("supplier", "Supplier")}
        <Field id="contract-services" label="Services it delivers">
          <select
            id="contract-services"
            multiple
            value={services}
            onChange={(e) => setServices(Array.from(e.target.selectedOptions).map((o) => o.value))}
          >
            {(list.data ?? []).map((sv) => (
              <option key={sv.id} value={sv.id}>
                {sv.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="contract-description" label="Description">
          <textarea
            id="contract-description"
            value={t.description}
            onChange={(e) => set("description")(e.target.value)}
            rows={3}
          />
        </Field>
        {field("value", "Value", "As you would write it: £234.5m or 234,500,000.")}
        {field("savings", "Savings claimed", "Over the contract's life, as the business case claims them.")}
        {field("awardedOn", "Awarded on", undefined, "date")}
        {field("startDate", "Starts on", undefined, "date")}
        {field("endDate", "Ends on", "Without options not yet taken.", "date")}
        {field("maxEndDate", "Latest possible end", "With every extension the contract allows.", "date")}
        <ReasonField prefix="contract" reason={t.reason} setReason={set("reason")} />
        {touched && problems.reason ? <p className="form__hint">{problems.reason}</p> : null}
        <Outcome prefix="contract" error={s.error} done={s.done} />
        <SaveButton busy={s.busy} label="Add contract" />
      </form>
    </>
  );
}
