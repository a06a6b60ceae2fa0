/**
 * The pieces every dashboard form is made of: a form's save state (the check before sending,
 * the message after a save, the error that stopped it), a labelled field, the outcome line, and
 * the reason (kept in the audit trail) with the "published" box that ends every write.
 */
import { type ReactNode, useState } from "react";
import { ApiError } from "../api.ts";
import { useMarkStale } from "../queries.ts";

/**
 * One form's state: the message after a save, the error that stopped it, and whether it is
 * saving. After a save every loaded answer is marked stale, so pages show what it changed.
 */
export function useSave(onSaved: () => void = () => {}) {
  const markStale = useMarkStale();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (check: () => string | null, save: () => Promise<string>): Promise<boolean> => {
    setDone(null);
    const problem = check();
    if (problem) {
      setError(problem);
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      setDone(await save());
      void markStale();
      onSaved();
      return true;
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, done, busy, run };
}

export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="form__group">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="muted form__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** A labelled one-line input: text by default, or a date, a password... */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  type,
  inputMode,
  autoComplete,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  type?: "text" | "date" | "password";
  inputMode?: "decimal";
  autoComplete?: string;
  disabled?: boolean;
}) {
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})}>
      <input
        id={id}
        type={type ?? "text"}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A labelled choice of fixed values, each shown in words. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  onChange,
  choices,
  hint,
}: {
  id: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  /** The values in the order offered, each with the words shown for it. */
  choices: readonly (readonly [V, string])[];
  hint?: string;
}) {
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})}>
      <select
        id={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {choices.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled box of several lines. */
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  rows = 3,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  return (
    <Field id={id} label={label}>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** The form's submit button; it reads "Saving…" and is disabled while the save runs. */
export function SaveButton({ busy, label }: { busy: boolean; label: string }) {
  return (
    <button type="submit" className="button" disabled={busy}>
      {busy ? "Saving…" : label}
    </button>
  );
}

export function Outcome({
  prefix,
  error,
  done,
}: {
  prefix: string;
  error: string | null;
  done: string | null;
}) {
  return (
    <>
      {error ? (
        <div className="error-panel" role="alert" id={`${prefix}-error`}>
          <p>{error}</p>
        </div>
      ) : null}
      {done ? (
        <p className="form-ok" role="status">
          {done}
        </p>
      ) : null}
    </>
  );
}

/** The reason and the "publish" box every form ends with. */
/** Why a change is made; every write asks for it and the audit trail keeps it. */
export function ReasonField({
  prefix,
  reason,
  setReason,
}: {
  prefix: string;
  reason: string;
  setReason: (v: string) => void;
}) {
  return (
    <TextField
      id={`${prefix}-reason`}
      label="Reason (kept in the audit trail)"
      value={reason}
      onChange={setReason}
    />
  );
}

export function ReasonAndPublish({
  prefix,
  reason,
  setReason,
  published,
  setPublished,
}: {
  prefix: string;
  reason: string;
  setReason: (v: string) => void;
  published: boolean;
  setPublished: (v: boolean) => void;
}) {
  return (
    <>
      <ReasonField prefix={prefix} reason={reason} setReason={setReason} />
      <div className="form__group form__check">
        <input
          id={`${prefix}-published`}
          type="checkbox"
          checked={published}
          onChange={(e) => setPublished(e.target.checked)}
        />
        <label htmlFor={`${prefix}-published`}>Published (the public and the open data can see it)</label>
      </div>
    </>
  );
}
