/**
 * `/capability/new` and `/capability/:id/edit` (commercial side): a commercial capability
 * self-assessment as a form. For each of the NAO's eight contract-management areas
 * (src/decide/capability/areas.ts), a maturity from absent to leading and the evidence for it.
 * As you choose, the engine's own summary (src/decide/capability/assess.ts) gives the mean, the
 * weakest areas, the areas not assessed and the scores claimed without evidence, before saving.
 */
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { documentOperationsByKind } from "../../../src/contract/decide.ts";
import { listContracts } from "../../../src/contract/records.ts";
import { CAPABILITY_AREAS, type CapabilityAreaId, MATURITY } from "../../../src/decide/capability/areas.ts";
import { type AreaAssessment, assessCapability } from "../../../src/decide/capability/assess.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { slugOf } from "./contract-model.ts";
import { usePageTitle } from "./title.ts";

const ops = documentOperationsByKind.capability;
type Areas = Record<CapabilityAreaId, { score: string; evidence: string }>;
const blankAreas = (): Areas =>
  Object.fromEntries(CAPABILITY_AREAS.map((a) => [a.id, { score: "", evidence: "" }])) as Areas;

/** The assessments as chosen: areas left unscored are left out (the engine reports them). */
export function capabilityAreas(areas: Areas): AreaAssessment[] {
  return CAPABILITY_AREAS.filter((a) => areas[a.id].score !== "").map((a) => ({
    area: a.id,
    score: Number(areas[a.id].score),
    evidence: areas[a.id].evidence.trim(),
  }));
}

export function CapabilityFormPage({ id }: { id?: string }) {
  usePageTitle(id ? "Change a capability self-assessment" : "New capability self-assessment");
  const { me } = useAuth();
  const [title, setTitle] = useState("");
  const [contractId, setContractId] = useState("");
  const [body, setBody] = useState("");
  const [date, setDate] = useState("");
  const [description, setDescription] = useState<string | undefined>(undefined);
  const [areas, setAreas] = useState<Areas>(blankAreas);
  const [reason, setReason] = useState("");
  const stored = useApi(id ? () => call(ops.get, { params: { id } }) : null, `capability/${id ?? "new"}`);
  const contracts = useApi(() => call(listContracts), "contracts");
  const s = useSave();

  useEffect(() => {
    const d = stored.data;
    if (!d) return;
    const f = d.document as unknown as {
      body: string;
      date?: string;
      description?: string;
      areas: AreaAssessment[];
    };
    setTitle(d.title);
    setContractId(d.contractId ?? "");
    setBody(f.body);
    setDate(f.date ?? "");
    setDescription(f.description);
    const next = blankAreas();
    for (const a of f.areas) next[a.area] = { score: String(a.score), evidence: a.evidence };
    setAreas(next);
  }, [stored.data]);

  const chosen = useMemo(() => capabilityAreas(areas), [areas]);
  const summary = useMemo(() => assessCapability(chosen), [chosen]);
  if (!isStaff(me) || !["admin", "commercial"].includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the commercial side keeps capability self-assessments.</p>
      </div>
    );
  const docId = id ?? slugOf(title);
  const set = (area: CapabilityAreaId, k: "score" | "evidence") => (v: string) =>
    setAreas((old) => ({ ...old, [area]: { ...old[area], [k]: v } }));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const saved = await s.run(
      () => {
        if (!title.trim()) return "Give the assessment a title.";
        if (!body.trim()) return "Name the body whose capability is assessed.";
        if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return "The date is a date such as 2015-09-30.";
        const err = summary.findings.find((f) => f.severity === "error");
        if (err) return err.message;
        if (!contractId) return "Choose the contract the assessment was made for.";
        if (!reason.trim()) return "Say why: the audit trail keeps it.";
        return null;
      },
      async () => {
        await call(ops.put, {
          params: { id: docId },
          body: {
            title: title.trim(),
            contractId,
            document: {
              ...(description !== undefined ? { description } : {}),
              body: body.trim(),
              ...(date ? { date } : {}),
              areas: chosen,
            },
            reason: reason.trim(),
          },
        });
        return `Capability self-assessment ${docId} saved.`;
      },
    );
    if (saved && !id) navigate(`/capability/${encodeURIComponent(docId)}/edit`);
  };

  const areaName = (a: CapabilityAreaId) => CAPABILITY_AREAS.find((x) => x.id === a)?.name ?? a;
  return (
    <>
      <p>
        <Link to="/appraisals">Appraisals</Link>
      </p>
      <h1>{id ? `Capability self-assessment: ${title || id}` : "New capability self-assessment"}</h1>
      <form className="form" aria-label="Capability self-assessment" onSubmit={submit} noValidate>
        <TextField id="cap-title" label="Title" value={title} onChange={setTitle} />
        <Field id="cap-contract" label="For the contract">
          <select id="cap-contract" value={contractId} onChange={(e) => setContractId(e.target.value)}>
            <option value="">(choose)</option>
            {(contracts.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </Field>
        <TextField id="cap-body" label="Body assessed" value={body} onChange={setBody} />
        <TextField id="cap-date" label="Assessed on" type="date" value={date} onChange={setDate} />
        {CAPABILITY_AREAS.map((a) => (
          <fieldset key={a.id} className="form__group">
            <legend>{a.name}</legend>
            <Field id={`cap-${a.id}-score`} label={`${a.name}: maturity`}>
              <select
                id={`cap-${a.id}-score`}
                value={areas[a.id].score}
                onChange={(e) => set(a.id, "score")(e.target.value)}
              >
                <option value="">not assessed</option>
                {MATURITY.map((m, i) => (
                  <option key={m} value={String(i)}>
                    {i}: {m}
                  </option>
                ))}
              </select>
            </Field>
            <TextField
              id={`cap-${a.id}-evidence`}
              label={`${a.name}: evidence`}
              value={areas[a.id].evidence}
              onChange={set(a.id, "evidence")}
              hint="A score without evidence counts as not shown."
            />
          </fieldset>
        ))}
        <section className="panel" aria-labelledby="cap-result-h">
          <h2 id="cap-result-h">What the assessment says</h2>
          <p role="status">
            {summary.mean === null
              ? "No area is assessed with evidence yet."
              : `Mean ${summary.mean.toFixed(2)} of 4; weakest: ${summary.weakest.map(areaName).join(", ")}.`}
            {summary.notAssessed.length
              ? ` Not assessed: ${summary.notAssessed.map(areaName).join(", ")}.`
              : ""}
          </p>
          {summary.findings.length ? (
            <ul aria-label="Checks">
              {summary.findings.map((f) => (
                <li key={`${f.code}-${f.path}`}>
                  <strong>{f.severity === "error" ? "Error" : "Warning"}:</strong> {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <ReasonField prefix="cap" reason={reason} setReason={setReason} />
        <Outcome prefix="cap" error={s.error} done={s.done} />
        <SaveButton busy={s.busy} label="Save self-assessment" />
      </form>
    </>
  );
}
