/**
 * `/services/new`: adding a service to the market-testing pipeline. Checked as it is typed with
 * the API contract's own rules (src/contract/records.ts NewServiceBody), each problem said
 * against its box; the annual cost is read as people write money (£1.2m, 48,000,000). What was
 * typed stays when the server refuses it. On success the service's page opens.
 */
import { type FormEvent, useState } from "react";
import { createDecision, createService, createWave, NewServiceBody } from "../../../src/contract/records.ts";
import { api } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field, Outcome, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { parseMoneyInput } from "../money-input.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { usePageTitle } from "./title.ts";

const LABELS: Record<string, string> = {
  id: "Service id",
  name: "Name",
  annualCostPence: "Annual cost",
  staff: "Staff",
  classification: "Classification",
  classificationReason: "Why it is classified so",
  reason: "Reason",
};

/** The pipeline's link to this page, for the roles that may add a service. */
export function NewServiceLink() {
  const { me } = useAuth();
  if (!createService.roles.includes(me.role)) return null;
  return (
    <p className="actions">
      <Link to="/services/new" className="button">
        Add a service
      </Link>{" "}
      {createWave.roles.includes(me.role) ? <Link to="/waves/new">Add a market-testing wave</Link> : null}{" "}
      {createDecision.roles.includes(me.role) ? <Link to="/decisions/new">Record a decision</Link> : null}
    </p>
  );
}

export function ServiceNewPage() {
  usePageTitle("Add a service");
  const { me } = useAuth();
  const waves = useApi(() => api.waves(), "waves");
  const [f, setF] = useState({
    id: "",
    name: "",
    description: "",
    owner: "",
    cost: "",
    staff: "",
    volumes: "",
    classification: "non-core" as "core" | "non-core",
    classificationReason: "",
    waveId: "",
    reason: "",
  });
  const [touched, setTouched] = useState(false);
  const s = useSave();
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  const cost = parseMoneyInput(f.cost);
  const body = {
    id: f.id.trim(),
    name: f.name.trim(),
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
    ...(f.owner.trim() ? { owner: f.owner.trim() } : {}),
    ...("pence" in cost ? { annualCostPence: cost.pence } : {}),
    ...(f.staff.trim() ? { staff: Number(f.staff.trim()) } : {}),
    ...(f.volumes.trim() ? { volumes: f.volumes.trim() } : {}),
    classification: f.classification,
    classificationReason: f.classificationReason.trim(),
    ...(f.waveId ? { waveId: f.waveId } : {}),
    reason: f.reason.trim(),
  };
  // The contract's own schema, its problems said against the form's boxes.
  const problems: Record<string, string> = {};
  const r = NewServiceBody.safeParse(body);
  if (!r.success)
    for (const i of r.error.issues) {
      const k = String(i.path[0] ?? "");
      problems[k] ??=
        k === "id"
          ? "lower-case letters, digits and hyphens, e.g. payroll-services"
          : k === "staff"
            ? "a whole number of people"
            : i.code === "too_small" || i.code === "invalid_type"
              ? "fill this in"
              : i.message;
    }
  if ("problem" in cost) problems.annualCostPence = cost.problem;
  if (f.staff.trim() && !/^\d+$/.test(f.staff.trim())) problems.staff = "a whole number of people";
  const shown = (k: string) => (touched ? problems[k] : undefined);
  const describe = (k: string) =>
    shown(k) ? { "aria-invalid": true as const, "aria-describedby": `service-new-${k}-problem` } : {};
  const problem = (k: string) =>
    shown(k) ? (
      <p
        className="field-error"
        id={`service-new-${k}-problem`}
        style={{ color: "var(--red)", margin: "0.25rem 0 0" }}
      >
        {LABELS[k] ?? k}: {shown(k)}
      </p>
    ) : null;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTouched(true);
    const first = Object.keys(problems)[0];
    const ok = await s.run(
      () => (first ? `${LABELS[first] ?? first}: ${problems[first]}` : null),
      async () => {
        const made = await call(createService, { body: body as never });
        return `${made.name} added to the pipeline.`;
      },
    );
    if (ok) navigate(`/services/${encodeURIComponent(body.id)}`);
  };

  if (!createService.roles.includes(me.role))
    return (
      <>
        <h1>Add a service</h1>
        <p>
          Your role may not add services. <Link to="/">Back to the pipeline</Link>
        </p>
      </>
    );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/">Market-testing pipeline</Link> › Add a service
      </p>
      <h1>Add a service</h1>
      <p className="lead">
        A new service starts at the Pipeline stage, unpublished, until its gate is approved.
      </p>
      <Outcome prefix="service-new" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Add a service">
        <Field
          id="service-new-id"
          label="Service id"
          hint="Lower-case letters, digits and hyphens, e.g. payroll-services."
        >
          <input
            id="service-new-id"
            value={f.id}
            onChange={(e) => set("id")(e.target.value)}
            {...describe("id")}
            aria-describedby={shown("id") ? "service-new-id-problem" : "service-new-id-hint"}
          />
          {problem("id")}
        </Field>
        <Field id="service-new-name" label="Name">
          <input
            id="service-new-name"
            value={f.name}
            onChange={(e) => set("name")(e.target.value)}
            {...describe("name")}
          />
          {problem("name")}
        </Field>
        <TextField
          id="service-new-description"
          label="Description"
          value={f.description}
          onChange={set("description")}
        />
        <TextField id="service-new-owner" label="Owner" value={f.owner} onChange={set("owner")} />
        <Field
          id="service-new-cost"
          label="Annual cost (£)"
          hint="As you would write it: 48,000,000, £1.2m or £250k."
        >
          <input
            id="service-new-cost"
            value={f.cost}
            onChange={(e) => set("cost")(e.target.value)}
            {...describe("annualCostPence")}
            aria-describedby={
              shown("annualCostPence") ? "service-new-annualCostPence-problem" : "service-new-cost-hint"
            }
          />
          {problem("annualCostPence")}
        </Field>
        <Field id="service-new-staff" label="Staff">
          <input
            id="service-new-staff"
            inputMode="numeric"
            value={f.staff}
            onChange={(e) => set("staff")(e.target.value)}
            {...describe("staff")}
          />
          {problem("staff")}
        </Field>
        <TextField id="service-new-volumes" label="Volumes" value={f.volumes} onChange={set("volumes")} />
        <Field id="service-new-classification" label="Classification">
          <select
            id="service-new-classification"
            value={f.classification}
            onChange={(e) => set("classification")(e.target.value)}
          >
            <option value="non-core">Non-core</option>
            <option value="core">Core</option>
          </select>
        </Field>
        <Field id="service-new-classification-reason" label="Why it is classified so">
          <input
            id="service-new-classification-reason"
            value={f.classificationReason}
            onChange={(e) => set("classificationReason")(e.target.value)}
            {...describe("classificationReason")}
          />
          {problem("classificationReason")}
        </Field>
        <Field id="service-new-wave" label="Market-testing wave">
          <select id="service-new-wave" value={f.waveId} onChange={(e) => set("waveId")(e.target.value)}>
            <option value="">None</option>
            {(waves.data ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="service-new-reason" label="Reason (kept in the audit trail)">
          <input
            id="service-new-reason"
            value={f.reason}
            onChange={(e) => set("reason")(e.target.value)}
            {...describe("reason")}
          />
          {problem("reason")}
        </Field>
        <SaveButton busy={s.busy} label="Add the service" />
      </form>
    </>
  );
}
