/**
 * Recording a step at a lifecycle gate from a deal's page: the gate (in the logical order), start,
 * approve or reject, the date, who took it and in which role, the evidence recorded, the drivers
 * of the decision and, for a step taken before an earlier gate is approved, the reason. The form
 * says before saving when a step breaks the logical order (and asks for the reason); after saving
 * the gate history above shows the engine's flags ("not the logical order", "budget-driven").
 */
import { type FormEvent, useState } from "react";
import { GATES, ROLES } from "../../../src/decide/gates/definitions.ts";
import { DRIVERS } from "../../../src/decide/gates/types.ts";
import { type GateHistory, decideApi } from "../api-decide.ts";
import { useAuth } from "../auth.tsx";
import { formatDate } from "../format.ts";
import { Field, Outcome, ReasonAndPublish, SaveButton, TextField, useSave } from "./Form.tsx";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTIONS: Array<["start" | "approve" | "reject", string, string]> = [
  ["start", "Start", "started"],
  ["approve", "Approve", "approved"],
  ["reject", "Reject", "rejected"],
];
const words = (id: string) => id.replaceAll("-", " ");

/** A record id from the step: lower-case, hyphens, at most 63 characters. */
function eventId(contractId: string, gate: string, action: string, date: string): string {
  return `${contractId}-${gate}-${action}-${date}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .slice(0, 63)
    .replace(/-+$/, "");
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function DecideGateForm({
  contractId,
  serviceId,
  gates,
  onSaved,
}: {
  contractId: string;
  serviceId: string | null;
  gates: GateHistory;
  onSaved: () => void;
}) {
  const { me } = useAuth();
  const [gate, setGate] = useState("");
  const [action, setAction] = useState<"start" | "approve" | "reject">("start");
  const [date, setDate] = useState(today());
  const [by, setBy] = useState(me.displayName);
  const [role, setRole] = useState<string>(
    (ROLES as readonly string[]).includes(me.role) ? me.role : "commercial",
  );
  const [evidence, setEvidence] = useState("");
  const [drivers, setDrivers] = useState<string[]>([]);
  const [outOfOrder, setOutOfOrder] = useState("");
  const [why, setWhy] = useState("");
  const [recommends, setRecommends] = useState("");
  const [optionChosen, setOptionChosen] = useState("");
  const [published, setPublished] = useState(true);
  const s = useSave(onSaved);
  const chosen = gate || gates.current || GATES[0]!.id;
  const def = GATES.find((g) => g.id === chosen) ?? GATES[0]!;
  const index = GATES.indexOf(def);
  const status = new Map(gates.gates.map((g) => [g.id, g.status]));
  // The engine's rule (checks/logical-order.ts): a start or approval while an earlier gate is not approved.
  const pending =
    action === "reject" ? [] : GATES.slice(0, index).filter((g) => status.get(g.id) !== "approved");
  const evidenceList = evidence
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

  const toggle = (d: string, on: boolean) =>
    setDrivers((list) => (on ? [...list, d] : list.filter((x) => x !== d)));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !DATE.test(date)
          ? "Give the date of the step."
          : !by.trim()
            ? "Say who took the step (a name)."
            : pending.length > 0 && !outOfOrder.trim()
              ? `Not the logical order: ${pending.map((g) => g.name).join(", ")} ${pending.length === 1 ? "is" : "are"} not approved yet. Give the reason the step is taken out of order.`
              : action === "approve" && drivers.length === 0
                ? "Choose at least one driver: why the gate is approved."
                : !why.trim()
                  ? "Say why you are recording this step (kept in the audit trail)."
                  : null,
      async () => {
        await decideApi.recordGateEvent({
          id: eventId(contractId, def.id, action, date),
          serviceId,
          contractId,
          gate: def.id,
          action,
          date,
          by: by.trim(),
          role,
          evidence: evidenceList,
          reason: pending.length > 0 ? outOfOrder.trim() : null,
          drivers,
          published,
          ...(action === "approve" && recommends.trim() ? { assessmentRecommends: recommends.trim() } : {}),
          ...(action === "approve" && optionChosen.trim() ? { optionChosen: optionChosen.trim() } : {}),
          why: why.trim(),
        });
        const done = ACTIONS.find(([a]) => a === action)?.[2] ?? action;
        return `${def.name} ${done} on ${formatDate(date)}: recorded in the gate history.`;
      },
    );
    if (ok) {
      setEvidence("");
      setDrivers([]);
      setOutOfOrder("");
      setWhy("");
      setRecommends("");
      setOptionChosen("");
    }
  };

  return (
    <details className="manage-form" data-form="gate-step">
      <summary>
        <strong>Record a gate step</strong>
      </summary>
      <p className="muted">
        Gates follow the logical order of the Sourcing Playbook. A step taken before an earlier gate is
        approved needs a reason and is flagged "not the logical order"; an approval whose only driver is the
        savings target is flagged "budget-driven".
      </p>
      <Outcome prefix="gate-step" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Record a gate step">
        <Field id="gate-step-gate" label="Gate">
          <select id="gate-step-gate" value={chosen} onChange={(e) => setGate(e.target.value)}>
            {GATES.map((g, i) => (
              <option key={g.id} value={g.id}>
                {i + 1}. {g.name}
                {status.get(g.id) && status.get(g.id) !== "not-started"
                  ? ` (${words(status.get(g.id) ?? "")})`
                  : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field id="gate-step-action" label="Action">
          <select
            id="gate-step-action"
            value={action}
            onChange={(e) => setAction(e.target.value as typeof action)}
          >
            {ACTIONS.map(([a, label]) => (
              <option key={a} value={a}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <TextField id="gate-step-date" label="Date" type="date" value={date} onChange={setDate} />
        <TextField id="gate-step-by" label="By (name)" value={by} onChange={setBy} />
        <Field
          id="gate-step-role"
          label="Role"
          hint={`${def.name} may be approved or rejected by: ${def.approvers.join(", ")}.`}
        >
          <select
            id="gate-step-role"
            value={role}
            aria-describedby="gate-step-role-hint"
            onChange={(e) => setRole(e.target.value)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="gate-step-evidence"
          label="Evidence (one per line)"
          hint={`Needed before ${def.name} is approved: ${def.evidence.join(", ")}.`}
        >
          <textarea
            id="gate-step-evidence"
            rows={3}
            value={evidence}
            aria-describedby="gate-step-evidence-hint"
            style={{ width: "100%", maxWidth: "24rem", font: "inherit", border: "2px solid" }}
            onChange={(e) => setEvidence(e.target.value)}
          />
        </Field>
        <fieldset className="form__group" aria-describedby="gate-step-drivers-hint">
          <legend>
            <strong>Drivers</strong>
          </legend>
          <p className="muted form__hint" id="gate-step-drivers-hint">
            Why the decision is taken. The savings target alone is "budget-driven".
          </p>
          {DRIVERS.map((d) => (
            <div key={d} className="form__check">
              <input
                id={`gate-step-driver-${d}`}
                type="checkbox"
                checked={drivers.includes(d)}
                onChange={(e) => toggle(d, e.target.checked)}
              />
              <label htmlFor={`gate-step-driver-${d}`}>{words(d)}</label>
            </div>
          ))}
        </fieldset>
        {pending.length > 0 ? (
          <p className="manage-preview" data-preview="order" aria-live="polite">
            Not the logical order: {pending.map((g) => g.name).join(", ")}{" "}
            {pending.length === 1 ? "is" : "are"} not approved yet. The step is allowed with a reason and will
            be flagged.
          </p>
        ) : null}
        <Field id="gate-step-order-reason" label="Reason for taking the step out of order">
          <input
            id="gate-step-order-reason"
            value={outOfOrder}
            disabled={pending.length === 0}
            onChange={(e) => setOutOfOrder(e.target.value)}
          />
        </Field>
        <Field
          id="gate-step-recommends"
          label="Option the assessment recommended (optional)"
          hint="On an approval: the option the gate's own assessment ranked first, e.g. the delivery model assessment's top option."
        >
          <input
            id="gate-step-recommends"
            value={recommends}
            disabled={action !== "approve"}
            aria-describedby="gate-step-recommends-hint"
            onChange={(e) => setRecommends(e.target.value)}
          />
        </Field>
        <Field
          id="gate-step-chosen"
          label="Option chosen (optional)"
          hint='An approval choosing another option than its assessment recommended is flagged "against its own assessment".'
        >
          <input
            id="gate-step-chosen"
            value={optionChosen}
            disabled={action !== "approve"}
            aria-describedby="gate-step-chosen-hint"
            onChange={(e) => setOptionChosen(e.target.value)}
          />
        </Field>
        {action === "approve" &&
        recommends.trim() &&
        optionChosen.trim() &&
        recommends.trim() !== optionChosen.trim() ? (
          <p className="manage-preview" data-preview="against-assessment" aria-live="polite">
            Against its own assessment: the approval chooses {optionChosen.trim()} where the assessment
            recommends {recommends.trim()}. It will be flagged; say why in the reason.
          </p>
        ) : null}
        <ReasonAndPublish
          prefix="gate-step"
          reason={why}
          setReason={setWhy}
          published={published}
          setPublished={setPublished}
        />
        <SaveButton busy={s.busy} label="Record the step" />
      </form>
    </details>
  );
}
