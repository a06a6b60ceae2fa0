/**
 * `/workforce/new` and `/workforce/:id/edit` (commercial side): a workforce plan as a form, not
 * JSON. Posts in scope, transferred, retained and redundant, a line per relocation, the
 * zero-hours declaration with its source and date. As you type, the engine's own workforce checks
 * (src/decide/workforce: the posts add up, relocations are within the transfer, whole numbers,
 * a declaration on zero-hours contracts) run in the page and say what is wrong in plain words,
 * with the shares a committee reads; a plan with an error is not sent. A stored plan also
 * downloads and uploads as a spreadsheet.
 */
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { documentOperationsByKind } from "../../../src/contract/decide.ts";
import { listContracts, listServices } from "../../../src/contract/records.ts";
import { getWorkforceSheet, putWorkforceSheet } from "../../../src/contract/sheets.ts";
import { workforceSummary } from "../../../src/decide/workforce/summary.ts";
import type { WorkforceImpact } from "../../../src/decide/workforce/types.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call, operationUrl } from "../client.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { SheetPanel } from "../components/SheetPanel.tsx";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { slugOf } from "./contract-model.ts";
import { usePageTitle } from "./title.ts";

const ops = documentOperationsByKind.workforce;
const WRITERS = ["admin", "commercial"];
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Typed {
  title: string;
  serviceId: string;
  contractId: string;
  service: string;
  postsInScope: string;
  transferred: string;
  retained: string;
  redundant: string;
  zeroStatus: "yes" | "no" | "not-declared";
  zeroSource: string;
  zeroDate: string;
  reason: string;
}

const BLANK: Typed = {
  title: "",
  serviceId: "",
  contractId: "",
  service: "",
  postsInScope: "",
  transferred: "",
  retained: "",
  redundant: "",
  zeroStatus: "not-declared",
  zeroSource: "",
  zeroDate: "",
  reason: "",
};

const WHOLE = /^\d+$/;

/** The plan as typed, or the first thing that stops it being one, in plain words. */
export function workforceOf(
  t: Typed,
  relocated: { location: string; posts: string }[],
): { plan: WorkforceImpact } | { problem: string } {
  if (!t.service.trim()) return { problem: "Name the service the plan is for." };
  const n: Record<string, number> = {};
  for (const [k, label] of [
    ["postsInScope", "Posts in scope"],
    ["transferred", "Transferred"],
    ["retained", "Retained"],
    ["redundant", "Redundant"],
  ] as const) {
    const v = t[k].trim().replace(/,/g, "");
    if (!WHOLE.test(v)) return { problem: `${label}: a whole number of posts, 0 or more.` };
    n[k] = Number(v);
  }
  const moves: { location: string; posts: number }[] = [];
  for (const [i, r] of relocated.entries()) {
    if (!r.location.trim() && !r.posts.trim()) continue;
    if (!r.location.trim()) return { problem: `Relocation ${i + 1}: say where the posts move to.` };
    if (!WHOLE.test(r.posts.trim()) || Number(r.posts) === 0)
      return { problem: `Relocation ${i + 1}: a whole number of posts above 0.` };
    moves.push({ location: r.location.trim(), posts: Number(r.posts) });
  }
  if (t.zeroDate && !/^\d{4}-\d{2}-\d{2}$/.test(t.zeroDate))
    return { problem: "The declaration's date is a date such as 2015-07-07." };
  return {
    plan: {
      service: t.service.trim(),
      postsInScope: n.postsInScope ?? 0,
      transferred: n.transferred ?? 0,
      retained: n.retained ?? 0,
      redundant: n.redundant ?? 0,
      relocated: moves,
      zeroHours: {
        status: t.zeroStatus,
        ...(t.zeroSource.trim() ? { source: t.zeroSource.trim() } : {}),
        ...(t.zeroDate ? { date: t.zeroDate } : {}),
      },
    },
  };
}

export function WorkforceFormPage({ id }: { id?: string }) {
  usePageTitle(id ? "Change a workforce plan" : "New workforce plan");
  const { me } = useAuth();
  const [t, setT] = useState<Typed>(BLANK);
  const [relocated, setRelocated] = useState<{ location: string; posts: string }[]>([
    { location: "", posts: "" },
  ]);
  const stored = useApi(id ? () => call(ops.get, { params: { id } }) : null, `workforce/${id ?? "new"}`);
  const services = useApi(() => call(listServices), "services");
  const contracts = useApi(() => call(listContracts), "contracts");
  const s = useSave();

  useEffect(() => {
    const d = stored.data;
    if (!d) return;
    const w = d.document as unknown as WorkforceImpact;
    setT({
      title: d.title,
      serviceId: d.serviceId ?? "",
      contractId: d.contractId ?? "",
      service: w.service,
      postsInScope: String(w.postsInScope),
      transferred: String(w.transferred),
      retained: String(w.retained),
      redundant: String(w.redundant),
      zeroStatus: w.zeroHours.status,
      zeroSource: w.zeroHours.source ?? "",
      zeroDate: w.zeroHours.date ?? "",
      reason: "",
    });
    setRelocated([
      ...(w.relocated ?? []).map((r) => ({ location: r.location, posts: String(r.posts) })),
      { location: "", posts: "" },
    ]);
  }, [stored.data]);

  const read = useMemo(() => workforceOf(t, relocated), [t, relocated]);
  const summary = "plan" in read ? workforceSummary(read.plan) : null;
  const errors = summary?.findings.filter((f) => f.severity === "error") ?? [];
  if (!isStaff(me) || !WRITERS.includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the commercial side keeps workforce plans.</p>
      </div>
    );
  const set = (k: keyof Typed) => (v: string) => setT((old) => ({ ...old, [k]: v }));
  const docId = id ?? slugOf(t.title);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const saved = await s.run(
      () => {
        if (!t.title.trim()) return "Give the plan a title.";
        if ("problem" in read) return read.problem;
        if (errors[0]) return errors[0].message;
        if (!t.serviceId && !t.contractId) return "Choose the service or the contract the plan is for.";
        if (!t.reason.trim()) return "Say why: the audit trail keeps it.";
        return null;
      },
      async () => {
        if (!("plan" in read)) throw new Error(read.problem);
        await call(ops.put, {
          params: { id: docId },
          body: {
            title: t.title.trim(),
            serviceId: t.serviceId || null,
            contractId: t.contractId || null,
            document: read.plan as unknown as Record<string, unknown>,
            reason: t.reason.trim(),
          },
        });
        return `Workforce plan ${docId} saved.`;
      },
    );
    if (saved && !id) navigate(`/workforce/${encodeURIComponent(docId)}/edit`);
  };

  const num = (k: keyof Typed, label: string) => (
    <TextField id={`wf-${k}`} label={label} value={t[k]} onChange={set(k)} inputMode="decimal" />
  );

  return (
    <>
      <p>
        <Link to="/appraisals">Appraisals</Link>
      </p>
      <h1>{id ? `Workforce plan: ${t.title || id}` : "New workforce plan"}</h1>
      <form className="form" aria-label="Workforce plan" onSubmit={submit} noValidate>
        <TextField id="wf-title" label="Title" value={t.title} onChange={set("title")} />
        <Field id="wf-serviceId" label="For the service">
          <select id="wf-serviceId" value={t.serviceId} onChange={(e) => set("serviceId")(e.target.value)}>
            <option value="">(none)</option>
            {(services.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="wf-contractId" label="Or the contract">
          <select id="wf-contractId" value={t.contractId} onChange={(e) => set("contractId")(e.target.value)}>
            <option value="">(none)</option>
            {(contracts.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="wf-service"
          label="Service, as the plan names it"
          value={t.service}
          onChange={set("service")}
        />
        {num("postsInScope", "Posts in scope")}
        {num("transferred", "Transferred to the supplier")}
        {num("retained", "Retained by the authority")}
        {num("redundant", "Made redundant")}
        <fieldset className="form__group">
          <legend>Relocations (of transferred posts)</legend>
          {relocated.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is the row.
            <div key={i} className="form__row">
              <TextField
                id={`wf-reloc-${i}-location`}
                label={`Relocation ${i + 1}: to`}
                value={r.location}
                onChange={(v) =>
                  setRelocated((old) => old.map((x, j) => (j === i ? { ...x, location: v } : x)))
                }
              />
              <TextField
                id={`wf-reloc-${i}-posts`}
                label={`Relocation ${i + 1}: posts`}
                value={r.posts}
                inputMode="decimal"
                onChange={(v) => setRelocated((old) => old.map((x, j) => (j === i ? { ...x, posts: v } : x)))}
              />
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRelocated((o) => [...o, { location: "", posts: "" }])}
          >
            Add a relocation
          </button>
        </fieldset>
        <Field id="wf-zeroStatus" label="Zero-hours contracts declared">
          <select
            id="wf-zeroStatus"
            value={t.zeroStatus}
            onChange={(e) => set("zeroStatus")(e.target.value as Typed["zeroStatus"])}
          >
            <option value="not-declared">not declared</option>
            <option value="yes">yes, the supplier uses them</option>
            <option value="no">no, the supplier declared it does not</option>
          </select>
        </Field>
        <TextField
          id="wf-zeroSource"
          label="Source of the declaration"
          value={t.zeroSource}
          onChange={set("zeroSource")}
        />
        <TextField
          id="wf-zeroDate"
          label="Date of the declaration"
          type="date"
          value={t.zeroDate}
          onChange={set("zeroDate")}
        />
        <section aria-labelledby="wf-check-h" className="panel">
          <h2 id="wf-check-h">What the plan says</h2>
          {"problem" in read ? (
            <p role="status">{read.problem}</p>
          ) : summary ? (
            <>
              <p role="status">
                {summary.postsInScope} posts in scope: {percent(summary.shareTransferred)} transferred,{" "}
                {percent(summary.shareRetained)} retained, {percent(summary.shareRedundant)} redundant,{" "}
                {percent(summary.shareRelocated)} relocated.
              </p>
              {summary.findings.length ? (
                <ul aria-label="Checks">
                  {summary.findings.map((f) => (
                    <li key={`${f.code}-${f.path}`}>
                      <strong>{f.severity === "error" ? "Error" : "Warning"}:</strong> {f.message}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Every workforce check passes.</p>
              )}
            </>
          ) : null}
        </section>
        <ReasonField prefix="wf" reason={t.reason} setReason={set("reason")} />
        <Outcome prefix="wf" error={s.error} done={s.done} />
        <SaveButton busy={s.busy} label="Save workforce plan" />
      </form>
      {id ? (
        <SheetPanel
          id="wf"
          label="workforce plan"
          downloadUrl={operationUrl(getWorkforceSheet, { params: { id } })}
          canUpload
          upload={(body) => call(putWorkforceSheet, { params: { id }, body })}
        />
      ) : null}
    </>
  );
}
