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
import { contractProblems, slugOf, type Typed } from "./contract-model.ts";
import { usePageTitle } from "./title.ts";

const WRITERS = ["admin", "commercial", "contract-manager"];
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
