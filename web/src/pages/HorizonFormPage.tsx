/**
 * `/horizon/new` and `/horizon/:id/edit` (commercial side): a contract's payment profile and break
 * points as a form, for the accountability horizon. Rows of annual amounts or dated payments
 * (added and removed), each break point with its termination cost, the London mayoral elections
 * or the body's own calendar, the decision date, and the body's budget; money typed as people
 * write it. As you type, the engine's own schema names each problem by its box
 * (web/src/pages/horizon-form.ts) and, when there is none, the engine's horizon
 * (src/decide/horizon/horizon.ts) says which administrations the spending falls in, the share
 * beyond the deciding one and what each break would cost, before anything is saved. Saving is a
 * document PUT, recorded as the profile's next version.
 */
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { documentOperationsByKind } from "../../../src/contract/decide.ts";
import { listContracts } from "../../../src/contract/records.ts";
import { addMonths, isIsoDate } from "../../../src/shared/dates.ts";
import { isStaff, useAuth } from "../auth.tsx";
import { call } from "../client.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "../components/Form.tsx";
import { Money } from "../components/Money.tsx";
import { formatDate } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../useApi.ts";
import { slugOf } from "./contract-model.ts";
import {
  type AmountRow,
  blankHorizon,
  blankRow,
  type HorizonFormState,
  horizonFormOf,
  readHorizon,
} from "./horizon-form.ts";
import { usePageTitle } from "./title.ts";

const ops = documentOperationsByKind.horizon;
const pct = (x: number | null) =>
  x === null ? "—" : `${(x * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;
const DATE_HINT = "A date such as 2026-04-01.";
/** Each row of amounts on one line where it fits (scoped by the `hz-` prefix). */
const CSS = `
.hz-row { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: flex-end; margin-bottom: 0.5rem; }
.hz-row > .form__group { margin-bottom: 0.25rem; min-width: 0; max-width: 100%; }
.hz-row input { max-width: 13rem; }
`;

type ListName = "annual" | "payments" | "breaks";
const LIST_WORDS: Record<
  ListName,
  { legend: string; noun: string; date: string; amount: string; add: string }
> = {
  annual: {
    legend: "Annual amounts (each spread over the twelve months from its start)",
    noun: "Year",
    date: "start",
    amount: "amount",
    add: "Add a year",
  },
  payments: {
    legend: "Dated payments",
    noun: "Payment",
    date: "date",
    amount: "amount",
    add: "Add a payment",
  },
  breaks: {
    legend: "Break points",
    noun: "Break point",
    date: "date",
    amount: "termination cost",
    add: "Add a break point",
  },
};

export function HorizonFormPage({ id }: { id?: string }) {
  usePageTitle(id ? "Change a payment profile" : "New payment profile");
  const { me } = useAuth();
  const [title, setTitle] = useState("");
  const [contractId, setContractId] = useState("");
  const [reason, setReason] = useState("");
  const [f, setF] = useState<HorizonFormState>(blankHorizon);
  // A description the form does not show is kept as stored.
  const [description, setDescription] = useState<string | undefined>(undefined);
  const stored = useApi(id ? () => call(ops.get, { params: { id } }) : null, `horizon/${id ?? "new"}`);
  const contracts = useApi(() => call(listContracts), "contracts");
  const s = useSave();
  // A refusal found here before sending is no longer shown once the box it names is put right.
  const [refusedHere, setRefusedHere] = useState<string | null>(null);

  useEffect(() => {
    const d = stored.data;
    if (!d) return;
    const back = horizonFormOf(d.document as unknown as Record<string, unknown>);
    setTitle(d.title);
    setContractId(d.contractId ?? "");
    setF(back.state);
    setDescription(back.description);
  }, [stored.data]);

  const read = useMemo(
    () => readHorizon(f, description !== undefined ? { description } : {}),
    [f, description],
  );
  if (!isStaff(me) || !["admin", "commercial"].includes(me.role))
    return (
      <div className="error-panel" role="alert">
        <p>Only the commercial side keeps payment profiles.</p>
      </div>
    );
  const docId = id ?? slugOf(title);
  const set =
    <K extends keyof HorizonFormState>(k: K) =>
    (v: HorizonFormState[K]) =>
      setF((old) => ({ ...old, [k]: v }));
  const setRow = (list: ListName, i: number, k: keyof AmountRow) => (v: string) =>
    setF((old) => ({ ...old, [list]: old[list].map((r, j) => (j === i ? { ...r, [k]: v } : r)) }));
  const addRow = (list: ListName) =>
    setF((old) => {
      const last = old[list][old[list].length - 1];
      // A new year starts twelve months after the one before.
      const next =
        list === "annual" && last && isIsoDate(last.date.trim()) ? addMonths(last.date.trim(), 12) : "";
      return { ...old, [list]: [...old[list], { ...blankRow(), date: next }] };
    });
  const removeRow = (list: ListName, i: number) =>
    setF((old) => ({ ...old, [list]: old[list].filter((_, j) => j !== i) }));
  const chooseContract = (cid: string) => {
    setContractId(cid);
    const c = (contracts.data ?? []).find((x) => x.id === cid);
    if (!c) return;
    // The profile names the contract and its supplier as the register does, unless typed already.
    setF((old) => ({
      ...old,
      contract: old.contract || c.title,
      supplier: old.supplier || (c.supplier ?? ""),
    }));
    if (!title) setTitle(`Payment profile: ${c.title}`);
  };

  // The first thing that stops a save, checked here before sending.
  const problemNow = !title.trim()
    ? "Give the payment profile a title."
    : !contractId
      ? "Choose the contract the payment profile is for."
      : (read.problems[0] ?? (!reason.trim() ? "Say why: the audit trail keeps it." : null));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const saved = await s.run(
      () => {
        setRefusedHere(problemNow);
        return problemNow;
      },
      async () => {
        await call(ops.put, {
          params: { id: docId },
          body: { title: title.trim(), contractId, document: read.file, reason: reason.trim() },
        });
        return `Payment profile ${docId} saved.`;
      },
    );
    if (saved && !id) navigate(`/horizon/${encodeURIComponent(docId)}/edit`);
  };

  const rows = (list: ListName) => {
    const w = LIST_WORDS[list];
    return (
      <fieldset className="form__group" data-testid={`horizon-${list}`}>
        <legend>{w.legend}</legend>
        {f[list].map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is the row.
          <div key={i} className="form__row hz-row">
            <TextField
              id={`hz-${list}-${i}-date`}
              label={`${w.noun} ${i + 1} ${w.date}`}
              value={r.date}
              onChange={setRow(list, i, "date")}
              {...(i === 0 ? { hint: DATE_HINT } : {})}
            />
            <TextField
              id={`hz-${list}-${i}-amount`}
              label={`${w.noun} ${i + 1} ${w.amount}`}
              value={r.amount}
              onChange={setRow(list, i, "amount")}
              {...(i === 0 ? { hint: "As you would write it: 4,800,000 or £4.8m." } : {})}
            />
            <TextField
              id={`hz-${list}-${i}-label`}
              label={`${w.noun} ${i + 1} label`}
              value={r.label}
              onChange={setRow(list, i, "label")}
            />
            <button type="button" className="button button--secondary" onClick={() => removeRow(list, i)}>
              Remove {w.noun.toLowerCase()} {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => addRow(list)}>
          {w.add}
        </button>
      </fieldset>
    );
  };

  const h = read.report;
  return (
    <>
      <p>
        <Link to="/appraisals">Appraisals</Link>
        {contractId && id ? (
          <>
            {" "}
            · <Link to={`/appraisals/${encodeURIComponent(contractId)}`}>The deal's page</Link>
          </>
        ) : null}
      </p>
      <style>{CSS}</style>
      <h1>{id ? `Payment profile: ${title || id}` : "New payment profile"}</h1>
      <form className="form" aria-label="Payment profile" onSubmit={submit} noValidate>
        <TextField id="hz-title" label="Title" value={title} onChange={setTitle} />
        <Field id="hz-contractId" label="For the contract">
          <select id="hz-contractId" value={contractId} onChange={(e) => chooseContract(e.target.value)}>
            <option value="">(choose)</option>
            {(contracts.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </Field>
        <TextField id="hz-contract" label="Contract name" value={f.contract} onChange={set("contract")} />
        <TextField id="hz-supplier" label="Supplier" value={f.supplier} onChange={set("supplier")} />
        <TextField
          id="hz-decisionDate"
          label="Decision date"
          value={f.decisionDate}
          onChange={set("decisionDate")}
          hint="The day the decision was (or will be) taken: it fixes the deciding administration. A date such as 2021-03-31."
        />
        <Field id="hz-elections" label="Elections">
          <select
            id="hz-elections"
            value={f.elections}
            onChange={(e) => set("elections")(e.target.value as HorizonFormState["elections"])}
          >
            <option value="london-mayoral">London mayoral elections</option>
            <option value="custom">The body's own election calendar</option>
          </select>
        </Field>
        {f.elections === "custom" ? (
          <fieldset className="form__group">
            <legend>The body's elections</legend>
            <TextField
              id="hz-el-body"
              label="Whose elections"
              value={f.customBody}
              onChange={set("customBody")}
            />
            <TextField
              id="hz-el-dates"
              label="Election dates"
              value={f.customDates}
              onChange={set("customDates")}
              hint="The known election days, separated by commas: 2018-05-03, 2022-05-05."
            />
            <TextField
              id="hz-el-term"
              label="Years between elections"
              value={f.customTermYears}
              onChange={set("customTermYears")}
              inputMode="decimal"
            />
            <Field id="hz-el-next" label="Later election days">
              <select
                id="hz-el-next"
                value={f.customNext}
                onChange={(e) => set("customNext")(e.target.value as HorizonFormState["customNext"])}
              >
                <option value="first-thursday-in-may">the first Thursday in May</option>
                <option value="same-day">the same day of the year</option>
              </select>
            </Field>
          </fieldset>
        ) : null}
        {rows("annual")}
        {rows("payments")}
        {rows("breaks")}
        <TextField
          id="hz-budget"
          label="The body's annual budget (optional)"
          value={f.annualBudget}
          onChange={set("annualBudget")}
        />
        <TextField
          id="hz-spend"
          label="The body's annual spending on contracts (optional)"
          value={f.annualContractSpend}
          onChange={set("annualContractSpend")}
        />

        <section className="panel" aria-labelledby="hz-result-h" data-testid="horizon-preview">
          <h2 id="hz-result-h">What the profile says</h2>
          {read.problems.length ? (
            <ul aria-label="Problems to put right" data-testid="horizon-problems">
              {read.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : h ? (
            <>
              <p role="status" data-testid="horizon-preview-summary">
                Decided in the {h.decidingAdministration ?? "—"} administration ({h.body}): the contract binds{" "}
                {h.administrationsBound} later administration{h.administrationsBound === 1 ? "" : "s"}, which
                pay {pct(h.shareAfterDecidingTerm)} of <Money pence={h.total} full /> beyond the deciding
                administration.
              </p>
              <div className="table-wrap">
                <table>
                  <caption>Payments falling in each administration's term</caption>
                  <thead>
                    <tr>
                      <th scope="col">Administration</th>
                      <th scope="col">Role</th>
                      <th scope="col" className="numeric">
                        Committed
                      </th>
                      <th scope="col" className="numeric">
                        Share of contract
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.administrations
                      .filter((a) => a.committed > 0 || a.role === "deciding")
                      .map((a) => (
                        <tr key={a.label}>
                          <th scope="row">{a.label}</th>
                          <td>{a.role === "bound" ? "bound by the decision" : a.role}</td>
                          <td className="numeric">
                            <Money pence={a.committed} full />
                          </td>
                          <td className="numeric">{pct(a.shareOfContract)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
              {h.breakPoints.length ? (
                <div className="table-wrap">
                  <table>
                    <caption>Cost of leaving at each break point</caption>
                    <thead>
                      <tr>
                        <th scope="col">Break</th>
                        <th scope="col">Decided by</th>
                        <th scope="col" className="numeric">
                          Termination cost
                        </th>
                        <th scope="col" className="numeric">
                          Payments released
                        </th>
                        <th scope="col" className="numeric">
                          Administrations still bound
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {h.breakPoints.map((b) => (
                        <tr key={b.date}>
                          <th scope="row">
                            {formatDate(b.date)}
                            {b.label ? ` — ${b.label}` : ""}
                          </th>
                          <td>{b.administration ?? "—"}</td>
                          <td className="numeric">
                            <Money pence={b.terminationCost} full />
                          </td>
                          <td className="numeric">
                            <Money pence={b.paymentsAfter} full />
                          </td>
                          <td className="numeric">{b.administrationsBoundIfLeft}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {h.unallocated > 0 ? (
                <p className="muted">
                  <Money pence={h.unallocated} full /> falls before the first election listed.
                </p>
              ) : null}
              <p className="muted">
                Worked out here with the engine's election calendar; the saved profile is worked out against
                the stored election dates.
              </p>
            </>
          ) : null}
        </section>
        <ReasonField prefix="hz" reason={reason} setReason={setReason} />
        <Outcome
          prefix="hz"
          error={s.error !== null && s.error === refusedHere && problemNow !== refusedHere ? null : s.error}
          done={s.done}
        />
        <SaveButton busy={s.busy} label="Save payment profile" />
      </form>
    </>
  );
}
