/**
 * `/decisions/new` (commercial side): record a decision from a form, as a committee would want
 * it kept: what was decided, at which gate (or by scrutiny), on which date and by whom, for which
 * service or contract, why (the drivers: "savings target" alone marks a budget-driven decision),
 * and, for a decision taken before an earlier gate was passed, the reason it was taken out of
 * order. Checked as you type in plain words; what was typed is kept when the server refuses it.
 */
import { type FormEvent, useMemo, useState } from "react";
import { createDecision, listContracts, listServices } from "../../../src/contract/records.ts";
import { DRIVERS } from "../../../src/decide/gates/types.ts";
import { STAGES } from "../../../src/shared/lifecycle.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { Link, navigate, queryParam, useLocation } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { slugOf } from "./contract-model.ts";
import { usePageTitle } from "./title.ts";

const WRITERS = ["admin", "commercial"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GATES = [...STAGES, { id: "scrutiny", label: "Scrutiny" }];
const words = (id: string) => id.replaceAll("-", " ");

interface Typed {
  title: string;
  id: string;
  serviceId: string;
  contractId: string;
  decidedOn: string;
  gate: string;
  outcome: string;
  rationale: string;
  decidedBy: string;
  outOfOrderReason: string;
  reason: string;
}

export function decisionProblems(t: Typed): Partial<Record<keyof Typed, string>> {
  const p: Partial<Record<keyof Typed, string>> = {};
  if (!t.title.trim()) p.title = "Say in a line what was decided.";
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(t.id || slugOf(t.title)))
    p.id = "The reference is lower-case letters, digits and hyphens, starting with a letter or digit.";
  if (!DATE.test(t.decidedOn)) p.decidedOn = "The date of the decision, such as 2015-07-07.";
  if (!t.gate) p.gate = "Choose the gate the decision was taken at, or Scrutiny.";
  if (!t.outcome.trim()) p.outcome = "Give the outcome: approved, rejected, deferred…";
  if (!t.serviceId && !t.contractId)
    p.serviceId = "Choose the service or the contract the decision is about.";
  if (!t.reason.trim()) p.reason = "Say why the decision is recorded: the audit trail keeps it.";
  return p;
}

export function DecisionNewPage() {
  usePageTitle("Record a decision");
  const { me } = useAuth();
  const location = useLocation();
  const [t, setT] = useState<Typed>({
    title: "",
    id: "",
    serviceId: queryParam(location, "service") ?? "",
    contractId: queryParam(location, "contract") ?? "",
    decidedOn: "",
    gate: "",
    outcome: "",
    rationale: "",
    decidedBy: "",
    outOfOrderReason: "",
    reason: "",
  });
  const [drivers, setDrivers] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const services = useApi(() => call(listServices), "services");
  const contracts = useApi(() => call(listContracts), "contracts");
  const problems = useMemo(() => decisionProblems(t), [t]);
  const s = useSave();
  if (!isStaff(me) || !WRITERS.includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the commercial side records decisions.</p>
      </div>
    );
  const set = (k: keyof Typed) => (v: string) => setT((old) => ({ ...old, [k]: v }));
  const shown = (k: keyof Typed) => (touched || t[k] ? problems[k] : undefined);
  const id = t.id || slugOf(t.title);
  const budgetOnly = drivers.length === 1 && drivers[0] === "savings-target";

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTouched(true);
    const saved = await s.run(
      () => Object.values(problems)[0] ?? null,
      async () => {
        const d = await call(createDecision, {
          body: {
            id,
            title: t.title.trim(),
            serviceId: t.serviceId || null,
            contractId: t.contractId || null,
            decidedOn: t.decidedOn,
            gate: t.gate,
            outcome: t.outcome.trim(),
            rationale: t.rationale.trim(),
            drivers,
            decidedBy: t.decidedBy.trim(),
            outOfOrderReason: t.outOfOrderReason.trim() || null,
            reason: t.reason.trim(),
          },
        });
        return `Decision ${d.id} recorded.`;
      },
    );
    if (saved && t.serviceId) navigate(`/services/${encodeURIComponent(t.serviceId)}`);
    else if (saved && t.contractId) navigate(`/contracts/${encodeURIComponent(t.contractId)}`);
  };

  const text = (k: keyof Typed, label: string, hint?: string, type?: "date") => (
    <TextField
      id={`decision-${k}`}
      label={label}
      value={t[k]}
      onChange={set(k)}
      {...(type ? { type } : {})}
      {...(shown(k) ? { hint: shown(k) } : hint ? { hint } : {})}
    />
  );
  const select = (
    k: "serviceId" | "contractId" | "gate",
    label: string,
    options: { id: string; label: string }[],
  ) => (
    <Field id={`decision-${k}`} label={label} {...(shown(k) ? { hint: shown(k) } : {})}>
      <select
        id={`decision-${k}`}
        value={t[k]}
        onChange={(e) => set(k)(e.target.value)}
        aria-describedby={shown(k) ? `decision-${k}-hint` : undefined}
      >
        <option value="">(none)</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <>
      <p>
        <Link to="/">Pipeline</Link>
      </p>
      <h1>Record a decision</h1>
      <form className="form" aria-label="Record a decision" onSubmit={submit} noValidate>
        {text("title", "What was decided")}
        {text("id", "Reference", `Left empty it is ${id || "made from what was decided"}.`)}
        {select(
          "serviceId",
          "Service",
          (services.data ?? []).map((x) => ({ id: x.id, label: x.name })),
        )}
        {select(
          "contractId",
          "Contract",
          (contracts.data ?? []).map((x) => ({ id: x.id, label: x.title })),
        )}
        {text("decidedOn", "Decided on", undefined, "date")}
        {select(
          "gate",
          "Gate",
          GATES.map((g) => ({ id: g.id, label: g.label })),
        )}
        {text("outcome", "Outcome", "Approved, rejected, deferred, or the words the minutes use.")}
        <Field id="decision-rationale" label="Rationale">
          <textarea
            id="decision-rationale"
            rows={3}
            value={t.rationale}
            onChange={(e) => set("rationale")(e.target.value)}
          />
        </Field>
        <fieldset className="form__group">
          <legend>Why it was decided (the drivers)</legend>
          {DRIVERS.map((d) => (
            <label key={d} className="checkbox">
              <input
                type="checkbox"
                checked={drivers.includes(d)}
                onChange={(e) =>
                  setDrivers((old) => (e.target.checked ? [...old, d] : old.filter((x) => x !== d)))
                }
              />{" "}
              {words(d)}
            </label>
          ))}
          {budgetOnly ? (
            <p className="form__hint" role="status">
              A decision driven by the savings target alone is flagged as budget-driven.
            </p>
          ) : null}
        </fieldset>
        {text("decidedBy", "Decided by", "The board, committee or officer, as the record names them.")}
        {text(
          "outOfOrderReason",
          "Why before an earlier gate (if it was)",
          "Only for a decision taken before an earlier gate was passed.",
        )}
        <ReasonField prefix="decision" reason={t.reason} setReason={set("reason")} />
        {touched && problems.reason ? <p className="form__hint">{problems.reason}</p> : null}
        <Outcome prefix="decision" error={s.error} done={s.done} />
        <SaveButton busy={s.busy} label="Record decision" />
      </form>
    </>
  );
}
