/**
 * Request bodies: the size limits (small for JSON forms, large only for uploads) and the JSON
 * parser every route uses, which refuses malformed or too deeply nested JSON with the line and
 * column, as a 400, before any route code runs.
 */
import { InputError, printable } from "../shared/errors.ts";
import { checkJsonDepth } from "../shared/json-depth.ts";
import { findJsonSyntaxError } from "../shared/json-position.ts";

/** Default for every route: a form, a record, a decision document (1 MiB). */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Routes that take files (64 MiB) and sign-in and the account routes (4 KiB): the contract declares them. */
export { AUTH_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "../contract/fields.ts";

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "")
    throw new InputError("the request body is empty; expected a JSON document", { code: "malformed_json" });
  checkJsonDepth(text);
  let parsed: unknown;
  try {
    parsed =
      text.includes('"__proto__"') || text.includes('"constructor"') || text.includes("\\u0000")
        ? JSON.parse(text, refuseKeysAndNul)
        : JSON.parse(text);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const p = findJsonSyntaxError(text);
    throw new InputError(`the request body is not valid JSON: ${p?.message ?? "could not be read"}`, {
      code: "malformed_json",
      location: p ? { line: p.line, column: p.column } : {},
    });
  }
  return parsed;
}

/**
 * A `__proto__` key (or `constructor.prototype`) is refused: copied into an object later with
 * Object.assign or a spread it would replace that object's prototype (prototype pollution).
 * So is text holding a NUL character (written `\u0000` in JSON): no field of nous means it, and
 * PostgreSQL cannot store it in text, so it used to reach the database and answer 500 there.
 */
function refuseKeysAndNul(key: string, value: unknown): unknown {
  if (key.includes("\u0000") || (typeof value === "string" && value.includes("\u0000")))
    throw new InputError(
      `the request body has a NUL character (\\u0000) in ${key === "" ? "its text" : `the field "${printable(key)}"`}, which nous does not accept in text`,
      { code: "bad_request" },
    );
  if (
    key === "__proto__" ||
    (key === "constructor" && value !== null && typeof value === "object" && "prototype" in value)
  )
    throw new InputError(`the request body has a field named "${key}", which nous does not accept`, {
      code: "bad_request",
    });
  return value;
}
