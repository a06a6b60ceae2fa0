/**
 * Managing a contract from its page: record a key performance indicator, rate one for a period,
 * record a change (with the UK10 rule applied as you type) and record how the contract ended.
 * These are the facts the Procurement Act notices UK7, UK9, UK10 and UK11 are built from. Each
 * save names its reason, which goes to the audit trail; the server checks every value again.
 * Shown to the roles that may make these changes (admin, commercial, contract manager).
 */
import { type FormEvent, useState } from "react";
import { changeNotice } from "../../../src/manage/change.ts";
import { RATING_WORDS, type Rating, RATINGS as SCALE } from "../../../src/manage/rating.ts";
import {
  TERMINATION_REASONS,
  TERMINATION_WORDS,
  type TerminationReason,
} from "../../../src/manage/termination.ts";
import { tryParsePounds } from "../../../src/shared/money.ts";
import { createMeasuredKpi } from "../../../src/contract/manage-performance.ts";
import { KPI_PERIODS, KPI_SOURCES, type KpiPeriod, type KpiSource } from "../../../src/manage/kpi.ts";
import { type ContractEvents, ocdsApi } from "../api-ocds.ts";
import { call } from "../client.ts";
import { formatDate } from "../format.ts";
import { Field, Outcome, ReasonAndPublish, SaveButton, TextField, useSave } from "./Form.tsx";

export interface ContractBasics {
  id: string;
  valuePence: number | null;
  startDate: string | null;
  endDate: string | null;
}

// The scale and the endings, with their words, are src/manage's: the server checks the same lists.
const RATINGS: [Rating, string][] = SCALE.map((r) => [r, RATING_WORDS[r].label]);
const ENDINGS: [TerminationReason, string][] = TERMINATION_REASONS.map((r) => [r, TERMINATION_WORDS[r]]);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function KpiForm({ contractId, onSaved }: { contractId: string; onSaved: () => void }) {
  const [id, setId] = useState("");
  const [title, setTitle] = useState("");
  const [target, setTarget] = useState("");
  const [description, setDescription] = useState("");
  const [reason, setReason] = useState("");
  const [published, setPublished] = useState(true);
  // How results are judged (optional): with a goal as a number the KPI is stored with its measure.
  const [goal, setGoal] = useState("");
  const [tolerance, setTolerance] = useState("");
  const [lowerBetter, setLowerBetter] = useState(false);
  const [period, setPeriod] = useState<KpiPeriod>("monthly");
  const [weight, setWeight] = useState("1");
  const [source, setSource] = useState<KpiSource>("supplier");
  const [unit, setUnit] = useState("%");
  const s = useSave(onSaved);
  const NUMBER = /^-?\d+(\.\d+)?$/;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !id.trim()
          ? "Give the KPI a short reference, e.g. kpi-4."
          : !title.trim()
            ? "Give the KPI a title: what is measured."
            : goal.trim() && !NUMBER.test(goal.trim())
              ? "Give the goal as a number, e.g. 98.5, or leave it empty."
              : goal.trim() && tolerance.trim() && !/^\d+(\.\d+)?$/.test(tolerance.trim())
                ? "Give the tolerance as a number 0 or more, e.g. 0.5."
                : goal.trim() && !/^\d+$/.test(weight.trim())
                  ? "Give the weight as a whole number from 1 to 100."
                  : !reason.trim()
                    ? "Say why you are recording this KPI (kept in the audit trail)."
                    : null,
      async () => {
        if (goal.trim()) {
          await call(createMeasuredKpi, {
            params: { id: contractId },
            body: {
              id: id.trim(),
              title: title.trim(),
              target: target.trim(),
              description: description.trim(),
              published,
              reason: reason.trim(),
              targetValue: goal.trim(),
              tolerance: tolerance.trim() || "0",
              direction: lowerBetter ? "lower" : "higher",
              period,
              weight: Number(weight.trim()),
              source,
              unit: unit.trim(),
            },
          });
          return `KPI ${id.trim()} recorded, with its results judged against ${goal.trim()}${unit.trim()}.`;
        }
        await ocdsApi.addKpi(contractId, {
          id: id.trim(),
          title: title.trim(),
          target: target.trim(),
          description: description.trim(),
          published,
          reason: reason.trim(),
        });
        return `KPI ${id.trim()} recorded.`;
      },
    );
    if (ok) {
      setId("");
      setTitle("");
      setTarget("");
      setGoal("");
      setTolerance("");
      setDescription("");
      setReason("");
    }
  };
  return (
    <details className="manage-form" data-form="kpi">
      <summary>
        <strong>Add a key performance indicator</strong>
      </summary>
      <p className="muted">
        A contract worth more than £5 million needs at least three KPIs, published in its contract details
        notice (UK7; Procurement Act 2023, s.52).
      </p>
      <Outcome prefix="kpi" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Add a key performance indicator">
        <TextField id="kpi-id" label="Reference" value={id} onChange={setId} />
        <TextField id="kpi-title" label="What is measured" value={title} onChange={setTitle} />
        <TextField id="kpi-target" label="Target" value={target} onChange={setTarget} />
        <TextField id="kpi-description" label="Description" value={description} onChange={setDescription} />
        <fieldset className="form__fieldset" style={{ minWidth: 0 }}>
          <legend>How results are judged (optional)</legend>
          <TextField
            id="kpi-goal"
            label="Goal as a number"
            hint="e.g. 98 for 98%; leave empty to record the KPI without judging results"
            inputMode="decimal"
            value={goal}
            onChange={setGoal}
          />
          <TextField
            id="kpi-tolerance"
            label="Tolerance"
            hint="How far short still counts as approaching the goal, e.g. 1"
            inputMode="decimal"
            value={tolerance}
            onChange={setTolerance}
          />
          <TextField id="kpi-unit" label="Unit" value={unit} onChange={setUnit} />
          <div className="form__group form__check">
            <input
              id="kpi-lower"
              type="checkbox"
              checked={lowerBetter}
              onChange={(e) => setLowerBetter(e.target.checked)}
            />
            <label htmlFor="kpi-lower">A lower result is better (days taken, errors)</label>
          </div>
          <Field id="kpi-period" label="Measured every">
            <select id="kpi-period" value={period} onChange={(e) => setPeriod(e.target.value as KpiPeriod)}>
              {KPI_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {p === "monthly" ? "month" : p === "quarterly" ? "quarter" : "year (to 31 March)"}
                </option>
              ))}
            </select>
          </Field>
          <TextField id="kpi-weight" label="Weight (1 to 100)" value={weight} onChange={setWeight} />
          <Field id="kpi-source" label="Reported by">
            <select id="kpi-source" value={source} onChange={(e) => setSource(e.target.value as KpiSource)}>
              {KPI_SOURCES.map((x) => (
                <option key={x} value={x}>
                  {x === "supplier" ? "the supplier (self-reported)" : "the authority (its own measurement)"}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <ReasonAndPublish
          prefix="kpi"
          reason={reason}
          setReason={setReason}
          published={published}
          setPublished={setPublished}
        />
        <SaveButton busy={s.busy} label="Record KPI" />
      </form>
    </details>
  );
}

function RatingForm({
  contractId,
  kpis,
  onSaved,
}: {
  contractId: string;
  kpis: ContractEvents["kpis"];
  onSaved: () => void;
}) {
  const [kpiId, setKpiId] = useState("");
  const [periodEnd, setPeriodEnd] = useState("");
  const [rating, setRating] = useState<Rating | "">("");
  const [explanation, setExplanation] = useState("");
  const [reason, setReason] = useState("");
  const [published, setPublished] = useState(true);
  const s = useSave(onSaved);
  const chosen = kpiId || kpis[0]?.id || "";
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await s.run(
      () =>
        !chosen
          ? "Record a KPI first: a rating is given to a KPI."
          : !DATE.test(periodEnd)
            ? "Give the last day of the period rated."
            : !rating
              ? "Choose a rating."
              : !reason.trim()
                ? "Say why you are recording this rating (kept in the audit trail)."
                : null,
      async () => {
        await ocdsApi.addRating(contractId, {
          kpiId: chosen,
          periodEnd,
          rating: rating as Rating, // checked above: not empty
          explanation: explanation.trim(),
          published,
          reason: reason.trim(),
        });
        const label = RATINGS.find(([v]) => v === rating)?.[1] ?? rating;
        return `${chosen} rated "${label.toLowerCase()}" for the period to ${formatDate(periodEnd)}.`;
      },
    );
  };
  return (
    <details className="manage-form" data-form="rating">
      <summary>
        <strong>Rate performance against a KPI</strong>
      </summary>
      <p className="muted">
        Ratings are published in contract performance notices (UK9; Procurement Act 2023, s.71): good,
        approaching target, requires improvement, inadequate, or other.
      </p>
      <Outcome prefix="rating" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Rate performance against a KPI">
        <Field id="rating-kpi" label="KPI">
          <select id="rating-kpi" value={chosen} onChange={(e) => setKpiId(e.target.value)}>
            {kpis.length === 0 ? <option value="">No KPI recorded yet</option> : null}
            {kpis.map((k) => (
              <option key={k.id} value={k.id}>
                {k.id}: {k.title}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="rating-period"
          label="Last day of the period rated"
          type="date"
          value={periodEnd}
          onChange={setPeriodEnd}
        />
        <Field id="rating-value" label="Rating">
          <select id="rating-value" value={rating} onChange={(e) => setRating(e.target.value as Rating | "")}>
            <option value="">Choose…</option>
            {RATINGS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="rating-explanation"
          label="Explanation"
          value={explanation}
          onChange={setExplanation}
        />
        <ReasonAndPublish
          prefix="rating"
          reason={reason}
          setReason={setReason}
          published={published}
          setPublished={setPublished}
        />
        <SaveButton busy={s.busy} label="Record rating" />
      </form>
    </details>
  );
}

function penceText(pence: number | null | undefined): string {
  return pence == null ? "" : (pence / 100).toFixed(2);
}

function ChangeForm({
  contract,
  changes,
  onSaved,
}: {
  contract: ContractBasics;
  changes: ContractEvents["changes"];
  onSaved: () => void;
}) {
  // The terms before this change are those after the latest change recorded, or the contract's own.
  const last = changes.at(-1);
  const [id, setId] = useState("");
  const [changedOn, setChangedOn] = useState("");
  const [works, setWorks] = useState(false);
  const [before, setBefore] = useState(penceText(last ? last.valueAfterPence : contract.valuePence));
  const [after, setAfter] = useState("");
  const [endBefore, setEndBefore] = useState(last ? last.endAfter : (contract.endDate ?? ""));
  const [endAfter, setEndAfter] = useState("");
  const [description, setDescription] = useState("");
  const [rationale, setRationale] = useState("");
  const [reason, setReason] = useState("");
  const [published, setPublished] = useState(true);
  const s = useSave(onSaved);
  const startDate = contract.startDate ?? "";
  const beforePence = tryParsePounds(before);
  const afterPence = tryParsePounds(after);
  const endAfterText = endAfter || endBefore;
  const preview =
    beforePence !== null &&
    afterPence !== null &&
    DATE.test(startDate) &&
    DATE.test(endBefore) &&
    DATE.test(endAfterText)
      ? changeNotice({
          works,
          valueBeforePence: beforePence,
          valueAfterPence: afterPence,
          startDate,
          endBefore,
          endAfter: endAfterText,
        })
      : null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await s.run(
      () =>
        !id.trim()
          ? "Give the change a short reference, e.g. variation-2."
          : !DATE.test(changedOn)
            ? "Give the date of the change."
            : beforePence === null
              ? `Value before: expected an amount in pounds with up to 2 decimals, got "${before}".`
              : afterPence === null
                ? `Value after: expected an amount in pounds with up to 2 decimals, got "${after}".`
                : !DATE.test(startDate)
                  ? "The contract has no start date in the register: record it there first."
                  : !DATE.test(endBefore)
                    ? "Give the end date before the change."
                    : !description.trim()
                      ? "Describe the change."
                      : !rationale.trim()
                        ? "Give the rationale: why the contract is changed."
                        : !reason.trim()
                          ? "Say why you are recording this change (kept in the audit trail)."
                          : null,
      async () => {
        const r = await ocdsApi.addChange(contract.id, {
          id: id.trim(),
          changedOn,
          works,
          valueBeforePence: beforePence ?? 0,
          valueAfterPence: afterPence ?? 0,
          startDate,
          endBefore,
          endAfter: endAfterText,
          description: description.trim(),
          rationale: rationale.trim(),
          published,
          reason: reason.trim(),
        });
        return r.noticeRequired
          ? `Change ${id.trim()} recorded. A contract change notice (UK10) is required: ${r.noticeReasons.join("; ")}.`
          : `Change ${id.trim()} recorded. No contract change notice (UK10) is required.`;
      },
    );
    if (ok) {
      // The next change starts from the terms this one set.
      setBefore(after);
      setEndBefore(endAfterText);
      for (const clear of [
        setId,
        setChangedOn,
        setAfter,
        setEndAfter,
        setDescription,
        setRationale,
        setReason,
      ])
        clear("");
    }
  };
  return (
    <details className="manage-form" data-form="change">
      <summary>
        <strong>Record a contract change</strong>
      </summary>
      <p className="muted">
        A change that moves the value by more than 10% (15% for works) or the term by more than 10% needs a
        contract change notice (UK10; Procurement Act 2023, s.75) before it takes effect.
      </p>
      <Outcome prefix="change" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Record a contract change">
        <TextField id="change-id" label="Reference" value={id} onChange={setId} />
        <TextField
          id="change-on"
          label="Date of the change"
          type="date"
          value={changedOn}
          onChange={setChangedOn}
        />
        <div className="form__group form__check">
          <input
            id="change-works"
            type="checkbox"
            checked={works}
            onChange={(e) => setWorks(e.target.checked)}
          />
          <label htmlFor="change-works">A works contract (15% threshold)</label>
        </div>
        <TextField
          id="change-before"
          label="Value before (£)"
          inputMode="decimal"
          value={before}
          onChange={setBefore}
        />
        <TextField
          id="change-after"
          label="Value after (£)"
          inputMode="decimal"
          value={after}
          onChange={setAfter}
        />
        <TextField
          id="change-end-before"
          label="End date before"
          type="date"
          value={endBefore}
          onChange={setEndBefore}
        />
        <TextField
          id="change-end-after"
          label="End date after"
          hint="Leave empty when the term does not change."
          type="date"
          value={endAfter}
          onChange={setEndAfter}
        />
        <TextField
          id="change-description"
          label="What changes"
          value={description}
          onChange={setDescription}
        />
        <TextField id="change-rationale" label="Rationale" value={rationale} onChange={setRationale} />
        {preview ? (
          <p className="manage-preview" data-preview="uk10" aria-live="polite">
            {preview.noticeRequired
              ? `This change needs a contract change notice (UK10): ${preview.noticeReasons.join("; ")}.`
              : "This change does not need a contract change notice (UK10): value and term move by 10% or less (15% for works)."}
          </p>
        ) : null}
        <ReasonAndPublish
          prefix="change"
          reason={reason}
          setReason={setReason}
          published={published}
          setPublished={setPublished}
        />
        <SaveButton busy={s.busy} label="Record change" />
      </form>
    </details>
  );
}

function TerminationForm({
  contractId,
  ended,
  onSaved,
}: {
  contractId: string;
  ended: ContractEvents["termination"];
  onSaved: () => void;
}) {
  const [on, setOn] = useState("");
  const [ending, setEnding] = useState<TerminationReason | "">("");
  const [paid, setPaid] = useState("");
  const [explanation, setExplanation] = useState("");
  const [reason, setReason] = useState("");
  const [published, setPublished] = useState(true);
  const s = useSave(onSaved);
  const paidPence = tryParsePounds(paid);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await s.run(
      () =>
        !DATE.test(on)
          ? "Give the date the contract ended."
          : !ending
            ? "Choose how the contract ended."
            : paidPence === null
              ? `Total paid: expected an amount in pounds with up to 2 decimals, got "${paid}".`
              : !reason.trim()
                ? "Say why you are recording this (kept in the audit trail)."
                : null,
      async () => {
        await ocdsApi.setTermination(contractId, {
          terminatedOn: on,
          endReason: ending as TerminationReason, // checked above: not empty
          totalPaidPence: paidPence ?? 0,
          explanation: explanation.trim(),
          published,
          reason: reason.trim(),
        });
        return `The contract's end on ${formatDate(on)} is recorded.`;
      },
    );
  };
  return (
    <details className="manage-form" data-form="termination">
      <summary>
        <strong>Record how the contract ended</strong>
      </summary>
      <p className="muted">
        The end of a contract, how it ended and the total paid go in the contract termination notice (UK11;
        Procurement Act 2023, s.80).
      </p>
      <Outcome prefix="termination" error={s.error} done={s.done} />
      {ended ? (
        <p data-ended="yes">
          Ended on {formatDate(ended.terminatedOn)} (
          {ENDINGS.find(([v]) => v === ended.reason)?.[1] ?? ended.reason}
          ). A contract ends once: the record stands.
        </p>
      ) : null}
      <form
        className="form"
        onSubmit={submit}
        noValidate
        aria-label="Record how the contract ended"
        hidden={ended !== null}
      >
        <TextField id="termination-on" label="Date it ended" type="date" value={on} onChange={setOn} />
        <Field id="termination-how" label="How it ended">
          <select
            id="termination-how"
            value={ending}
            onChange={(e) => setEnding(e.target.value as TerminationReason | "")}
          >
            <option value="">Choose…</option>
            {ENDINGS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="termination-paid"
          label="Total paid under the contract (£)"
          inputMode="decimal"
          value={paid}
          onChange={setPaid}
        />
        <TextField
          id="termination-explanation"
          label="Explanation"
          value={explanation}
          onChange={setExplanation}
        />
        <ReasonAndPublish
          prefix="termination"
          reason={reason}
          setReason={setReason}
          published={published}
          setPublished={setPublished}
        />
        <SaveButton busy={s.busy} label="Record the end" />
      </form>
    </details>
  );
}

export function ContractManage({
  contract,
  events,
  onSaved,
}: {
  contract: ContractBasics;
  events: ContractEvents;
  onSaved: () => void;
}) {
  return (
    <section aria-labelledby="manage-heading" className="manage">
      <h2 id="manage-heading">Manage the contract</h2>
      <p className="muted">
        What you record here is checked again by the server, kept in the audit trail with your reason, and
        used for the notices above.
      </p>
      <KpiForm contractId={contract.id} onSaved={onSaved} />
      <RatingForm contractId={contract.id} kpis={events.kpis} onSaved={onSaved} />
      <ChangeForm contract={contract} changes={events.changes} onSaved={onSaved} />
      <TerminationForm contractId={contract.id} ended={events.termination} onSaved={onSaved} />
    </section>
  );
}
