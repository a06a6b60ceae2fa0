/**
 * The sections of the contract form (web/src/pages/ContractEditPage.tsx) that take rows: who owns
 * the supplier (a name, a share as a percentage, the days it was held), the term with its options
 * and break points, and the payment mechanism. Each shows the engine's verdict on what is typed,
 * in the form's words, as it is typed; the page owns the state and the saving.
 */
import {
  INDEXATION_KINDS,
  INDEXATION_WORDS,
  INVOICING_FREQUENCIES,
  PRICING_BASES,
  PRICING_WORDS,
} from "../../../src/manage/payment-mechanism.ts";
import { OPTION_STATES, type OptionState } from "../../../src/manage/term.ts";
import type { BreakRow, OptionRow, OwnerRow, PaymentTyped, TermTyped } from "../pages/contract-edit-model.ts";
import { Field, SelectField, TextAreaField, TextField } from "./Form.tsx";

/** A fieldset is as wide as its widest child by default; this lets it narrow to a 320 px screen. */
const FIELDSET = { minWidth: 0 } as const;

/** The problem with a section as typed, or nothing; read out when it changes. */
function Verdict({ id, problem }: { id: string; problem: string | null }) {
  return (
    <p id={id} className={problem ? "form__hint form__error" : "form__hint muted"} aria-live="polite">
      {problem ?? "Nothing to correct."}
    </p>
  );
}

let counter = 0;
/** A key for a new row, and a stable id for a new option or break point. */
export const newKey = (prefix: string) => `${prefix}-new-${Date.now().toString(36)}-${++counter}`;

/** The first of `option-1`, `option-2`… that no row uses yet: the id a new option or break point takes. */
export function nextId(prefix: string, rows: readonly { id: string }[]): string {
  const used = new Set(rows.map((r) => r.id));
  let n = rows.length + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

function update<T extends { key: string }>(rows: T[], key: string, change: Partial<T>): T[] {
  return rows.map((r) => (r.key === key ? { ...r, ...change } : r));
}

export function OwnersFields({
  rows,
  setRows,
  supplier,
  problem,
  preview,
}: {
  rows: OwnerRow[];
  setRows: (rows: OwnerRow[]) => void;
  supplier: string;
  problem: string | null;
  preview: string;
}) {
  return (
    <fieldset className="form__group" style={FIELDSET} aria-describedby="edit-owners-verdict">
      <legend>Who owns the supplier ({supplier})</legend>
      <p className="muted">
        Each owner's share as a percentage (75%, 33.33), and the days it was held; leave the dates empty when
        it has always been held and still is. Owners belong to the supplier, so every contract with {supplier}{" "}
        shows them.
      </p>
      {rows.map((r, i) => {
        const n = i + 1;
        const set = (change: Partial<OwnerRow>) => setRows(update(rows, r.key, change));
        return (
          <div key={r.key} className="form__row" data-testid={`owner-${n}`}>
            <TextField
              id={`owner-${r.key}-name`}
              label={`Owner ${n}: name`}
              value={r.owner}
              onChange={(v) => set({ owner: v })}
            />
            <TextField
              id={`owner-${r.key}-share`}
              label={`Owner ${n}: share`}
              value={r.share}
              onChange={(v) => set({ share: v })}
            />
            <TextField
              id={`owner-${r.key}-from`}
              label={`Owner ${n}: held from`}
              type="date"
              value={r.fromDate}
              onChange={(v) => set({ fromDate: v })}
            />
            <TextField
              id={`owner-${r.key}-to`}
              label={`Owner ${n}: held to`}
              type="date"
              value={r.toDate}
              onChange={(v) => set({ toDate: v })}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            >
              Remove owner {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          setRows([
            ...rows,
            { key: newKey("owner"), owner: "", share: "", fromDate: "", toDate: "", source: "" },
          ])
        }
      >
        Add an owner
      </button>
      <Verdict id="edit-owners-verdict" problem={problem} />
      {!problem && preview ? <p className="muted">Owned today by {preview}.</p> : null}
    </fieldset>
  );
}

export function TermFields({
  term,
  setTerm,
  problem,
}: {
  term: TermTyped;
  setTerm: (t: TermTyped) => void;
  problem: string | null;
}) {
  const setOptions = (options: OptionRow[]) => setTerm({ ...term, options });
  const setBreaks = (breakPoints: BreakRow[]) => setTerm({ ...term, breakPoints });
  return (
    <fieldset className="form__group" style={FIELDSET} aria-describedby="edit-term-verdict">
      <legend>Term, extension options and break points</legend>
      <TextField
        id="edit-initial-end"
        label="Initial term ends"
        type="date"
        value={term.initialEndDate}
        onChange={(v) => setTerm({ ...term, initialEndDate: v })}
        hint="The last day of the initial term, before any option."
      />
      <TextField
        id="edit-end-notice"
        label="Months to decide what follows"
        value={term.endNoticeMonths}
        onChange={(v) => setTerm({ ...term, endNoticeMonths: v })}
        hint="How long before the end the buyer must decide whether to re-procure, extend or bring it in-house."
      />
      {term.options.map((o, i) => {
        const n = i + 1;
        const set = (change: Partial<OptionRow>) => setOptions(update(term.options, o.key, change));
        return (
          <div key={o.key} className="form__row" data-testid={`option-${n}`}>
            <TextField
              id={`opt-${o.key}-from`}
              label={`Option ${n}: extends from`}
              type="date"
              value={o.fromDate}
              onChange={(v) => set({ fromDate: v })}
            />
            <TextField
              id={`opt-${o.key}-to`}
              label={`Option ${n}: new end`}
              type="date"
              value={o.toDate}
              onChange={(v) => set({ toDate: v })}
            />
            <TextField
              id={`opt-${o.key}-notice`}
              label={`Option ${n}: notice (months)`}
              value={o.noticeMonths}
              onChange={(v) => set({ noticeMonths: v })}
            />
            <Field id={`opt-${o.key}-state`} label={`Option ${n}: state`}>
              <select
                id={`opt-${o.key}-state`}
                value={o.state}
                onChange={(e) => set({ state: e.target.value as OptionState })}
              >
                {OPTION_STATES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </Field>
            <TextField
              id={`opt-${o.key}-decided`}
              label={`Option ${n}: decided on`}
              type="date"
              value={o.decidedOn}
              onChange={(v) => set({ decidedOn: v })}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setOptions(term.options.filter((x) => x.key !== o.key))}
            >
              Remove option {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          const key = newKey("option");
          const id = nextId("option", term.options);
          const last = term.options.at(-1)?.toDate || term.initialEndDate;
          setOptions([
            ...term.options,
            {
              key,
              id,
              fromDate: last,
              toDate: "",
              noticeMonths: "6",
              state: "pending",
              decidedOn: "",
              note: "",
            },
          ]);
        }}
      >
        Add an option
      </button>
      {term.breakPoints.map((b, i) => {
        const n = i + 1;
        const set = (change: Partial<BreakRow>) => setBreaks(update(term.breakPoints, b.key, change));
        return (
          <div key={b.key} className="form__row" data-testid={`break-${n}`}>
            <TextField
              id={`brk-${b.key}-on`}
              label={`Break point ${n}: date`}
              type="date"
              value={b.on}
              onChange={(v) => set({ on: v })}
            />
            <TextField
              id={`brk-${b.key}-notice`}
              label={`Break point ${n}: notice (months)`}
              value={b.noticeMonths}
              onChange={(v) => set({ noticeMonths: v })}
            />
            <TextField
              id={`brk-${b.key}-note`}
              label={`Break point ${n}: note`}
              value={b.note}
              onChange={(v) => set({ note: v })}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setBreaks(term.breakPoints.filter((x) => x.key !== b.key))}
            >
              Remove break point {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          const key = newKey("break");
          const id = nextId("break", term.breakPoints);
          setBreaks([...term.breakPoints, { key, id, on: "", noticeMonths: "6", note: "" }]);
        }}
      >
        Add a break point
      </button>
      <Verdict id="edit-term-verdict" problem={problem} />
    </fieldset>
  );
}

export function PaymentFields({
  p,
  setP,
  problems,
}: {
  p: PaymentTyped;
  setP: (p: PaymentTyped) => void;
  problems: string[];
}) {
  const set = (k: keyof PaymentTyped) => (v: string) => setP({ ...p, [k]: v });
  return (
    <fieldset className="form__group" style={FIELDSET} aria-describedby="edit-payment-verdict">
      <legend>Payment mechanism</legend>
      <SelectField
        id="edit-pricing"
        label="Pricing basis"
        value={p.pricingBasis}
        onChange={set("pricingBasis")}
        choices={[["", "(not recorded)"], ...PRICING_BASES.map((b) => [b, PRICING_WORDS[b]] as const)]}
      />
      {p.pricingBasis === "target-cost" ? (
        <>
          <TextField
            id="edit-pain"
            label="Supplier's share of an overrun (pain)"
            value={p.painShare}
            onChange={set("painShare")}
          />
          <TextField
            id="edit-gain"
            label="Supplier's share of an underrun (gain)"
            value={p.gainShare}
            onChange={set("gainShare")}
          />
        </>
      ) : null}
      <SelectField
        id="edit-invoicing"
        label="Invoiced"
        value={p.invoicing}
        onChange={set("invoicing")}
        choices={INVOICING_FREQUENCIES.map((f) => [f, f.replace("-", " ")] as const)}
      />
      <TextField
        id="edit-days"
        label="Payment terms (days)"
        value={p.paymentTermsDays}
        onChange={set("paymentTermsDays")}
        hint="Days to pay a valid invoice: at most 30 in a public contract (Procurement Act 2023, s.68)."
      />
      <SelectField
        id="edit-indexation"
        label="Indexation"
        value={p.indexation}
        onChange={set("indexation")}
        choices={INDEXATION_KINDS.map((k) => [k, INDEXATION_WORDS[k]] as const)}
      />
      {p.indexation === "fixed" ? (
        <TextField
          id="edit-uplift"
          label="Yearly uplift"
          value={p.indexationRate}
          onChange={set("indexationRate")}
          hint="A percentage, such as 2.5%."
        />
      ) : null}
      {p.indexation !== "none" ? (
        <TextField
          id="edit-review"
          label="Indexation next applied on"
          type="date"
          value={p.indexationReviewOn}
          onChange={set("indexationReviewOn")}
        />
      ) : null}
      <TextField
        id="edit-credits"
        label="Service credit cap"
        value={p.serviceCreditCap}
        onChange={set("serviceCreditCap")}
        hint="The most service credits (deductions) can take off a month's charge, such as 15%; empty when the contract sets none."
      />
      <TextAreaField
        id="edit-payment-note"
        label="Note on the payment mechanism"
        rows={2}
        value={p.note}
        onChange={set("note")}
      />
      <div id="edit-payment-verdict" aria-live="polite">
        {problems.length ? (
          <ul className="form__error">
            {problems.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        ) : (
          <p className="form__hint muted">
            {p.pricingBasis ? "Nothing to correct." : "No payment mechanism will be recorded."}
          </p>
        )}
      </div>
    </fieldset>
  );
}
