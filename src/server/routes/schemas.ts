/** JSON-schema pieces every route module shares, so a field means the same thing on every route. */
import { MAX_PENCE } from "../../shared/money.ts";

/** Why a change is made: required on every write, kept in the audit trail. */
export const reason = {
  type: "string",
  minLength: 1,
  description: "Why the change is made; kept in the audit trail",
} as const;

/** A record id in the path. */
export const idParam = { type: "object", required: ["id"], properties: { id: { type: "string" } } } as const;

/** A record id chosen by the user: lower-case letters, digits and hyphens. */
export const slug = { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,62}$" } as const;

/** Body of a publish-or-withdraw route. */
export const publicationBody = {
  type: "object",
  required: ["published", "reason"],
  additionalProperties: false,
  properties: { published: { type: "boolean" }, reason },
} as const;

/**
 * Money in integer pence (a `*Pence` field), at least `minimum` (0 for a price or a value, 1 for
 * money recovered, -MAX_PENCE where a negative sum means something, as savings that turned into
 * a loss) and at most MAX_PENCE. Without the bounds 1e308 passes as an "integer" and reaches
 * the store as a float (SQLite) or an error (PostgreSQL), and 2^53 + 1 silently loses a penny.
 */
export function pence(minimum: number, description = "Money in integer pence") {
  return { type: "integer", minimum, maximum: MAX_PENCE, description } as const;
}

/** The smallest sum a pence field that may be negative takes. */
export const NEGATIVE_PENCE = -MAX_PENCE;

/** What failed schema validation, as the API's error handler receives it (Ajv with `verbose`). */
export interface FailedCheck {
  keyword: string;
  message?: string;
  parentSchema?: unknown;
}

/**
 * The error message for a failed check in plain words. A whole number with both bounds (money,
 * say) fails its type, minimum or maximum with the whole allowed range, not only the side it
 * missed: "must be a whole number of pence from 0 to 1000000000000000". Anything else keeps
 * Ajv's own message.
 */
export function plainCheckMessage(path: string, check: FailedCheck): string {
  const s = check.parentSchema as { type?: unknown; minimum?: unknown; maximum?: unknown } | undefined;
  if (
    ["type", "minimum", "maximum", "multipleOf"].includes(check.keyword) &&
    s?.type === "integer" &&
    typeof s.minimum === "number" &&
    typeof s.maximum === "number"
  ) {
    const unit = /Pence$/.test(path) ? " of pence" : "";
    return `${path}: must be a whole number${unit} from ${s.minimum} to ${s.maximum}`;
  }
  return `${path}: ${check.message ?? "is not valid"}`;
}
