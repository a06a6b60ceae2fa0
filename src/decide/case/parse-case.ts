/** Validates parsed JSON as an appraisal case; bad input becomes an InputError with its JSON path. */
import { type AppraisalCase, caseSchema } from "./case-schema.ts";
import { issuesToInputError } from "./zod-issues.ts";

export function parseCase(data: unknown, file?: string): AppraisalCase {
  const r = caseSchema.safeParse(data, { reportInput: true });
  if (!r.success) throw issuesToInputError(r.error, file);
  return r.data;
}
