/**
 * Moving a service to its next lifecycle stage from its page: the gate of the stage it is at,
 * the evidence that gate needs before approval (src/decide/gates/definitions.ts), the drivers of
 * the decision and the reason. Approving records the gate step with its evidence (the gates'
 * checks run on it) and then moves the service to the next stage. Shown to the roles that may
 * change a service; a gate the signed-in role may not approve says who may.
 */
import { type FormEvent, useState } from "react";
import { GATES, type Role as GateRole } from "../../../src/decide/gates/definitions.ts";
import { DRIVERS } from "../../../src/decide/gates/types.ts";
import { listGates, recordGateEvent } from "../../../src/contract/decide.ts";
import { updateService } from "../../../src/contract/records.ts";
import { STAGES } from "../../../src/shared/lifecycle.ts";
import type { Service } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { formatDate } from "../format.ts";
import { useInvalidate } from "../queries.ts";
import { Link } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { Outcome, SaveButton, TextField, useSave } from "./Form.tsx";

const words = (id: string) => id.replaceAll("-", " ");

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function StageMove({ service }: { service: Service }) {
  const { me } = useAuth();
  const history = useApi(() => call(listGates, { query: { serviceId: service.id } }), `gates:service:${service.id}`);
  const index = STAGES.findIndex((s) => s.id === service.stage);
  const gate = GATES.find((g) => g.id === service.stage);
  const next = STAGES[index + 1];
  const [evidence, setEvidence] = useState<string[]>([]);
  const [drivers, setDrivers] = useState<string[]>([]);
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState("");
  const invalidate = useInvalidate();
  // The service page and its gate history show the move at once.
  const s = useSave(() => void invalidate(""));
  if (!updateService.roles.includes(me.role) || !gate || !next) return null;
  const mayApprove = (gate.approvers as readonly string[]).includes(me.role) || me.role === "admin";
  const role = (gate.approvers as readonly string[]).includes(me.role) ? (me.role as GateRole) : gate.approvers[0]!;
  const recorded = new Set(
    (history.data?.events ?? []).filter((e) => e.gate === gate.id).flatMap((e) => e.evidence),
  );
  const missing = gate.evidence.filter((e) => !evidence.includes(e) && !recorded.has(e));
  const toggle = (list: string[], set: (v: string[]) => void, v: string, on: boolean) =>
    set(on ? [...list, v] : list.filter((x) => x !== v));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !mayApprove
          ? `${gate.name} may be approved only by ${gate.approvers.join(" or ")}.`
          : missing.length > 0
            ? `${gate.name} needs its evidence before approval: ${missing.map(words).join(", ")}.`
            : drivers.length === 0
              ? "Choose at least one driver: why the gate is approved."
              : !/^\d{4}-\d{2}-\d{2}$/.test(date)
                ? "Give the date of the approval."
                : !reason.trim()
                  ? "Say why the service moves on (kept in the audit trail)."
                  : null,
      async () => {
        await call(recordGateEvent, {
          body: {
            id: `${service.id}-${gate.id}-approve-${date}`.slice(0, 63).replace(/-+$/, ""),
            serviceId: service.id,
            contractId: null,
            gate: gate.id,
            action: "approve",
            date,
            by: me.displayName,
            role,
            evidence,
            drivers,
            published: service.published,
            why: reason.trim(),
          },
        });
        await call(updateService, { params: { id: service.id }, body: { stage: next.id, reason: reason.trim() } });
        return `${gate.name} approved on ${formatDate(date)}; ${service.name} moved to ${next.label}.`;
      },
    );
    if (ok) {
      setEvidence([]);
      setDrivers([]);
      setReason("");
    }
  };

  return (
    <section aria-labelledby="stage-move-heading" className="manage">
      <h2 id="stage-move-heading">Next stage</h2>
      <Outcome prefix="stage-move" error={s.error} done={s.done} />
      <p>
        At <strong>{STAGES[index]!.label}</strong>. Approving the {gate.name} gate moves the service to{" "}
        <strong>{next.label}</strong>. {gate.name} may be approved by {gate.approvers.join(" or ")}.
      </p>
      <form className="form" onSubmit={submit} noValidate aria-label={`Approve ${gate.name} and move to ${next.label}`}>
        <fieldset className="form__group" aria-describedby="stage-move-evidence-hint">
          <legend>
            <strong>Evidence on record</strong>
          </legend>
          <p className="muted form__hint" id="stage-move-evidence-hint">
            The gate needs all of it before approval.
          </p>
          {gate.evidence.map((ev) => (
            <div key={ev} className="form__check">
              <input
                id={`stage-move-evidence-${ev}`}
                type="checkbox"
                checked={evidence.includes(ev) || recorded.has(ev)}
                disabled={recorded.has(ev)}
                onChange={(e) => toggle(evidence, setEvidence, ev, e.target.checked)}
              />
              <label htmlFor={`stage-move-evidence-${ev}`}>
                {words(ev)}
                {recorded.has(ev) ? " (already recorded)" : ""}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="form__group">
          <legend>
            <strong>Drivers</strong>
          </legend>
          {DRIVERS.map((d) => (
            <div key={d} className="form__check">
              <input
                id={`stage-move-driver-${d}`}
                type="checkbox"
                checked={drivers.includes(d)}
                onChange={(e) => toggle(drivers, setDrivers, d, e.target.checked)}
              />
              <label htmlFor={`stage-move-driver-${d}`}>{words(d)}</label>
            </div>
          ))}
        </fieldset>
        <TextField id="stage-move-date" label="Date of approval" type="date" value={date} onChange={setDate} />
        <TextField id="stage-move-reason" label="Reason (kept in the audit trail)" value={reason} onChange={setReason} />
        {missing.length > 0 ? (
          <p className="manage-preview" aria-live="polite" data-preview="evidence">
            Still needed: {missing.map(words).join(", ")}.
          </p>
        ) : null}
        <SaveButton busy={s.busy} label={`Approve and move to ${next.label}`} />
      </form>
      <p>
        <Link to={`/cases/new?service=${encodeURIComponent(service.id)}`}>Build an appraisal case for {service.name}</Link>{" "}
        (options, cash flows, savings target; saved as a draft).
      </p>
    </section>
  );
}
