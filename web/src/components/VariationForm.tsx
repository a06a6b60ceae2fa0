/**
 * The form that appends a variation to a contract's history (admin, commercial, contract
 * manager): dated and approved, with its reason, the change in value (negative for a reduction)
 * and the new end of the term; a correction names the version it corrects. There is no edit: the
 * answer is the whole timeline again, with the new version's UK10 test.
 */
import { type FormEvent, useState } from "react";
import { createVariation } from "../../../src/contract/manage-value.ts";
import { call } from "../client.ts";
import { parseMoneyInput } from "../money-input.ts";
import { useInvalidate } from "../queries.ts";
import { Field, Outcome, ReasonField, SaveButton, TextField, useSave } from "./Form.tsx";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Kind = "change" | "option" | "correction";

/** Pounds typed by a person, "-" first for a reduction, to signed pence; null when not an amount. */
function signedPence(text: string): number | null {
  const t = text.trim();
  const neg = t.startsWith("-");
  const m = parseMoneyInput(neg ? t.slice(1) : t);
  if ("empty" in m) return 0;
  if ("problem" in m) return null;
  return neg ? -m.pence : m.pence;
}

export function VariationForm({ contractId }: { contractId: string }) {
  const [kind, setKind] = useState<Kind>("change");
  const [corrects, setCorrects] = useState("");
  const [changedOn, setChangedOn] = useState("");
  const [approvedOn, setApprovedOn] = useState("");
  const [approvedBy, setApprovedBy] = useState("");
  const [changeReason, setChangeReason] = useState("");
  const [description, setDescription] = useState("");
  const [delta, setDelta] = useState("0");
  const [endAfter, setEndAfter] = useState("");
  const [reason, setReason] = useState("");
  const invalidate = useInvalidate();
  // The timeline and the committed total on the page change with a new version.
  const s = useSave(() => {
    void invalidate("contract-");
  });
  const deltaPence = signedPence(delta);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await s.run(
      () =>
        !DATE.test(changedOn)
          ? "Give the date of the variation."
          : !DATE.test(approvedOn)
            ? "Give the date it was approved."
            : !approvedBy.trim()
              ? "Say who approved it."
              : !changeReason.trim()
                ? "Give the reason for the variation."
                : !description.trim()
                  ? "Describe the variation."
                  : deltaPence === null
                    ? `Change in value: expected an amount in pounds, "-" first for a reduction, got "${delta}".`
                    : kind === "correction" && !/^\d+$/.test(corrects)
                      ? "A correction names the version it corrects, e.g. 2."
                      : !reason.trim()
                        ? "Say why you are recording this variation (kept in the audit trail)."
                        : null,
      async () => {
        const t = await call(createVariation, {
          params: { id: contractId },
          body: {
            reason: reason.trim(),
            kind,
            ...(kind === "correction" ? { correctsVersion: Number(corrects) } : {}),
            changedOn,
            approvedOn,
            approvedBy: approvedBy.trim(),
            changeReason: changeReason.trim(),
            description: description.trim(),
            valueDeltaPence: deltaPence ?? 0,
            endAfter: endAfter || null,
          },
        });
        const v = t.rows.at(-1);
        if (!v) return "Variation recorded.";
        return v.noticeRequired
          ? `Version ${v.version} recorded. A contract change notice (UK10) is needed${v.illustrative ? " (illustrative)" : ""}: ${v.noticeReasons.join("; ")}.`
          : `Version ${v.version} recorded. No contract change notice (UK10) is needed.`;
      },
    );
  };
  return (
    <details className="manage-form" data-form="variation">
      <summary>
        <strong>Record a variation</strong>
      </summary>
      <Outcome prefix="variation" error={s.error} done={s.done} />
      <form className="form" onSubmit={submit} noValidate aria-label="Record a variation">
        <Field id="variation-kind" label="Kind">
          <select id="variation-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="change">a change to the contract</option>
            <option value="option">an option provided for on award</option>
            <option value="correction">a correction of an earlier version</option>
          </select>
        </Field>
        {kind === "correction" ? (
          <TextField id="variation-corrects" label="Version it corrects" value={corrects} onChange={setCorrects} />
        ) : null}
        <TextField id="variation-dated" label="Dated" type="date" value={changedOn} onChange={setChangedOn} />
        <TextField id="variation-approved-on" label="Approved on" type="date" value={approvedOn} onChange={setApprovedOn} />
        <TextField id="variation-approved-by" label="Approved by" value={approvedBy} onChange={setApprovedBy} />
        <TextField id="variation-why" label="Reason for the variation" value={changeReason} onChange={setChangeReason} />
        <TextField id="variation-description" label="What changes" value={description} onChange={setDescription} />
        <TextField
          id="variation-delta"
          label="Change in value (£)"
          hint='Negative for a reduction, e.g. "-250,000"'
          inputMode="decimal"
          value={delta}
          onChange={setDelta}
        />
        <TextField
          id="variation-end"
          label="New end of the term"
          hint="Leave empty when the term does not change"
          type="date"
          value={endAfter}
          onChange={setEndAfter}
        />
        <ReasonField prefix="variation" reason={reason} setReason={setReason} />
        <SaveButton busy={s.busy} label="Record variation" />
      </form>
    </details>
  );
}
