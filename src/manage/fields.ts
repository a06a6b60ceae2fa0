/**
 * The checks every contract-management record makes of its fields, so a date, a sum or a piece
 * of text is refused the same way whichever record it belongs to: the error names the field's
 * JSON path and says what was expected.
 */
import { isIsoDate } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export function isoDateField(v: string, path: string): string {
  if (!isIsoDate(v)) throw new InputError(`expected a date YYYY-MM-DD, got "${v}"`, { location: { path } });
  return v;
}

/** A whole number of pence, 0 or more. */
export function penceField(v: number, path: string): number {
  if (!Number.isSafeInteger(v) || v < 0)
    throw new InputError(`expected a whole number of pence, 0 or more, got ${v}`, { location: { path } });
  return v;
}

/** Text, trimmed; when required, not empty. */
export function textField(v: string | undefined, path: string, required = true): string {
  const s = (v ?? "").trim();
  if (required && !s) throw new InputError("expected a non-empty text", { location: { path } });
  return s;
}
