/**
 * `/dma/new` and `/dma/:id/edit` (commercial side): a delivery model assessment as a form. The
 * options (in-house, reformed in-house, outsourced, shared service, joint venture, mixed), each
 * handing the service to someone else with how it would come back in-house (cost, months,
 * assets, people); the weighted strategic and operational criteria; a score and its evidence for
 * every option against every criterion. As you type, the engine's own assessment
 * (src/decide/dma/recommend.ts) ranks the options, names the recommendation and says what is
 * missing, before anything is saved. Each save is a version; two versions compare (what changed,
 * what it did to the weighted scores and the recommendation). A stored assessment's scoring sheet
 * downloads and uploads as a spreadsheet from the same page.
 */
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { documentOperationsByKind } from "../../../src/contract/decide.ts";
import { listServices } from "../../../src/contract/records.ts";
import { getDmaSheet, putDmaSheet } from "../../../src/contract/sheets.ts";
import { assessDeliveryModels } from "../../../src/decide/dma/recommend.ts";
import {
  type DeliveryModelAssessment,
  OPTION_TYPES,
  type OptionType,
  OUTSOURCING_TYPES,
} from "../../../src/decide/dma/types.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call, operationUrl } from "../client.ts";
import { DmaVersions } from "../components/DmaVersionCompare.tsx";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { SheetPanel } from "../components/SheetPanel.tsx";
import { parseMoneyInput, penceToInput } from "../money-input.ts";
import { Link, navigate } from "../router.tsx";
import { useApi, useInvalidate } from "../useApi.ts";
import { slugOf } from "./contract-model.ts";
import { usePageTitle } from "./title.ts";

const ops = documentOperationsByKind.dma;
const TYPE_LABELS: Record<OptionType, string> = {
  "in-house": "In-house as now",
  "in-house-reformed": "In-house, reformed",
  outsourced: "Outsourced",
  "shared-service": "Shared service",
  "joint-venture": "Joint venture",
  mixed: "Mixed",
};

interface OptionRow {
  id: string;
  type: OptionType;
  name: string;
  cost: string;
  months: string;
  assets: string;
  people: string;
}
interface CriterionRow {
  id: string;
  name: string;
  kind: "strategic" | "operational";
  weight: string;
}
type Scores = Record<string, { score: string; evidence: string }>;
const key = (o: string, c: string) => `${o}\u0000${c}`;

/** The assessment as typed (in the engine's terms, pence for money), or the first problem in plain words. */
export function dmaOf(
  service: string,
  options: OptionRow[],
  criteria: CriterionRow[],
  scores: Scores,
  maxScore = 5,
): { dma: DeliveryModelAssessment } | { problem: string } {
  if (!service.trim()) return { problem: "Name the service the assessment is for." };
  const opts = options.filter((o) => o.name.trim() || o.id);
  if (opts.length < 2) return { problem: "Give at least two delivery options to compare." };
  const out: DeliveryModelAssessment = {
    service: service.trim(),
    ...(maxScore !== 5 ? { maxScore } : {}),
    options: [],
    criteria: [],
    scores: [],
  };
  for (const [i, o] of opts.entries()) {
    const id = o.id || slugOf(o.name) || `option-${i + 1}`;
    const rih: NonNullable<DeliveryModelAssessment["options"][number]["returnInHouse"]> = {};
    if (o.cost.trim()) {
      const m = parseMoneyInput(o.cost);
      if ("problem" in m) return { problem: `Option ${i + 1}, cost of coming back in-house: ${m.problem}` };
      if ("pence" in m) rih.cost = m.pence;
    }
    if (o.months.trim()) {
      if (!/^\d+$/.test(o.months.trim()))
        return { problem: `Option ${i + 1}: the months to come back in-house are a whole number.` };
      rih.timeMonths = Number(o.months);
    }
    if (o.assets.trim()) rih.assets = o.assets.trim();
    if (o.people.trim()) rih.people = o.people.trim();
    out.options.push({
      id,
      type: o.type,
      ...(o.name.trim() ? { name: o.name.trim() } : {}),
      ...(Object.keys(rih).length ? { returnInHouse: rih } : {}),
    });
  }
  for (const [i, c] of criteria.entries()) {
    if (!c.name.trim()) continue;
    const w = Number(c.weight);
    if (!c.weight.trim() || !Number.isFinite(w) || w <= 0)
      return { problem: `Criterion ${i + 1}: a weight above 0.` };
    out.criteria.push({
      id: c.id || slugOf(c.name) || `criterion-${i + 1}`,
      name: c.name.trim(),
      kind: c.kind,
      weight: w,
    });
  }
  for (const o of out.options)
    for (const c of out.criteria) {
      const s = scores[key(o.id, c.id)];
      if (!s?.score.trim()) continue;
      const v = Number(s.score);
      if (!Number.isFinite(v) || v < 0 || v > maxScore)
        return { problem: `The score of ${o.name ?? o.id} on ${c.name} is from 0 to ${maxScore}.` };
      out.scores.push({ option: o.id, criterion: c.id, score: v, evidence: s.evidence.trim() });
    }
  return { dma: out };
}

/** The file form the API stores: money back in pounds. */
function fileForm(d: DeliveryModelAssessment): Record<string, unknown> {
  return {
    ...d,
    options: d.options.map((o) =>
      o.returnInHouse?.cost !== undefined
        ? { ...o, returnInHouse: { ...o.returnInHouse, cost: o.returnInHouse.cost / 100 } }
        : o,
    ),
  };
}

const blankOption = (type: OptionType): OptionRow => ({
  id: "",
  type,
  name: "",
  cost: "",
  months: "",
  assets: "",
  people: "",
});

export function DmaFormPage({ id }: { id?: string }) {
  usePageTitle(id ? "Change a delivery model assessment" : "New delivery model assessment");
  const { me } = useAuth();
  const [title, setTitle] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [service, setService] = useState("");
  const [reason, setReason] = useState("");
  const [options, setOptions] = useState<OptionRow[]>([blankOption("in-house"), blankOption("outsourced")]);
  const [criteria, setCriteria] = useState<CriterionRow[]>([
    { id: "", name: "", kind: "strategic", weight: "1" },
  ]);
  const [scores, setScores] = useState<Scores>({});
  // Fields the form does not show (a description, a scale other than 0 to 5) are kept as stored.
  const [extra, setExtra] = useState<{ description?: string; maxScore?: number }>({});
  const stored = useApi(id ? () => call(ops.get, { params: { id } }) : null, `dma/${id ?? "new"}`);
  const services = useApi(() => call(listServices), "services");
  const invalidate = useInvalidate();
  // Each save is a version: the versions list shows it at once.
  const s = useSave(() => void invalidate("dma-versions:"));

  useEffect(() => {
    const d = stored.data;
    if (!d) return;
    const f = d.document as unknown as {
      service: string;
      options: {
        id: string;
        type: OptionType;
        name?: string;
        returnInHouse?: { cost?: number; timeMonths?: number; assets?: string; people?: string };
      }[];
      criteria: { id: string; name: string; kind: "strategic" | "operational"; weight: number }[];
      scores: { option: string; criterion: string; score: number; evidence: string }[];
    };
    const { description, maxScore } = d.document as { description?: string; maxScore?: number };
    setExtra({
      ...(description !== undefined ? { description } : {}),
      ...(maxScore !== undefined ? { maxScore } : {}),
    });
    setTitle(d.title);
    setServiceId(d.serviceId ?? "");
    setService(f.service);
    setOptions(
      f.options.map((o) => ({
        id: o.id,
        type: o.type,
        name: o.name ?? "",
        cost: o.returnInHouse?.cost !== undefined ? penceToInput(Math.round(o.returnInHouse.cost * 100)) : "",
        months: o.returnInHouse?.timeMonths !== undefined ? String(o.returnInHouse.timeMonths) : "",
        assets: o.returnInHouse?.assets ?? "",
        people: o.returnInHouse?.people ?? "",
      })),
    );
    setCriteria(f.criteria.map((c) => ({ id: c.id, name: c.name, kind: c.kind, weight: String(c.weight) })));
    setScores(
      Object.fromEntries(
        f.scores.map((x) => [key(x.option, x.criterion), { score: String(x.score), evidence: x.evidence }]),
      ),
    );
  }, [stored.data]);

  const read = useMemo(
    () => dmaOf(service, options, criteria, scores, extra.maxScore ?? 5),
    [service, options, criteria, scores, extra.maxScore],
  );
  const result = "dma" in read ? assessDeliveryModels(read.dma) : null;
  if (!isStaff(me) || !["admin", "commercial"].includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the commercial side keeps delivery model assessments.</p>
      </div>
    );
  const docId = id ?? slugOf(title);
  const opt = (i: number, k: keyof OptionRow) => (v: string) =>
    setOptions((old) => old.map((o, j) => (j === i ? { ...o, [k]: v } : o)));
  const crit = (i: number, k: keyof CriterionRow) => (v: string) =>
    setCriteria((old) => old.map((c, j) => (j === i ? { ...c, [k]: v } : c)));
  const optId = (o: OptionRow, i: number) => o.id || slugOf(o.name) || `option-${i + 1}`;
  const critId = (c: CriterionRow, i: number) => c.id || slugOf(c.name) || `criterion-${i + 1}`;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const saved = await s.run(
      () => {
        if (!title.trim()) return "Give the assessment a title.";
        if ("problem" in read) return read.problem;
        const err = result?.findings.find((f) => f.severity === "error");
        if (err) return err.message;
        if (!serviceId) return "Choose the service the assessment is for.";
        if (!reason.trim()) return "Say why: the audit trail keeps it.";
        return null;
      },
      async () => {
        if (!("dma" in read)) throw new Error(read.problem);
        await call(ops.put, {
          params: { id: docId },
          body: {
            title: title.trim(),
            serviceId,
            document: {
              ...(extra.description !== undefined ? { description: extra.description } : {}),
              ...fileForm(read.dma),
            },
            reason: reason.trim(),
          },
        });
        return `Assessment ${docId} saved.`;
      },
    );
    if (saved && !id) navigate(`/dma/${encodeURIComponent(docId)}/edit`);
  };

  return (
    <>
      <p>
        <Link to="/appraisals">Appraisals</Link>
      </p>
      <h1>{id ? `Delivery model assessment: ${title || id}` : "New delivery model assessment"}</h1>
      <form className="form" aria-label="Delivery model assessment" onSubmit={submit} noValidate>
        <TextField id="dma-title" label="Title" value={title} onChange={setTitle} />
        <Field id="dma-serviceId" label="For the service">
          <select id="dma-serviceId" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">(choose)</option>
            {(services.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="dma-service"
          label="Service, as the assessment names it"
          value={service}
          onChange={setService}
        />

        <fieldset className="form__group">
          <legend>Delivery options</legend>
          {options.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is the row.
            <div key={i} className="form__row">
              <TextField
                id={`dma-o${i}-name`}
                label={`Option ${i + 1}: name`}
                value={o.name}
                onChange={opt(i, "name")}
              />
              <Field id={`dma-o${i}-type`} label={`Option ${i + 1}: model`}>
                <select id={`dma-o${i}-type`} value={o.type} onChange={(e) => opt(i, "type")(e.target.value)}>
                  {OPTION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </Field>
              {OUTSOURCING_TYPES.has(o.type) ? (
                <>
                  <TextField
                    id={`dma-o${i}-cost`}
                    label={`Option ${i + 1}: cost of coming back in-house`}
                    value={o.cost}
                    onChange={opt(i, "cost")}
                    hint="As you would write it: £9m or 9,000,000."
                  />
                  <TextField
                    id={`dma-o${i}-months`}
                    label={`Option ${i + 1}: months to come back`}
                    value={o.months}
                    onChange={opt(i, "months")}
                    inputMode="decimal"
                  />
                  <TextField
                    id={`dma-o${i}-assets`}
                    label={`Option ${i + 1}: assets to bring back`}
                    value={o.assets}
                    onChange={opt(i, "assets")}
                  />
                  <TextField
                    id={`dma-o${i}-people`}
                    label={`Option ${i + 1}: people`}
                    value={o.people}
                    onChange={opt(i, "people")}
                  />
                </>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setOptions((o) => [...o, blankOption("shared-service")])}
          >
            Add an option
          </button>
        </fieldset>

        <fieldset className="form__group">
          <legend>Criteria</legend>
          {criteria.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is the row.
            <div key={i} className="form__row">
              <TextField
                id={`dma-c${i}-name`}
                label={`Criterion ${i + 1}`}
                value={c.name}
                onChange={crit(i, "name")}
              />
              <Field id={`dma-c${i}-kind`} label={`Criterion ${i + 1}: kind`}>
                <select
                  id={`dma-c${i}-kind`}
                  value={c.kind}
                  onChange={(e) => crit(i, "kind")(e.target.value)}
                >
                  <option value="strategic">strategic</option>
                  <option value="operational">operational</option>
                </select>
              </Field>
              <TextField
                id={`dma-c${i}-weight`}
                label={`Criterion ${i + 1}: weight`}
                value={c.weight}
                onChange={crit(i, "weight")}
                inputMode="decimal"
              />
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCriteria((c) => [...c, { id: "", name: "", kind: "operational", weight: "1" }])}
          >
            Add a criterion
          </button>
        </fieldset>

        <fieldset className="form__group">
          <legend>Scores (0 to 5) and their evidence</legend>
          {options.map((o, i) =>
            criteria
              .filter((c) => c.name.trim())
              .map((c, j) => {
                const k = key(optId(o, i), critId(c, j));
                const v = scores[k] ?? { score: "", evidence: "" };
                const label = `${o.name || `Option ${i + 1}`} on ${c.name}`;
                return (
                  <div key={k} className="form__row">
                    <TextField
                      id={`dma-s-${i}-${j}`}
                      label={`${label}: score`}
                      value={v.score}
                      inputMode="decimal"
                      onChange={(x) => setScores((old) => ({ ...old, [k]: { ...v, score: x } }))}
                    />
                    <TextField
                      id={`dma-e-${i}-${j}`}
                      label={`${label}: evidence`}
                      value={v.evidence}
                      onChange={(x) => setScores((old) => ({ ...old, [k]: { ...v, evidence: x } }))}
                    />
                  </div>
                );
              }),
          )}
        </fieldset>

        <section className="panel" aria-labelledby="dma-result-h">
          <h2 id="dma-result-h">What the assessment says</h2>
          {"problem" in read ? (
            <p role="status">{read.problem}</p>
          ) : result ? (
            <>
              <p role="status">
                {result.recommended
                  ? `Recommended: ${read.dma.options.find((o) => o.id === result.recommended)?.name ?? result.recommended}.`
                  : "No recommendation yet."}
              </p>
              <ol aria-label="Options ranked by weighted score">
                {result.ranking.map((r) => (
                  <li key={r.id}>
                    {read.dma.options.find((o) => o.id === r.id)?.name ?? r.id}: {r.weighted.toFixed(2)} of 5
                  </li>
                ))}
              </ol>
              {result.findings.length ? (
                <ul aria-label="Checks">
                  {result.findings.map((f) => (
                    <li key={`${f.code}-${f.path}`}>
                      <strong>{f.severity === "error" ? "Error" : "Warning"}:</strong> {f.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </section>
        <ReasonField prefix="dma" reason={reason} setReason={setReason} />
        <Outcome prefix="dma" error={s.error} done={s.done} />
        <SaveButton busy={s.busy} label="Save assessment" />
      </form>
      {id ? (
        <DmaVersions
          id={id}
          names={new Map(options.map((o, i) => [optId(o, i), o.name || optId(o, i)] as [string, string]))}
        />
      ) : null}
      {id ? (
        <SheetPanel
          id="dma"
          label="scoring sheet"
          downloadUrl={operationUrl(getDmaSheet, { params: { id } })}
          canUpload
          upload={(body) => call(putDmaSheet, { params: { id }, body })}
        />
      ) : null}
    </>
  );
}
